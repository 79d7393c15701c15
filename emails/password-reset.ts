import { formatDateTime } from "../app/utils/time";
import { action, p, SIGNATURE, strong } from "./content";
import { AGENCY } from "../app/documents/agency";
import { renderEmail, type EmailContent } from "./layout";

export type PasswordResetEmailInput = { firstName: string; resetUrl: string; expiresAt: Date };

/** The link to choose a new password; sent only for an existing, active account. */
export function passwordResetEmail({ firstName, resetUrl, expiresAt }: PasswordResetEmailInput): EmailContent {
  const until = formatDateTime(expiresAt);
  return renderEmail({
    subject: "Uw wachtwoord herstellen",
    replyTo: AGENCY.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`U vroeg om uw wachtwoord voor het Subsidieportaal te herstellen. Via de link hieronder kiest u een nieuw wachtwoord.`,
      action(resetUrl, "Nieuw wachtwoord kiezen"),
      p`De link is geldig tot ${strong(until)} (Belgische tijd) en werkt maar één keer.`,
      p`Hebt u dit niet gevraagd? Dan mag u deze e-mail negeren. Uw huidige wachtwoord blijft gewoon geldig.`,
      SIGNATURE,
    ],
  });
}
