import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type WithdrawnEmailInput = { firstName: string; dossier: DossierInfo; withdrawnByName: string | null };

/** The organisation withdrew its application; colleagues learn who did it. */
export function withdrawnEmail({ firstName, dossier, withdrawnByName }: WithdrawnEmailInput): EmailContent {
  const by = withdrawnByName ? ` door ${withdrawnByName}` : "";
  return renderEmail({
    subject: `Aanvraag ${dossierSubject(dossier)} ingetrokken`,
    textBody: `Beste ${firstName},

De aanvraag van ${dossier.organisationName} voor "${dossier.callTitle}" werd ingetrokken${by}. Het agentschap behandelt ze niet verder.

${dossierFactsText(dossier)}

Het dossier bekijken:
${dossier.dossierUrl}

Was dit niet de bedoeling? Neem dan zo snel mogelijk contact op met het agentschap en vermeld het dossier.

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph(html`De aanvraag van ${dossier.organisationName} voor <strong>${dossier.callTitle}</strong> werd ingetrokken${by}. Het agentschap behandelt ze niet verder.`)}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Dossier bekijken")}
      ${paragraph("Was dit niet de bedoeling? Neem dan zo snel mogelijk contact op met het agentschap en vermeld het dossier.")}
      ${signature()}
    `,
  });
}
