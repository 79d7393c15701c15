import { formatCents } from "../app/utils/money";
import { action, p, paragraphOf, quote, SIGNATURE, strong } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type DecisionOutcome = "APPROVED" | "PARTIALLY_APPROVED" | "REFUSED";

export type DecisionEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  outcome: DecisionOutcome;
  /** RECOGNITION programmes decide on recognition, not on money. */
  programmeKind: string;
  requestedCents: number | null;
  grantedCents: number | null;
  motivation: string;
  /** File name of the attached PDF letter, when there is one. */
  letterFilename: string | null;
};

function outcomeWords(outcome: DecisionOutcome, recognition: boolean): { label: string; sentence: string } {
  if (recognition) {
    if (outcome === "REFUSED") return { label: "niet erkend", sentence: "Het agentschap kent de gevraagde erkenning niet toe." };
    if (outcome === "PARTIALLY_APPROVED") {
      return { label: "gedeeltelijk erkend", sentence: "Het agentschap kent de gevraagde erkenning gedeeltelijk toe." };
    }
    return { label: "erkend", sentence: "Het agentschap kent de gevraagde erkenning toe." };
  }
  if (outcome === "APPROVED") return { label: "goedgekeurd", sentence: "Het agentschap keurt uw aanvraag goed." };
  if (outcome === "PARTIALLY_APPROVED") {
    return { label: "gedeeltelijk goedgekeurd", sentence: "Het agentschap keurt uw aanvraag gedeeltelijk goed." };
  }
  return { label: "geweigerd", sentence: "Het agentschap weigert uw aanvraag." };
}

function letterSentence(letterFilename: string | null): string {
  return letterFilename
    ? `De beslissingsbrief zit als PDF in de bijlage van deze e-mail (${letterFilename}). U vindt hem ook in uw dossier.`
    : "U vindt de beslissing ook in uw dossier.";
}

/** The decision on a dossier: outcome, amount, motivation, and the letter as a PDF attachment. */
export function decisionEmail(input: DecisionEmailInput): EmailContent {
  const { dossier } = input;
  const recognition = input.programmeKind === "RECOGNITION";
  const words = outcomeWords(input.outcome, recognition);
  const rows: Array<[string, string]> = [["Beslissing", words.label]];
  if (!recognition && input.requestedCents !== null) rows.push(["Gevraagd bedrag", formatCents(input.requestedCents)]);
  if (!recognition && input.outcome !== "REFUSED" && input.grantedCents !== null) {
    rows.push(["Toegekend bedrag", formatCents(input.grantedCents)]);
  }
  return renderEmail({
    subject: `Beslissing over uw aanvraag ${dossierSubject(dossier)}: ${words.label}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      paragraphOf(strong(words.sentence)),
      dossierFacts(dossier, rows),
      p`Motivering:`,
      quote(input.motivation),
      paragraphOf(letterSentence(input.letterFilename)),
      action(dossier.dossierUrl, "Uw dossier bekijken"),
      SIGNATURE,
    ],
  });
}
