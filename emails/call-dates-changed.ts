import { formatDateTime } from "../app/utils/time";
import { action, li, list, named, p, quote, SIGNATURE, strong } from "./content";
import { dossierFacts, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type CallDatesChangedEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  /** What changed, e.g. { label: "Indienen tot", before, after }. */
  changes: Array<{ label: string; before: Date | null; after: Date | null }>;
  /** The organisation's deadline after the change (an extension included). */
  closesAt: Date;
  extended: boolean;
  /** The administrator's explanation, if they gave one. */
  note: string | null;
};

function show(date: Date | null): string {
  return date ? `${formatDateTime(date)} (Belgische tijd)` : "geen datum";
}

/** The agency changed the dates of a call in which the organisation has an unsent draft. */
export function callDatesChangedEmail(input: CallDatesChangedEmailInput): EmailContent {
  const { dossier } = input;
  const deadline = formatDateTime(input.closesAt);
  const extendedNote = input.extended ? " Dat is de verlengde termijn die het agentschap uw organisatie gaf." : "";
  const facts: Array<[string, string]> = [["Versturen tot", `${deadline} (Belgische tijd)`]];
  return renderEmail({
    subject: `Gewijzigde data voor ${dossier.callTitle}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      p`Het agentschap heeft de data gewijzigd van de oproep ${named(dossier.callTitle)}. ${dossier.organisationName} heeft voor deze oproep een aanvraag die nog niet verstuurd is.`,
      p`Wat er verandert:`,
      list(input.changes.map((change) => li`${change.label}: ${show(change.before)} wordt ${strong(show(change.after))}`)),
      ...(input.note ? [p`Toelichting van het agentschap:`, quote(input.note)] : []),
      p`U kunt de aanvraag versturen tot ${strong(deadline)} (Belgische tijd).${extendedNote}`,
      dossierFacts(dossier, facts),
      action(dossier.dossierUrl, "Naar uw aanvraag"),
      SIGNATURE,
    ],
  });
}
