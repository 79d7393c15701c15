import { loadDossier, type Dossier } from "~/applications/dossier.server";
import { auditSentence, userIdsIn } from "~/audit/audit-sentences";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { isAssessmentComplete } from "./assessment.server";
import { envelopeWarning } from "./budget";
import { callBudget } from "./budget.server";
import { DECISION_LETTER_FIELD } from "./letter.server";
import { answerFieldKey } from "./information.server";
import { programmeKindSchema } from "~/programmes/programme-form";
import { parseJsonObject } from "~/utils/json";
import { rubricFor } from "./rubric";
import { reviewActions } from "./rules";

export async function userNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}

function statusAfter(after: string | null): unknown {
  return after ? parseJsonObject(after).status : undefined;
}

/** Requests for information with their answers and files: for staff and applicant alike. */
export async function informationHistory(applicationId: string) {
  const [requests, files] = await Promise.all([
    prisma.informationRequest.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } }),
    prisma.attachment.findMany({
      where: { applicationId, deletedAt: null, fieldKey: { startsWith: "antwoord-" } },
      select: { id: true, fieldKey: true, fileName: true, sizeBytes: true },
    }),
  ]);
  return requests.map((request) => ({
    id: request.id,
    questions: request.questions,
    askedAt: request.createdAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    answer: request.answer,
    answeredAt: request.answeredAt?.toISOString() ?? null,
    files: files.filter((file) => file.fieldKey === answerFieldKey(request.id)),
  }));
}

/** The decision as the applicant sees it: outcome, amount, motivation, period, letter. */
export async function decisionForApplicant(applicationId: string, loaded?: Dossier) {
  const { decision, grantedCents } = loaded ?? (await loadDossier(applicationId));
  if (!decision.decidedAt) return null;
  const letter = await prisma.attachment.findFirst({
    where: { applicationId, fieldKey: DECISION_LETTER_FIELD, deletedAt: null },
    select: { id: true, fileName: true },
    orderBy: { createdAt: "desc" },
  });
  return {
    decidedAt: decision.decidedAt.toISOString(),
    motivation: decision.motivation,
    grantedCents,
    recognitionStartsOn: decision.recognitionStartsOn,
    recognitionEndsOn: decision.recognitionEndsOn,
    letter,
  };
}

/** Everything the staff review page shows, with what this staff member may do now. */
export async function reviewPage(viewer: Viewer, applicationId: string, loaded?: Dossier) {
  const dossier = loaded ?? (await loadDossier(applicationId));
  const [assessments, notes, audit, reviewers, budget, information] = await Promise.all([
    prisma.assessment.findMany({
      where: { applicationId: dossier.id },
      select: { criterionKey: true, score: true, motivation: true, assessedById: true, updatedAt: true },
    }),
    prisma.reviewNote.findMany({
      where: { applicationId: dossier.id },
      select: { id: true, text: true, authorId: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.auditEvent.findMany({ where: { applicationId: dossier.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    prisma.user.findMany({
      where: { staffRoles: { some: { role: "REVIEWER" } }, deactivatedAt: null },
      select: { id: true, firstName: true, lastName: true },
      orderBy: { lastName: "asc" },
    }),
    callBudget(prisma, dossier.callId),
    informationHistory(dossier.id),
  ]);
  const { review } = dossier;
  const names = await userNames([
    review.assigneeId,
    review.proposedById,
    ...assessments.map((a) => a.assessedById),
    ...notes.map((n) => n.authorId),
    ...audit.flatMap(userIdsIn),
  ]);
  const settings = parseJsonObject(dossier.call.settings);
  const rubric = rubricFor(dossier.call.formKey, settings);
  const { status } = dossier;
  // The proposal's motivation is the reason of its status change (the audit trail keeps it).
  const proposedEvent = audit.findLast((event) => event.action === "application.status" && statusAfter(event.after) === "PROPOSED");
  const awaitingDecision = status === "PROPOSED" ? (review.proposedCents ?? 0) : 0;
  const otherProposedCents = budget.proposedCents - awaitingDecision;
  return {
    id: dossier.id,
    status,
    reference: dossier.reference,
    organisationName: dossier.organisation.name,
    callTitle: dossier.call.title,
    programmeName: dossier.call.programme.name,
    programmeKind: programmeKindSchema.parse(dossier.call.programme.kind),
    recognitionStartsOn: typeof settings.recognitionStartsOn === "string" ? settings.recognitionStartsOn : null,
    requestedCents: dossier.requestedCents,
    grantedCents: dossier.grantedCents,
    assignee: review.assigneeId ? { id: review.assigneeId, name: names.get(review.assigneeId) ?? "?" } : null,
    proposal: review.proposedOutcome
      ? {
          outcome: review.proposedOutcome,
          cents: review.proposedCents,
          by: names.get(review.proposedById ?? "") ?? null,
          at: review.proposedAt?.toISOString() ?? null,
          motivation: proposedEvent?.reason ?? null,
          /** Server computed: the amount against what the envelope has left */
          envelopeWarning: envelopeWarning(budget, review.proposedCents, otherProposedCents, "proposal"),
        }
      : null,
    /** Before proposing: the requested amount against what the envelope has left */
    requestEnvelopeWarning: envelopeWarning(budget, dossier.requestedCents, budget.proposedCents, "request"),
    rubric: rubric.map((criterion) => {
      const given = assessments.find((a) => a.criterionKey === criterion.key);
      return {
        ...criterion,
        score: given?.score ?? null,
        motivation: given?.motivation ?? "",
        by: given ? (names.get(given.assessedById) ?? null) : null,
      };
    }),
    notes: notes.map((note) => ({
      id: note.id,
      text: note.text,
      by: names.get(note.authorId) ?? "?",
      at: note.createdAt.toISOString(),
    })),
    information,
    audit: audit.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      sentence: auditSentence(event, {
        userName: (id) => names.get(id),
        criterionLabel: (key) => rubric.find((criterion) => criterion.key === key)?.label,
        programmeKind: dossier.call.programme.kind,
      }),
      actorRole: event.actorRole,
      action: event.action,
      before: event.before,
      after: event.after,
      reason: event.reason,
    })),
    budget,
    reviewers: reviewers.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` })),
    can: reviewActions({
      status,
      viewer,
      proposedById: review.proposedById,
      assessmentComplete: isAssessmentComplete(rubric, assessments),
    }),
  };
}
