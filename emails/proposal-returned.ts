import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type ProposalReturnedEmailInput = { firstName: string; dossier: DossierInfo; reason: string };

/** To reviewers: a decider sent a proposal back for more review (internal). */
export function proposalReturnedEmail({ firstName, dossier, reason }: ProposalReturnedEmailInput): EmailContent {
  return renderEmail({
    subject: `Voorstel teruggestuurd voor dossier ${dossierSubject(dossier)}`,
    textBody: `Beste ${firstName},

Een beslisser heeft het voorstel tot beslissing teruggestuurd. Het dossier staat opnieuw op "In behandeling". De reden:

${quoteText(reason)}

${dossierFactsText(dossier)}

Het dossier openen:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph(html`Een beslisser heeft het voorstel tot beslissing teruggestuurd. Het dossier staat opnieuw op <strong>In behandeling</strong>. De reden:`)}
      ${quote(reason)}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Dossier openen")}
      ${signature()}
    `,
  });
}
