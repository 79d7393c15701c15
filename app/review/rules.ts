import * as z from "zod/mini";
import { allowedNextStatuses, type ApplicationStatus } from "~/domain/application-status";
import { ASSIGNMENT_ROLES, hasRole, type Viewer } from "~/domain/permissions";
import { formatCents } from "~/utils/money";

/** The outcomes a reviewer can propose and a decider can decide. */
export const OUTCOMES = ["APPROVED", "PARTIALLY_APPROVED", "REFUSED"] as const;
export const outcomeSchema = z.enum(OUTCOMES, { error: "Gelieve een optie te kiezen." });
export type Outcome = z.infer<typeof outcomeSchema>;

export const OUTCOME_LABELS: Record<"FUNDING" | "RECOGNITION", Record<Outcome, string>> = {
  FUNDING: { APPROVED: "Goedkeuren", PARTIALLY_APPROVED: "Gedeeltelijk goedkeuren", REFUSED: "Weigeren" },
  RECOGNITION: { APPROVED: "Erkennen", PARTIALLY_APPROVED: "Gedeeltelijk erkennen", REFUSED: "Niet erkennen" },
};

/** The messages of the review workflow, word for word. */
export const REVIEW_MESSAGES = {
  notReviewer: "Alleen een beoordelaar van het agentschap kan dit doen.",
  notDecider: "Alleen een beslisser van het agentschap kan beslissen.",
  fourEyes: "U hebt dit voorstel zelf gedaan. Een andere beslisser moet erover beslissen (vier-ogenprincipe).",
  noScores: "Geef minstens één criterium een score met een motivering.",
  reassignReason: "Geef een reden op om het dossier aan iemand anders toe te wijzen.",
  unknownReviewer: "Deze persoon is geen beoordelaar.",
  notInReview: "Dit kan alleen voor een dossier dat in behandeling is.",
  assessmentIncomplete: "Beoordeel eerst alle criteria, elk met een motivering, voor u een voorstel doet.",
  amountRequired: "Geef het voorgestelde bedrag op.",
  partialAmount: (requested: number) =>
    `Een gedeeltelijke goedkeuring is meer dan € 0,00 en minder dan het gevraagde bedrag (${formatCents(requested)}).`,
  fullAmount: (requested: number) => `Een goedkeuring is voor het gevraagde bedrag (${formatCents(requested)}).`,
  noRequestedAmount: "Dit dossier heeft geen gevraagd bedrag.",
  periodRequired: "Geef de einddatum van de erkenning op.",
  periodOrder: "De erkenning eindigt na de begindatum.",
  dueInPast: "De termijn om te antwoorden ligt in de toekomst.",
  notAwaitingAnswer: "Het agentschap wacht voor dit dossier niet op een antwoord.",
  noProposal: "Er is geen voorstel om over te beslissen.",
} as const;

/** The amount that goes with an outcome, or why it does not fit the request. */
export function grantForOutcome(
  outcome: Outcome,
  requestedCents: number | null,
  amountCents: number | null,
  programmeKind: "FUNDING" | "RECOGNITION",
): { ok: true; cents: number | null } | { ok: false; message: string } {
  if (outcome === "REFUSED") return { ok: true, cents: programmeKind === "RECOGNITION" ? null : 0 };
  if (programmeKind === "RECOGNITION") return { ok: true, cents: null };
  if (requestedCents === null) return { ok: false, message: REVIEW_MESSAGES.noRequestedAmount };
  if (outcome === "APPROVED") {
    if (amountCents !== null && amountCents !== requestedCents) return { ok: false, message: REVIEW_MESSAGES.fullAmount(requestedCents) };
    return { ok: true, cents: requestedCents };
  }
  if (amountCents === null) return { ok: false, message: REVIEW_MESSAGES.amountRequired };
  if (amountCents <= 0 || amountCents >= requestedCents) return { ok: false, message: REVIEW_MESSAGES.partialAmount(requestedCents) };
  return { ok: true, cents: amountCents };
}

/** Four eyes: the reviewer who proposed an outcome may not decide on it, whatever other roles they hold. */
export function isOwnProposal(proposal: { proposedById: string | null }, deciderId: string): boolean {
  return proposal.proposedById === deciderId;
}

/**
 * What a staff member may do on the review page, derived from the status machine: a step is
 * offered when the machine lets their role make it from the dossier's status. Assigning is
 * possible while a reviewer still has a step to take (submitted, in review, waiting for an
 * answer); scoring belongs to the way to a proposal.
 */
export function reviewActions(input: {
  status: ApplicationStatus;
  viewer: Viewer;
  proposedById: string | null;
  assessmentComplete: boolean;
}) {
  const { status, viewer } = input;
  const reviewerNext = hasRole(viewer, "REVIEWER") ? allowedNextStatuses(status, "REVIEWER") : [];
  const deciderNext = hasRole(viewer, "DECIDER") ? allowedNextStatuses(status, "DECIDER") : [];
  const mayDecide = OUTCOMES.some((outcome) => deciderNext.includes(outcome));
  const ownProposal = isOwnProposal(input, viewer.userId);
  return {
    assign: hasRole(viewer, ...ASSIGNMENT_ROLES) && allowedNextStatuses(status, "REVIEWER").length > 0,
    assess: reviewerNext.includes("PROPOSED"),
    requestInformation: reviewerNext.includes("INFO_REQUESTED"),
    propose: reviewerNext.includes("PROPOSED") && input.assessmentComplete,
    decide: mayDecide && !ownProposal,
    decideBlockedByFourEyes: mayDecide && ownProposal,
  };
}
