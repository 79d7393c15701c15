import { formatDateTime } from "../app/utils/time";
import { dossierFactsHtml, dossierFactsText, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

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
  const lines = input.changes.map((change) => `${change.label}: ${show(change.before)} wordt ${show(change.after)}`);
  const facts: Array<[string, string]> = [["Versturen tot", `${deadline} (Belgische tijd)`]];
  return renderEmail({
    subject: `Gewijzigde data voor ${dossier.callTitle}`,
    textBody: `Beste ${input.firstName},

Het agentschap heeft de data gewijzigd van de oproep "${dossier.callTitle}". ${dossier.organisationName} heeft voor deze oproep een aanvraag die nog niet verstuurd is.

Wat er verandert:
${lines.map((line) => `- ${line}`).join("\n")}
${input.note ? `\nToelichting van het agentschap:\n\n${quoteText(input.note)}\n` : ""}
U kunt de aanvraag versturen tot ${deadline} (Belgische tijd).${extendedNote}

${dossierFactsText(dossier, facts)}

Naar uw aanvraag:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${input.firstName},`)}
      ${paragraph(html`Het agentschap heeft de data gewijzigd van de oproep <strong>${dossier.callTitle}</strong>. ${dossier.organisationName} heeft voor deze oproep een aanvraag die nog niet verstuurd is.`)}
      ${paragraph("Wat er verandert:")}
      <ul style="margin:0 0 16px 0;padding-left:24px;">
        ${input.changes.map((change) => html`<li>${change.label}: ${show(change.before)} wordt <strong>${show(change.after)}</strong></li>`)}
      </ul>
      ${input.note ? html`${paragraph("Toelichting van het agentschap:")}${quote(input.note)}` : ""}
      ${paragraph(html`U kunt de aanvraag versturen tot <strong>${deadline}</strong> (Belgische tijd).${extendedNote}`)}
      ${dossierFactsHtml(dossier, facts)}
      ${linkBlock(dossier.dossierUrl, "Naar uw aanvraag")}
      ${signature()}
    `,
  });
}
