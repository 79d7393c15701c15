import type { OrganisationKind } from "~/domain/organisation";
import { formatCents } from "~/utils/money";
import { formatDate, formatPeriod, formatTimestamp } from "~/utils/time";
import { addresseeOf, type PostalAddress } from "./addressee";
import { AGENCY } from "./agency";
import { contactFor, DEFAULT_SIGNATORY_TITLE, letterTextsFor, type LetterSettings, type ProgrammeKind } from "./letter-texts";
import { renderPdf, type PdfBlock } from "./pdf.server";
import type { SealKey } from "./seal.server";

export type DecisionOutcome = "APPROVED" | "PARTIALLY_APPROVED" | "REFUSED";

export type DecisionLetterInput = {
  reference: string | null;
  organisation: { name: string; kind: OrganisationKind; boardName?: string | null; address: PostalAddress | null };
  /** From the dossier's answers: the address the applicant gave and its contact person. */
  declaredAddress: string | null;
  contactPerson: { name: string; role: string | null } | null;
  programme: { code: string; name: string; kind: ProgrammeKind; legalBasis: string };
  call: { title: string; opensAt: Date; closesAt: Date; letter: LetterSettings };
  outcome: DecisionOutcome;
  requestedCents: number | null;
  grantedCents: number | null;
  motivation: string;
  submittedAt: Date | null;
  decidedAt: Date;
  /** Recognitions: the period, as ISO dates (Brussels calendar days) */
  recognitionPeriod?: { startsOn: string; endsOn: string } | null;
  /** The decider who signs; null when nobody is on record (the letter is signed by the agency). */
  signatory: { name: string; jobTitle: string | null } | null;
  /** The agency's electronic seal (./seal.server.ts) and the moment of sealing; null: unsealed. */
  seal: { key: SealKey; signedAt: Date } | null;
  /** A preview for administrators (./sample-letter.ts): marked VOORBEELD on every page, never sealed. */
  sample?: boolean;
};

/** The mark of a preview: in the title, above the letterhead and at the foot of every page. */
export const SAMPLE_MARK = "VOORBEELD";

export function decisionLetterFilename(reference: string | null): string {
  return `beslissing-${(reference ?? "dossier").replace(/[^A-Za-z0-9-]/g, "_")}.pdf`;
}

function isPositive(outcome: DecisionOutcome): boolean {
  return outcome !== "REFUSED";
}

function decisionParagraphs(input: DecisionLetterInput): string[] {
  if (input.programme.kind === "RECOGNITION") {
    const period = input.recognitionPeriod;
    const periodLine = period ? `Erkenningsperiode: van ${formatPeriod(period.startsOn, period.endsOn)}.` : null;
    if (input.outcome === "REFUSED") return ["Het agentschap kent de gevraagde erkenning niet toe."];
    if (input.outcome === "PARTIALLY_APPROVED")
      return ["Het agentschap kent de gevraagde erkenning gedeeltelijk toe.", periodLine].filter((line) => line !== null);
    return [`Het agentschap erkent ${input.organisation.name} als partnerorganisatie.`, periodLine].filter((line) => line !== null);
  }
  const requested = input.requestedCents !== null ? `Gevraagd bedrag: ${formatCents(input.requestedCents)}.` : null;
  const granted = input.grantedCents !== null ? `Toegekend bedrag: ${formatCents(input.grantedCents)}.` : null;
  if (input.outcome === "REFUSED") return ["Het agentschap weigert uw aanvraag. Er wordt geen subsidie toegekend."];
  if (input.outcome === "PARTIALLY_APPROVED") {
    return ["Het agentschap keurt uw aanvraag gedeeltelijk goed.", [requested, granted].filter(Boolean).join(" ")].filter(Boolean);
  }
  return ["Het agentschap keurt uw aanvraag goed.", granted].filter((line) => line !== null);
}

function sealNote(input: DecisionLetterInput): string {
  const made = `Dit document werd aangemaakt door het Subsidieportaal op ${formatTimestamp(input.decidedAt)} (Belgische tijd).`;
  return input.seal
    ? `${made} Het draagt het elektronische zegel van het agentschap: uw PDF-lezer toont wie het verzegelde en of het sindsdien ongewijzigd is.`
    : `${made} Het is niet elektronisch verzegeld. Twijfelt u aan de echtheid, vraag het agentschap dan om een bevestiging en vermeld het dossiernummer.`;
}

/** One ground in a sentence, several as a list; a ground's own full stop is not doubled. */
function legalBasisBlocks(grounds: string[]): PdfBlock[] {
  const items = grounds.map((ground) => ground.replace(/\.+$/, ""));
  if (items.length === 1) return [{ kind: "paragraph", text: `Deze beslissing steunt op: ${items[0]}.` }];
  return [
    { kind: "paragraph", text: "Deze beslissing steunt op:" },
    { kind: "list", items },
  ];
}

