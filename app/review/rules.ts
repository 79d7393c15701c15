import * as z from "zod";
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
