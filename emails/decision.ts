import { formatCents } from "../app/utils/money";
import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

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

/** The decision on a dossier: outcome, amount, motivation, and the letter as a PDF attachment. */
export function decisionEmail(input: DecisionEmailInput): EmailContent {
  const { dossier } = input;
  const recognition = input.programmeKind === "RECOGNITION";
  const words = outcomeWords(input.outcome, recognition);
  const facts: Array<[string, string]> = [["Beslissing", words.label]];
  if (!recognition && input.requestedCents !== null) facts.push(["Gevraagd bedrag", formatCents(input.requestedCents)]);
  if (!recognition && input.outcome !== "REFUSED" && input.grantedCents !== null) {
    facts.push(["Toegekend bedrag", formatCents(input.grantedCents)]);
  }
  const letter = input.letterFilename
    ? `De beslissingsbrief zit als PDF in de bijlage van deze e-mail (${input.letterFilename}). U vindt hem ook in uw dossier.`
    : "U vindt de beslissing ook in uw dossier.";
  return renderEmail({
    subject: `Beslissing over uw aanvraag ${dossierSubject(dossier)}: ${words.label}`,
    textBody: `Beste ${input.firstName},

${words.sentence}

${dossierFactsText(dossier, facts)}

Motivering:

${quoteText(input.motivation)}

${letter}

Uw dossier bekijken:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${input.firstName},`)}
      ${paragraph(html`<strong>${words.sentence}</strong>`)}
      ${dossierFactsHtml(dossier, facts)}
      ${paragraph("Motivering:")}
      ${quote(input.motivation)}
      ${paragraph(letter)}
      ${linkBlock(dossier.dossierUrl, "Dossier bekijken")}
      ${signature()}
    `,
  });
}