/** The letter's content as blocks: one place for its order and wording. */
export function decisionLetterBlocks(input: DecisionLetterInput): PdfBlock[] {
  const reference = input.reference ?? "(zonder referentie)";
  const recognition = input.programme.kind === "RECOGNITION";
  const texts = letterTextsFor(input.programme, input.call.letter);
  const contact = contactFor(input.call.letter, AGENCY.contact);
  const addressee = addresseeOf({
    organisationName: input.organisation.name,
    organisationKind: input.organisation.kind,
    boardName: input.organisation.boardName,
    address: input.organisation.address,
    declaredAddress: input.declaredAddress,
    contactPerson: input.contactPerson,
  });
  const contactLine = [contact.name, contact.email, contact.phone].filter(Boolean).join(", ");
  const submitted = input.submittedAt ? `Op ${formatDate(input.submittedAt)} diende u` : "U diende";
  const positive = isPositive(input.outcome);
  const paid = !recognition && positive && (input.grantedCents ?? 0) > 0;

  const blocks: PdfBlock[] = [
    ...(input.sample
      ? [
          {
            kind: "paragraph",
            bold: true,
            text: `${SAMPLE_MARK} – geen beslissing. Een voorbeeld met een verzonnen dossier, om de teksten van de oproep na te lezen.`,
          } satisfies PdfBlock,
        ]
      : []),
    { kind: "paragraph", bold: true, text: AGENCY.name },
    { kind: "small", text: [AGENCY.addressLines.join(", "), AGENCY.contact.email, AGENCY.website].join(" · ") },
    { kind: "space", points: 14, rule: true },
    { kind: "paragraph", text: [addressee.board, ...addressee.lines].join("\n") },
    { kind: "space", points: 6 },
    { kind: "paragraph", text: `Ons kenmerk: ${reference}\nContact: ${contactLine}\nBrussel, ${formatDate(input.decidedAt)}` },
    { kind: "space", points: 6 },
    {
      kind: "heading",
      text: recognition ? `Beslissing over uw aanvraag tot erkenning ${reference}` : `Beslissing over uw subsidieaanvraag ${reference}`,
    },
    { kind: "paragraph", bold: true, text: `Betreft: oproep "${input.call.title}" (${input.programme.name})` },
    { kind: "paragraph", text: `${addressee.greeting},` },
    {
      kind: "paragraph",
      text: `${submitted} een aanvraag in voor de oproep "${input.call.title}". Met deze brief deelt het ${AGENCY.name} u zijn beslissing over die aanvraag mee.`,
    },
    { kind: "section", text: "Beslissing" },
    ...decisionParagraphs(input).map((text): PdfBlock => ({ kind: "paragraph", text })),
    { kind: "section", text: "Motivering" },
    { kind: "paragraph", text: input.motivation },
    { kind: "section", text: "Rechtsgrond" },
    ...legalBasisBlocks(texts.legalBasis),
    {
      kind: "paragraph",
      text: `Oproep: "${input.call.title}", open van ${formatPeriod(input.call.opensAt, input.call.closesAt)}.`,
    },
  ];
  if (paid && texts.paymentTerms.length > 0)
    blocks.push({ kind: "section", text: "Betaling" }, { kind: "list", items: texts.paymentTerms });
  if (positive && texts.duties.length > 0)
    blocks.push({ kind: "section", text: "Wat verwacht het agentschap van u?" }, { kind: "list", items: texts.duties });
  blocks.push(
    { kind: "section", text: "Vragen" },
    {
      kind: "paragraph",
      text: `Hebt u vragen over deze beslissing? Neem contact op met ${contactLine} en vermeld het dossiernummer ${reference}.`,
    },
    { kind: "section", text: "Beroepsmogelijkheden" },
    { kind: "list", items: texts.appealRoutes },
    { kind: "space", points: 4 },
    { kind: "paragraph", text: "Met vriendelijke groeten," },
    {
      kind: "paragraph",
      text: input.signatory
        ? `${input.signatory.name}\n${input.signatory.jobTitle ?? DEFAULT_SIGNATORY_TITLE}\n${AGENCY.name}`
        : `Voor het ${AGENCY.name}`,
    },
    { kind: "space", points: 10 },
    { kind: "small", text: sealNote(input) },
  );
  return blocks;
}

/**
 * The decision letter as a PDF/A file: sent with the decision e-mail and stored with the dossier.
 * Rendered from the dossier at the moment of the decision, in the same transaction, so the
 * letter and the status agree.
 */
export function decisionLetterPdf(input: DecisionLetterInput): Promise<Buffer> {
  const reference = input.reference ?? "(zonder referentie)";
  const mark = input.sample ? `${SAMPLE_MARK} · ` : "";
  return renderPdf({
    title: `${mark}Beslissing dossier ${reference}`,
    author: AGENCY.name,
    subject: input.programme.kind === "RECOGNITION" ? "Beslissing over een aanvraag tot erkenning" : "Beslissing over een subsidieaanvraag",
    createdAt: input.decidedAt,
    footer: `${mark}${AGENCY.name} · beslissing ${reference}`,
    blocks: decisionLetterBlocks(input),
    seal:
      input.seal && !input.sample
        ? { ...input.seal, reason: `Beslissing ${reference}`, location: "Brussel", contactInfo: AGENCY.contact.email }
        : undefined,
  });
}
