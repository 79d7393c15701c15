import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type AnswerReceivedEmailInput = { firstName: string; dossier: DossierInfo };

/** To reviewers: the applicant answered the request for more information. */
export function answerReceivedEmail({ firstName, dossier }: AnswerReceivedEmailInput): EmailContent {
  return renderEmail({
    subject: `Antwoord ontvangen voor dossier ${dossierSubject(dossier)}`,
    textBody: `Beste ${firstName},

${dossier.organisationName} heeft de gevraagde bijkomende informatie bezorgd. Het dossier staat opnieuw op "In behandeling".

${dossierFactsText(dossier)}

Het dossier openen:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph(html`${dossier.organisationName} heeft de gevraagde bijkomende informatie bezorgd. Het dossier staat opnieuw op <strong>In behandeling</strong>.`)}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Dossier openen")}
      ${signature()}
    `,
  });
}
