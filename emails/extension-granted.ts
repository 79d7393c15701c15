import { formatDateTime } from "../app/utils/time";
import { dossierFactsHtml, dossierFactsText, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type ExtensionGrantedEmailInput = {
  firstName: string;
  /** The organisation's dossier in the call; its link leads to the dossier or, without one, to the calls. */
  dossier: DossierInfo;
  closesAt: Date;
  callClosesAt: Date;
  reason: string;
};

/** The agency gave one organisation more time to submit in one call. */
export function extensionGrantedEmail(input: ExtensionGrantedEmailInput): EmailContent {
  const { dossier } = input;
  const until = formatDateTime(input.closesAt);
  const facts: Array<[string, string]> = [
    ["Nieuwe termijn", `${until} (Belgische tijd)`],
    ["Oorspronkelijke termijn", `${formatDateTime(input.callClosesAt)} (Belgische tijd)`],
  ];
  return renderEmail({
    subject: `Verlenging van de termijn voor ${dossier.callTitle}`,
    textBody: `Beste ${input.firstName},

Het agentschap verlengt de termijn waarbinnen ${dossier.organisationName} een aanvraag kan versturen voor "${dossier.callTitle}". U kunt nu versturen tot ${until} (Belgische tijd).

De reden van de verlenging:

${quoteText(input.reason)}

${dossierFactsText(dossier, facts)}

Naar uw aanvraag:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${input.firstName},`)}
      ${paragraph(html`Het agentschap verlengt de termijn waarbinnen ${dossier.organisationName} een aanvraag kan versturen voor <strong>${dossier.callTitle}</strong>. U kunt nu versturen tot <strong>${until}</strong> (Belgische tijd).`)}
      ${paragraph("De reden van de verlenging:")}
      ${quote(input.reason)}
      ${dossierFactsHtml(dossier, facts)}
      ${linkBlock(dossier.dossierUrl, "Naar uw aanvraag")}
      ${signature()}
    `,
  });
}
