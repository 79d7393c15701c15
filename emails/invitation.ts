import { formatDateTime } from "../app/utils/time";
import { action, p, SIGNATURE, strong } from "./content";
import { AGENCY } from "../app/documents/agency";
import { renderEmail, type EmailContent } from "./layout";

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
    // Not about a call yet: replies reach the agency's general contact.
    replyTo: AGENCY.contact,
    blocks: [
      p`Goeddag,`,
      p`${inviterName} nodigt u uit om mee de subsidiedossiers van ${strong(organisationName)} te beheren in het Subsidieportaal van het Agentschap Integratie en Inburgering.`,
      action(acceptUrl, "Uitnodiging aanvaarden"),
      p`Hebt u nog geen account? Dan maakt u er via dezelfde link een aan. De uitnodiging is geldig tot ${strong(until)} (Belgische tijd) en werkt maar één keer.`,
      p`Kent u ${inviterName} niet of verwachtte u deze uitnodiging niet? Dan mag u deze e-mail negeren.`,
      SIGNATURE,
    ],
  });
}
