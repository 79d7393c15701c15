import { action, p, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type ReviewStartedEmailInput = { firstName: string; dossier: DossierInfo; resumed: boolean };

/** The dossier is taken into review (or back into review without an answer being needed). */
export function reviewStartedEmail({ firstName, dossier, resumed }: ReviewStartedEmailInput): EmailContent {
  const lead = resumed
    ? "Het agentschap heeft de beoordeling van uw aanvraag hervat. U hoeft de gestelde vraag niet meer te beantwoorden."
    : "Een beoordelaar van het agentschap heeft uw aanvraag in behandeling genomen.";
  return renderEmail({
    subject: `Uw aanvraag ${dossierSubject(dossier)} is in behandeling`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`${lead} Heeft de beoordelaar een vraag, dan krijgt u daarover een e-mail.`,
      dossierFacts(dossier),
      action(dossier.dossierUrl, "Uw dossier volgen"),
      SIGNATURE,
    ],
  });
}
