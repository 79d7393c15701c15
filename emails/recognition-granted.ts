import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type RecognitionGrantedEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  programmeName: string;
  motivation: string;
  letterFilename: string | null;
};

/** A positive decision in a RECOGNITION programme: the organisation is now a recognised partner. */
export function recognitionGrantedEmail(input: RecognitionGrantedEmailInput): EmailContent {
  const { dossier } = input;
  const letter = input.letterFilename
    ? `De erkenningsbrief zit als PDF in de bijlage van deze e-mail (${input.letterFilename}). U vindt hem ook in uw dossier.`
    : "U vindt de beslissing ook in uw dossier.";
  return renderEmail({
    subject: `Uw organisatie is erkend (dossier ${dossierSubject(dossier)})`,
    textBody: `Beste ${input.firstName},

Het agentschap erkent ${dossier.organisationName} als partnerorganisatie (${input.programmeName}). Proficiat!

${dossierFactsText(dossier, [["Beslissing", "erkend"]])}

Motivering:

${quoteText(input.motivation)}

${letter}

Uw dossier bekijken:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${input.firstName},`)}
      ${paragraph(html`<strong>Het agentschap erkent ${dossier.organisationName} als partnerorganisatie</strong> (${input.programmeName}). Proficiat!`)}
      ${dossierFactsHtml(dossier, [["Beslissing", "erkend"]])}
      ${paragraph("Motivering:")}
      ${quote(input.motivation)}
      ${paragraph(letter)}
      ${linkBlock(dossier.dossierUrl, "Dossier bekijken")}
      ${signature()}
    `,
  });
}
