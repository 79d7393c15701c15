import { statusLabel } from "~/applications/status-labels";
import { transitionApplication } from "~/applications/transition.server";
import { storeGeneratedFile } from "~/attachments/attachments.server";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { hasRole, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import { addDays, brusselsDate } from "~/utils/time";
import type { ReviewResult } from "./assignment.server";
import { checkEnvelope } from "./budget";
import { callBudget } from "./budget.server";
import { renderDecisionLetter } from "./letter.server";
import { outcomeSchema, REVIEW_MESSAGES } from "./rules";

/** Attachments with this field key are decision letters (readable by the applicant). */
export const DECISION_LETTER_FIELD = "beslissingsbrief";

export type DecideInput = {
  viewer: Viewer;
  applicationId: string;
  /** Confirm the proposal as the decision, or send it back to the reviewer */
  choice: "decide" | "send-back";
  motivation: string;
  /** Recognitions: the last day of the recognition period (ISO date) */
  recognitionEndsOn?: string;
};

/**
 * A decider, who is not the reviewer who proposed, decides on the proposal: the proposed
 * outcome and amount become the decision, with the motivation and the programme's legal
 * basis, and a PDF letter is stored with the dossier. The envelope is checked in the same
 * transaction, which first takes the call's write lock, so two simultaneous decisions on the
 * same call are serialised and cannot together exceed it.
 */
export async function decideProposal(input: DecideInput): Promise<ReviewResult> {
  const { viewer } = input;
  if (!hasRole(viewer, "DECIDER")) return { ok: false, message: REVIEW_MESSAGES.notDecider };
  const motivation = input.motivation.trim();
  if (!motivation) return { ok: false, field: "motivation", message: "Geef een motivering op." };
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: {
        status: true,
        reference: true,
        callId: true,
        organisationId: true,
        proposedOutcome: true,
        proposedCents: true,
        proposedById: true,
        organisation: { select: { name: true } },
        call: {
          select: { title: true, settings: true, programme: { select: { name: true, kind: true, legalBasis: true } } },
        },
      },
    });
    if (application.status !== "PROPOSED" || !application.proposedOutcome)
      return { ok: false, message: REVIEW_MESSAGES.noProposal };
    if (application.proposedById === viewer.userId) return { ok: false, message: REVIEW_MESSAGES.fourEyes };

    if (input.choice === "send-back") {
      const moved = await transitionApplication(
        {
          applicationId: input.applicationId,
          to: "IN_REVIEW",
          actor: { userId: viewer.userId, role: "DECIDER" },
          reason: motivation,
        },
        tx
      );
      return moved.ok ? { ok: true } : { ok: false, message: moved.message };
    }

    // Serialise decisions per call before reading what is already granted.
    const at = now();
    await tx.call.update({ where: { id: application.callId }, data: { updatedAt: at } });
    const outcome = outcomeSchema.parse(application.proposedOutcome);
    const grantedCents = application.proposedCents;
    if (grantedCents !== null && grantedCents > 0) {
      const envelope = checkEnvelope(await callBudget(tx, application.callId), grantedCents);
      if (!envelope.ok) return envelope;
    }
    const kind = application.call.programme.kind as "FUNDING" | "RECOGNITION";
    const period =
      kind === "RECOGNITION" && outcome !== "REFUSED"
        ? recognitionPeriod(application.call.settings, input.recognitionEndsOn)
        : null;
    if (period && !period.ok) return period;

    const moved = await transitionApplication(
      { applicationId: input.applicationId, to: outcome, actor: { userId: viewer.userId, role: "DECIDER" }, reason: motivation },
      tx
    );
    if (!moved.ok) return { ok: false, message: moved.message };
    await tx.application.update({
      where: { id: input.applicationId },
      data: {
        grantedCents,
        decidedById: viewer.userId,
        decidedAt: at,
        decisionMotivation: motivation,
        recognitionStartsOn: period?.ok ? period.startsOn : null,
        recognitionEndsOn: period?.ok ? period.endsOn : null,
      },
    });
    const letter = await renderDecisionLetter({
      reference: application.reference ?? input.applicationId,
      organisationName: application.organisation.name,
      programmeName: application.call.programme.name,
      callTitle: application.call.title,
      outcomeLabel: statusLabel(outcome, kind),
      grantedCents,
      recognitionPeriod: period?.ok ? { startsOn: period.startsOn, endsOn: period.endsOn } : null,
      motivation,
      legalBasis: application.call.programme.legalBasis,
      decidedAt: at,
      signatoryRole: "de beslisser (leidend ambtenaar of gemachtigde)",
    });
    await storeGeneratedFile(tx, {
      applicationId: input.applicationId,
      organisationId: application.organisationId,
      fieldKey: DECISION_LETTER_FIELD,
      fileName: `Beslissing ${application.reference ?? ""}.pdf`.replace(" .pdf", ".pdf"),
      format: "pdf",
      bytes: letter,
      createdById: viewer.userId,
      actorRole: "DECIDER",
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: "DECIDER",
      action: "application.decision",
      entityType: "Application",
      entityId: input.applicationId,
      applicationId: input.applicationId,
      organisationId: application.organisationId,
      before: { proposedOutcome: outcome, proposedCents: grantedCents, proposedById: application.proposedById },
      after: {
        outcome,
        grantedCents,
        legalBasis: application.call.programme.legalBasis,
        recognitionPeriod: period?.ok ? period : null,
      },
      reason: motivation,
      at,
    });
    return { ok: true };
  });
}

/** From the call's start date (settings) to the given end date, which must come after it. */
function recognitionPeriod(settingsJson: string, endsOn: string | undefined) {
  const settings = JSON.parse(settingsJson) as { recognitionStartsOn?: string };
  const startsOn = settings.recognitionStartsOn ?? brusselsDate(addDays(now(), 1));
  if (!endsOn || !/^\d{4}-\d{2}-\d{2}$/.test(endsOn))
    return { ok: false as const, field: "recognitionEndsOn", message: REVIEW_MESSAGES.periodRequired };
  if (endsOn <= startsOn) return { ok: false as const, field: "recognitionEndsOn", message: REVIEW_MESSAGES.periodOrder };
  return { ok: true as const, startsOn, endsOn };
}
