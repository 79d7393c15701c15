import { formatDateTime } from "../app/utils/time";
import { buttonLink, html, paragraph, renderEmail, type EmailContent } from "./layout";

export type PasswordResetEmailInput = { firstName: string; resetUrl: string; expiresAt: Date };

/** The link to choose a new password; sent only for an existing, active account. */
export function passwordResetEmail({ firstName, resetUrl, expiresAt }: PasswordResetEmailInput): EmailContent {
  const until = formatDateTime(expiresAt);
  return renderEmail({
    subject: "Uw wachtwoord herstellen",
    textBody: `Beste ${firstName},

U vroeg om uw wachtwoord voor het Subsidieportaal te herstellen. Via deze link kiest u een nieuw wachtwoord:

${resetUrl}

De link is geldig tot ${until} (Belgische tijd) en werkt maar één keer.

Hebt u dit niet gevraagd? Dan mag u deze e-mail negeren. Uw huidige wachtwoord blijft gewoon geldig.

Met vriendelijke groeten,
Agentschap Integratie en Inburgering`,
    htmlBody: html`
      ${paragraph(`Beste ${firstName},`)}
      ${paragraph("U vroeg om uw wachtwoord voor het Subsidieportaal te herstellen. Via de knop hieronder kiest u een nieuw wachtwoord.")}
      ${paragraph(buttonLink(resetUrl, "Nieuw wachtwoord kiezen"))}
      ${paragraph(html`Werkt de knop niet? Kopieer dan deze link in uw browser:<br><a href="${resetUrl}" style="color:#0b4f8a;word-break:break-all;">${resetUrl}</a>`)}
      ${paragraph(html`De link is geldig tot <strong>${until}</strong> (Belgische tijd) en werkt maar één keer.`)}
      ${paragraph("Hebt u dit niet gevraagd? Dan mag u deze e-mail negeren. Uw huidige wachtwoord blijft gewoon geldig.")}
      ${paragraph(html`Met vriendelijke groeten,<br>Agentschap Integratie en Inburgering`)}
    `,
  });
}
