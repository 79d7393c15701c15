import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type ProposalSubmittedEmailInput = { firstName: string; dossier: DossierInfo; motivation: string };

/** To deciders: a reviewer proposed a decision (internal, the applicant is not told). */
export function proposalSubmittedEmail({ firstName, dossier, motivation }: ProposalSubmittedEmailInput): EmailContent {
  return renderEmail({
    subject: `Voorstel tot beslissing voor dossier ${dossierSubject(dossier)}`,
    textBody: `Beste ${firstName},

Een beoordelaar heeft een voorstel tot beslissing gemaakt. Een beslisser die het voorstel niet zelf maakte, neemt de beslissing.

Motivering van het voorstel:

${quoteText(motivation)}

${dossierFactsText(dossier)}

Het dossier openen:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph("Een beoordelaar heeft een voorstel tot beslissing gemaakt. Een beslisser die het voorstel niet zelf maakte, neemt de beslissing.")}
      ${paragraph("Motivering van het voorstel:")}
      ${quote(motivation)}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Dossier openen")}
      ${signature()}
    `,
  });
}
