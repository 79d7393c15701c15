import { formatDateTime } from "../app/utils/time";
import { dossierFactsHtml, dossierFactsText, dossierSubject, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, quote, quoteText, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type ReopenedEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  reason: string;
  /** The organisation's effective deadline; null when it has passed. */
  resubmitUntil: Date | null;
};

/** A submitted dossier went back to draft, with the agency's reason. */
export function reopenedEmail({ firstName, dossier, reason, resubmitUntil }: ReopenedEmailInput): EmailContent {
  const deadline = resubmitUntil
    ? `U kunt de aanvraag aanpassen en opnieuw versturen tot ${formatDateTime(resubmitUntil)} (Belgische tijd). Het agentschap behandelt ze pas als u ze opnieuw verstuurt.`
    : "De termijn om te versturen is verstreken. Neem contact op met het agentschap over hoe u verder kunt.";
  return renderEmail({
    subject: `Uw aanvraag ${dossierSubject(dossier)} is teruggezet naar concept`,
    textBody: `Beste ${firstName},

Het agentschap heeft de verstuurde aanvraag van ${dossier.organisationName} teruggezet naar concept. De reden:

${quoteText(reason)}

${deadline}

${dossierFactsText(dossier)}

Naar uw aanvraag:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph(`Het agentschap heeft de verstuurde aanvraag van ${dossier.organisationName} teruggezet naar concept. De reden:`)}
      ${quote(reason)}
      ${paragraph(deadline)}
      ${dossierFactsHtml(dossier)}
      ${linkBlock(dossier.dossierUrl, "Naar uw aanvraag")}
      ${signature()}
    `,
  });
}
