import { formatDateTime } from "../app/utils/time";
import { action, named, p, SIGNATURE, strong } from "./content";
import { dossierFacts, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type DraftReminderEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  /** The organisation's effective deadline (an extension included). */
  closesAt: Date;
  /** The reminder: 7 or 1 day(s) before the deadline date. */
  daysBefore: number;
  extended: boolean;
};

/** An unfinished draft, 7 days and 1 day before the organisation's deadline. */
export function draftReminderEmail(input: DraftReminderEmailInput): EmailContent {
  const { dossier } = input;
  const deadline = formatDateTime(input.closesAt);
  const when = input.daysBefore === 1 ? "morgen" : `over ${input.daysBefore} dagen`;
  const subject =
    input.daysBefore === 1
      ? `Laatste herinnering: uw aanvraag voor ${dossier.callTitle} is nog niet verstuurd`
      : `Herinnering: uw aanvraag voor ${dossier.callTitle} is nog niet verstuurd`;
  const extendedNote = input.extended ? " Dat is de verlengde termijn die het agentschap uw organisatie gaf." : "";
  return renderEmail({
    subject,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      p`De aanvraag van ${dossier.organisationName} voor ${named(dossier.callTitle)} is nog een concept. Het agentschap ontvangt ze pas wanneer u ze verstuurt.`,
      p`De termijn loopt ${when} af: u kunt versturen tot ${strong(deadline)} (Belgische tijd).${extendedNote} Daarna aanvaardt het portaal de aanvraag niet meer.`,
      dossierFacts(dossier, [["Versturen tot", `${deadline} (Belgische tijd)`]]),
      action(dossier.dossierUrl, "Uw aanvraag afwerken en versturen"),
      p`Hebt u de aanvraag intussen al verstuurd, of dient uw organisatie niet in? Dan mag u deze e-mail negeren.`,
      SIGNATURE,
    ],
  });
}
