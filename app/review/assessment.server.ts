import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { hasRole, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import { controlCharacterMessage, isBlank } from "~/utils/text";
import { rubricFor, type Criterion } from "./rubric";
import { REVIEW_MESSAGES } from "./rules";
import type { ReviewResult } from "./assignment.server";

export type ScoreInput = { key: string; score: number | null; motivation: string };

/** Whether anything was filled in for a criterion (a score or a motivation). */
function isGiven(input: ScoreInput | undefined): boolean {
  return Boolean(input && (input.score !== null || !isBlank(input.motivation)));
}

/** Checks one criterion's score and motivation; both are needed once either is given. */
export function checkScore(criterion: Criterion, input: ScoreInput | undefined): string | null {
  if (!input || !isGiven(input)) return null;
  if (input.score === null || !Number.isInteger(input.score) || input.score < 1 || input.score > criterion.maxScore) {
    return `Kies een score van 1 tot ${criterion.maxScore}.`;
  }
  if (isBlank(input.motivation)) return "Motiveer deze score.";
  const control = controlCharacterMessage(input.motivation, { multiline: true });
  if (control) return control;
  if (input.motivation.length > 2000) return "Gebruik hoogstens 2.000 tekens.";
  return null;
}

/**
 * Saves a reviewer's scores on the call's rubric. Every changed score is audited with its
 * value before and after; unchanged ones write nothing. Only while the dossier is in review.
 */
export async function saveAssessment(input: {
  viewer: Viewer;
  applicationId: string;
  scores: ScoreInput[];
}): Promise<{ ok: true } | { ok: false; errors: Record<string, string>; message?: string }> {
  if (!hasRole(input.viewer, "REVIEWER")) return { ok: false, errors: {}, message: REVIEW_MESSAGES.notReviewer };
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { status: true, organisationId: true, call: { select: { formKey: true, settings: true } } },
    });
    if (application.status !== "IN_REVIEW") return { ok: false, errors: {}, message: REVIEW_MESSAGES.notInReview };
    const rubric = rubricFor(application.call.formKey, JSON.parse(application.call.settings));
    const byKey = new Map(input.scores.map((score) => [score.key, score]));
    const errors: Record<string, string> = {};
    for (const criterion of rubric) {
      const problem = checkScore(criterion, byKey.get(criterion.key));
      if (problem) errors[`score-${criterion.key}`] = problem;
    }
    const first = rubric[0];
    if (first && !rubric.some((criterion) => isGiven(byKey.get(criterion.key)))) {
      // Nothing filled in: nothing to save, and saying "saved" would mislead.
      errors[`score-${first.key}`] = REVIEW_MESSAGES.noScores;
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const existing = await tx.assessment.findMany({ where: { applicationId: input.applicationId } });
    for (const criterion of rubric) {
      const given = byKey.get(criterion.key);
      if (!given || given.score === null) continue;
      const before = existing.find((a) => a.criterionKey === criterion.key);
      const motivation = given.motivation.trim();
      if (before && before.score === given.score && before.motivation === motivation) continue;
      await tx.assessment.upsert({
        where: { applicationId_criterionKey: { applicationId: input.applicationId, criterionKey: criterion.key } },
        create: {
          applicationId: input.applicationId,
          criterionKey: criterion.key,
          score: given.score,
          motivation,
          assessedById: input.viewer.userId,
        },
        update: { score: given.score, motivation, assessedById: input.viewer.userId },
      });
      await recordAudit(tx, {
        actorId: input.viewer.userId,
        actorRole: "REVIEWER",
        action: "assessment.score",
        entityType: "Assessment",
        entityId: `${input.applicationId}:${criterion.key}`,
        applicationId: input.applicationId,
        organisationId: application.organisationId,
        before: before ? { criterion: criterion.key, score: before.score, motivation: before.motivation } : undefined,
        after: { criterion: criterion.key, score: given.score, motivation },
        at: now(),
      });
    }
    return { ok: true };
  });
}

/** Whether every criterion of the rubric has a score (a proposal needs a complete assessment). */
export function isAssessmentComplete(rubric: readonly Criterion[], assessments: ReadonlyArray<{ criterionKey: string }>): boolean {
  return rubric.every((criterion) => assessments.some((a) => a.criterionKey === criterion.key));
}

export type { ReviewResult };
