import { formatCents } from "~/utils/money";
import { formatDate, formatTimestamp } from "~/utils/time";
import { renderPdf, type PdfBlock } from "./pdf.server";

export type DecisionLetterInput = {
  reference: string | null;
  organisationName: string;
  callTitle: string;
  programmeName: string;
  /** FUNDING | RECOGNITION */
  programmeKind: string;
  legalBasis: string;
  outcome: "APPROVED" | "PARTIALLY_APPROVED" | "REFUSED";
  requestedCents: number | null;
  grantedCents: number | null;
  motivation: string;
  decidedAt: Date;
  /** Recognitions: the period, as ISO dates */
  recognitionPeriod?: { startsOn: string; endsOn: string } | null;
};

const AGENCY = "Agentschap Integratie en Inburgering";

export function decisionLetterFilename(reference: string | null): string {
  return `beslissing-${(reference ?? "dossier").replace(/[^A-Za-z0-9-]/g, "_")}.pdf`;
}

function outcomeParagraphs(input: DecisionLetterInput): string[] {
  if (input.programmeKind === "RECOGNITION") {
    if (input.outcome === "REFUSED") return ["Het agentschap kent de gevraagde erkenning niet toe."];
    if (input.outcome === "PARTIALLY_APPROVED") return ["Het agentschap kent de gevraagde erkenning gedeeltelijk toe."];
    const period = input.recognitionPeriod;
    return [
      `Het agentschap erkent ${input.organisationName} als partnerorganisatie.`,
      period
        ? `Erkenningsperiode: van ${formatDate(`${period.startsOn}T12:00:00Z`)} tot en met ${formatDate(`${period.endsOn}T12:00:00Z`)}.`
        : "",
    ];
  }
  const requested = input.requestedCents !== null ? formatCents(input.requestedCents) : null;
  const granted = input.grantedCents !== null ? formatCents(input.grantedCents) : null;
  if (input.outcome === "REFUSED") return ["Het agentschap weigert uw aanvraag. Er wordt geen subsidie toegekend."];
  if (input.outcome === "PARTIALLY_APPROVED") {
    return [
      "Het agentschap keurt uw aanvraag gedeeltelijk goed.",
      [requested && `Gevraagd bedrag: ${requested}.`, granted && `Toegekend bedrag: ${granted}.`].filter(Boolean).join(" "),
    ];
  }
  return ["Het agentschap keurt uw aanvraag goed.", granted ? `Toegekend bedrag: ${granted}.` : ""];
}

/**
 * The decision letter as a PDF: sent with the decision e-mail. Rendered from the dossier at the
 * moment of the decision, in the same transaction, so the letter and the status agree.
 */
export function decisionLetterPdf(input: DecisionLetterInput): Buffer {
  const reference = input.reference ?? "(zonder referentie)";
  const blocks: PdfBlock[] = [
    { kind: "small", text: `${AGENCY}\nSubsidieportaal` },
    { kind: "space", points: 12 },
    { kind: "paragraph", text: `Aan: ${input.organisationName}` },
    { kind: "paragraph", text: `Brussel, ${formatDate(input.decidedAt)}` },
    { kind: "space", points: 6 },
    {
      kind: "heading",
      text: input.programmeKind === "RECOGNITION" ? "Beslissing over uw aanvraag tot erkenning" : "Beslissing over uw subsidieaanvraag",
    },
    { kind: "paragraph", bold: true, text: `Betreft: ${input.callTitle}, dossier ${reference}` },
    { kind: "paragraph", text: `Programma: ${input.programmeName}` },
    ...outcomeParagraphs(input)
      .filter(Boolean)
      .map((text): PdfBlock => ({ kind: "paragraph", text })),
    { kind: "paragraph", bold: true, text: "Motivering" },
    { kind: "paragraph", text: input.motivation },
    { kind: "paragraph", bold: true, text: "Rechtsgrond" },
    { kind: "paragraph", text: input.legalBasis },
    {
      kind: "paragraph",
      text: `Hebt u vragen over deze beslissing? Neem dan contact op met het agentschap en vermeld het dossiernummer ${reference}.`,
    },
    { kind: "space", points: 6 },
    { kind: "paragraph", text: `Met vriendelijke groeten,\nVoor het ${AGENCY},\nde beslisser (leidend ambtenaar of gemachtigde)` },
    { kind: "space", points: 18 },
    {
      kind: "small",
      text: `Dit document werd aangemaakt door het Subsidieportaal op ${formatTimestamp(input.decidedAt)} (Belgische tijd).`,
    },
  ];
  return renderPdf({
    title: `Beslissing dossier ${reference}`,
    author: AGENCY,
    createdAt: input.decidedAt,
    blocks,
  });
}
