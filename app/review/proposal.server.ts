import { transitionApplication } from "~/applications/transition.server";
import { prisma } from "~/db.server";
import { hasRole, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import { isAssessmentComplete } from "./assessment.server";
import type { ReviewResult } from "./assignment.server";
import { rubricFor } from "./rubric";
import { grantForOutcome, REVIEW_MESSAGES, type Outcome } from "./rules";
import { programmeKindSchema } from "~/programmes/programme-form";

/**
 * The reviewer proposes an outcome and amount with a motivation, once every criterion is
 * scored. The proposal stays internal until a decider decides.
 */
export async function proposeDecision(input: {
  viewer: Viewer;
  applicationId: string;
  outcome: Outcome;
  amountCents: number | null;
  motivation: string;
}): Promise<ReviewResult> {
  if (!hasRole(input.viewer, "REVIEWER")) return { ok: false, message: REVIEW_MESSAGES.notReviewer };
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: {
        status: true,
        requestedCents: true,
        assessments: { select: { criterionKey: true } },
        call: { select: { formKey: true, settings: true, programme: { select: { kind: true } } } },
      },
    });
    if (application.status !== "IN_REVIEW") return { ok: false, message: REVIEW_MESSAGES.notInReview };
    const rubric = rubricFor(application.call.formKey, JSON.parse(application.call.settings));
    if (!isAssessmentComplete(rubric, application.assessments)) return { ok: false, message: REVIEW_MESSAGES.assessmentIncomplete };
    const kind = programmeKindSchema.parse(application.call.programme.kind);
    const grant = grantForOutcome(input.outcome, application.requestedCents, input.amountCents, kind);
    if (!grant.ok) return { ok: false, field: "amount", message: grant.message };
    const moved = await transitionApplication(
      {
        applicationId: input.applicationId,
        to: "PROPOSED",
        actor: { userId: input.viewer.userId, role: "REVIEWER" },
        reason: input.motivation,
      },
      tx,
    );
    if (!moved.ok) return { ok: false, field: "motivation", message: moved.message };
    await tx.application.update({
      where: { id: input.applicationId },
      data: { proposedOutcome: input.outcome, proposedCents: grant.cents, proposedById: input.viewer.userId, proposedAt: now() },
    });
    return { ok: true };
  });
}
