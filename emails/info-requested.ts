import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type InfoRequestedEmailInput = { firstName: string; dossier: DossierInfo; question: string };

/** The reviewer needs more information from the applicant. */
export function infoRequestedEmail({ firstName, dossier, question }: InfoRequestedEmailInput): EmailContent {
  return renderEmail({
    subject: `Bijkomende informatie gevraagd voor dossier ${dossierSubject(dossier)}`,
    textBody: `Beste ${firstName},

Om uw aanvraag verder te beoordelen, heeft het agentschap bijkomende informatie nodig. De vraag van de beoordelaar:

${quoteText(question)}

${dossierFactsText(dossier)}

U beantwoordt de vraag in het portaal, in uw dossier:
${dossier.dossierUrl}

Zolang de vraag niet beantwoord is, ligt de beoordeling van uw aanvraag stil.

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph("Om uw aanvraag verder te beoordelen, heeft het agentschap bijkomende informatie nodig. De vraag van de beoordelaar:")}
      ${quote(question)}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Vraag beantwoorden")}
      ${paragraph("Zolang de vraag niet beantwoord is, ligt de beoordeling van uw aanvraag stil.")}
      ${signature()}
    `,
  });
}
