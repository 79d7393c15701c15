import { formatDateTime } from "../app/utils/time";
import { buttonLink, html, paragraph, renderEmail, type EmailContent } from "./layout";

export type InvitationEmailInput = {
  inviterName: string;
  organisationName: string;
  acceptUrl: string;
  expiresAt: Date;
};

/** Invites someone (with or without an account) to join an organisation in the portal. */
export function invitationEmail({ inviterName, organisationName, acceptUrl, expiresAt }: InvitationEmailInput): EmailContent {
  const until = formatDateTime(expiresAt);
  return renderEmail({
    subject: `Uitnodiging voor ${organisationName} in het Subsidieportaal`,
    textBody: `Goeddag,

${inviterName} nodigt u uit om mee de subsidiedossiers van ${organisationName} te beheren in het Subsidieportaal van het Agentschap Integratie en Inburgering.

Via deze link aanvaardt u de uitnodiging:

${acceptUrl}

Hebt u nog geen account? Dan maakt u er via dezelfde link een aan. De uitnodiging is geldig tot ${until} (Belgische tijd) en werkt maar één keer.

Kent u ${inviterName} niet of verwachtte u deze uitnodiging niet? Dan mag u deze e-mail negeren.

Met vriendelijke groeten,
Agentschap Integratie en Inburgering`,
    htmlBody: html`
      ${paragraph("Goeddag,")}
      ${paragraph(html`${inviterName} nodigt u uit om mee de subsidiedossiers van <strong>${organisationName}</strong> te beheren in het Subsidieportaal van het Agentschap Integratie en Inburgering.`)}
      ${paragraph(buttonLink(acceptUrl, "Uitnodiging aanvaarden"))}
      ${paragraph(html`Werkt de knop niet? Kopieer dan deze link in uw browser:<br><a href="${acceptUrl}" style="color:#0b4f8a;word-break:break-all;">${acceptUrl}</a>`)}
      ${paragraph(html`Hebt u nog geen account? Dan maakt u er via dezelfde link een aan. De uitnodiging is geldig tot <strong>${until}</strong> (Belgische tijd) en werkt maar één keer.`)}
      ${paragraph(`Kent u ${inviterName} niet of verwachtte u deze uitnodiging niet? Dan mag u deze e-mail negeren.`)}
      ${paragraph(html`Met vriendelijke groeten,<br>Agentschap Integratie en Inburgering`)}
    `,
  });
}
