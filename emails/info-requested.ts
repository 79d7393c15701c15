import { action, p, quote, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type InfoRequestedEmailInput = { firstName: string; dossier: DossierInfo; question: string };

/** The reviewer needs more information from the applicant. */
export function infoRequestedEmail({ firstName, dossier, question }: InfoRequestedEmailInput): EmailContent {
  return renderEmail({
    subject: `Bijkomende informatie gevraagd voor dossier ${dossierSubject(dossier)}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`Om uw aanvraag verder te beoordelen, heeft het agentschap bijkomende informatie nodig. De vraag van de beoordelaar:`,
      quote(question),
      dossierFacts(dossier),
      p`U beantwoordt de vraag in het portaal, in uw dossier.`,
      action(dossier.dossierUrl, "Vraag beantwoorden"),
      p`Zolang de vraag niet beantwoord is, ligt de beoordeling van uw aanvraag stil.`,
      SIGNATURE,
    ],
  });
}
