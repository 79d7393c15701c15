import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type AnswerToAssigneeEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  question: string;
  answer: string;
  /** Files sent with the answer */
  fileCount: number;
};

function filesLine(count: number): string {
  if (count === 0) return "Er zijn geen bestanden bij het antwoord gevoegd.";
  return count === 1 ? "Er is 1 bestand bij het antwoord gevoegd." : `Er zijn ${count} bestanden bij het antwoord gevoegd.`;
}

/** To the reviewer the dossier is assigned to: the applicant answered their question. */
export function answerToAssigneeEmail({ firstName, dossier, question, answer, fileCount }: AnswerToAssigneeEmailInput): EmailContent {
  return renderEmail({
    subject: `Antwoord op uw vraag voor dossier ${dossierSubject(dossier)}`,
    textBody: `Beste ${firstName},

${dossier.organisationName} heeft uw vraag om bijkomende informatie beantwoord. Het dossier is aan u toegewezen en staat opnieuw op "In behandeling".

Uw vraag:

${quoteText(question)}

Het antwoord:

${quoteText(answer)}

${filesLine(fileCount)}

${dossierFactsText(dossier)}

De beoordeling openen:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph(html`${dossier.organisationName} heeft uw vraag om bijkomende informatie beantwoord. Het dossier is aan u toegewezen en staat opnieuw op <strong>In behandeling</strong>.`)}
      ${paragraph("Uw vraag:")}
      ${quote(question)}
      ${paragraph("Het antwoord:")}
      ${quote(answer)}
      ${paragraph(filesLine(fileCount))}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Beoordeling openen")}
      ${signature()}
    `,
  });
}
