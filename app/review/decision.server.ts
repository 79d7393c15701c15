import { transitionApplication } from "~/applications/transition.server";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { hasRole, type Viewer } from "~/domain/permissions";
import { letterSettingsOf, letterTextsFor } from "~/documents/letter-texts";
import { programmeKindSchema } from "~/programmes/programme-form";
import { now } from "~/utils/clock.server";
import { parseJsonObject } from "~/utils/json";
import { addDays, brusselsDate } from "~/utils/time";
import type { ReviewResult } from "./assignment.server";
import { checkEnvelope } from "./budget";
import { callBudget } from "./budget.server";
import { isOwnProposal, outcomeSchema, REVIEW_MESSAGES } from "./rules";

export type DecideInput = {
  viewer: Viewer;
  applicationId: string;
  /** Confirm the proposal as the decision, or send it back to the reviewer */
  choice: "decide" | "send-back";
  motivation: string;
  /** Recognitions: the last day of the recognition period (ISO date) */
  recognitionEndsOn?: string;
};

/** Thrown to roll back the decision's writes when the status change itself is refused. */
class DecisionRefused extends Error {}

/**
 * A decider, who is not the reviewer who proposed, decides on the proposal: the proposed
 * outcome and amount become the decision, with the motivation and the programme's legal
 * basis. The envelope is checked in the same transaction, which first takes the call's write
 * lock, so two simultaneous decisions on the same call are serialised and cannot together
 * exceed it. The status change queues the decision e-mail, whose PDF letter is stored with
 * the dossier (review/letter.server.ts).
 */
export async function decideProposal(input: DecideInput): Promise<ReviewResult> {
  if (!hasRole(input.viewer, "DECIDER")) return { ok: false, message: REVIEW_MESSAGES.notDecider };
  const motivation = input.motivation.trim();
  if (!motivation) return { ok: false, field: "motivation", message: "Geef een motivering op." };
  try {
    return await decide(input, motivation);
  } catch (error) {
    if (error instanceof DecisionRefused) return { ok: false, message: error.message };
    throw error;
  }
}

async function decide(input: DecideInput, motivation: string): Promise<ReviewResult> {
  const { viewer } = input;
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: {
        status: true,
        callId: true,
        organisationId: true,
        proposedOutcome: true,
        proposedCents: true,
        proposedById: true,
        call: { select: { settings: true, programme: { select: { code: true, kind: true, legalBasis: true } } } },
      },
    });
    if (application.status !== "PROPOSED" || !application.proposedOutcome) return { ok: false, message: REVIEW_MESSAGES.noProposal };
    if (isOwnProposal(application, viewer.userId)) return { ok: false, message: REVIEW_MESSAGES.fourEyes };

    if (input.choice === "send-back") {
      const moved = await transitionApplication(
        {
          applicationId: input.applicationId,
          to: "IN_REVIEW",
          actor: { userId: viewer.userId, role: "DECIDER" },
          reason: motivation,
        },
        tx,
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
    const kind = programmeKindSchema.parse(application.call.programme.kind);
    const period =
      kind === "RECOGNITION" && outcome !== "REFUSED" ? recognitionPeriod(application.call.settings, input.recognitionEndsOn) : null;
    if (period && !period.ok) return period;

    // The decision fields first: the status change's e-mail renders the letter from them.
    await tx.application.update({
      where: { id: input.applicationId },
      data: {
        grantedCents,
        decidedById: viewer.userId,
        decidedAt: at,
        decisionMotivation: motivation,
        recognitionStartsOn: period?.startsOn ?? null,
        recognitionEndsOn: period?.endsOn ?? null,
      },
    });
    const moved = await transitionApplication(
      { applicationId: input.applicationId, to: outcome, actor: { userId: viewer.userId, role: "DECIDER" }, reason: motivation },
      tx,
    );
    if (!moved.ok) throw new DecisionRefused(moved.message);
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
        // What the letter names: the call's own legal basis, else its programme's.
        legalBasis: letterTextsFor(
          { ...application.call.programme, kind },
          letterSettingsOf(parseJsonObject(application.call.settings)),
        ).legalBasis.join("; "),
        recognitionPeriod: period ? { startsOn: period.startsOn, endsOn: period.endsOn } : null,
      },
      reason: motivation,
      at: now(),
    });
    return { ok: true };
  });
}

type Period = { ok: true; startsOn: string; endsOn: string; field?: undefined; message?: undefined };

/** From the call's start date (settings) to the given end date, which must come after it. */
function recognitionPeriod(
  settingsJson: string,
  endsOn: string | undefined,
): Period | { ok: false; field: string; message: string; startsOn?: undefined; endsOn?: undefined } {
  const { recognitionStartsOn } = parseJsonObject(settingsJson);
  const startsOn = typeof recognitionStartsOn === "string" ? recognitionStartsOn : brusselsDate(addDays(now(), 1));
  if (!endsOn || !/^\d{4}-\d{2}-\d{2}$/.test(endsOn))
    return { ok: false, field: "recognitionEndsOn", message: REVIEW_MESSAGES.periodRequired };
  if (endsOn <= startsOn) return { ok: false, field: "recognitionEndsOn", message: REVIEW_MESSAGES.periodOrder };
  return { ok: true, startsOn, endsOn };
}
