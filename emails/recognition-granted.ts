import { action, p, paragraphOf, quote, SIGNATURE, strong } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type RecognitionGrantedEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  programmeName: string;
  motivation: string;
  letterFilename: string | null;
};

/** A positive decision in a RECOGNITION programme: the organisation is now a recognised partner. */
export function recognitionGrantedEmail(input: RecognitionGrantedEmailInput): EmailContent {
  const { dossier } = input;
  const letter = input.letterFilename
    ? `De erkenningsbrief zit als PDF in de bijlage van deze e-mail (${input.letterFilename}). U vindt hem ook in uw dossier.`
    : "U vindt de beslissing ook in uw dossier.";
  return renderEmail({
    subject: `Uw organisatie is erkend (dossier ${dossierSubject(dossier)})`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      p`${strong(`Het agentschap erkent ${dossier.organisationName} als partnerorganisatie`)} (${input.programmeName}). Proficiat!`,
      dossierFacts(dossier, [["Beslissing", "erkend"]]),
      p`Motivering:`,
      quote(input.motivation),
      paragraphOf(letter),
      action(dossier.dossierUrl, "Uw dossier bekijken"),
      SIGNATURE,
    ],
  });
}
