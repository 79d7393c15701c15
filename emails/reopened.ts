import { formatDateTime } from "../app/utils/time";
import { action, p, paragraphOf, quote, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

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
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`Het agentschap heeft de verstuurde aanvraag van ${dossier.organisationName} teruggezet naar concept. De reden:`,
      quote(reason),
      paragraphOf(deadline),
      dossierFacts(dossier),
      action(dossier.dossierUrl, "Naar uw aanvraag"),
      SIGNATURE,
    ],
  });
}
