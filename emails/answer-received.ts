import { action, named, p, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type AnswerReceivedEmailInput = { firstName: string; dossier: DossierInfo };

/** To reviewers: the applicant answered the request for more information. */
export function answerReceivedEmail({ firstName, dossier }: AnswerReceivedEmailInput): EmailContent {
  return renderEmail({
    subject: `Antwoord ontvangen voor dossier ${dossierSubject(dossier)}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`${dossier.organisationName} heeft de gevraagde bijkomende informatie bezorgd. Het dossier staat opnieuw op ${named("In behandeling")}.`,
      dossierFacts(dossier),
      action(dossier.dossierUrl, "Het dossier openen"),
      SIGNATURE,
    ],
  });
}
