import { action, named, p, paragraphOf, quote, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type AnswerToAssigneeEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  question: string;
  answer: string;
  /** Files sent with the answer */
  fileCount: number;
};

function filesLine(count: number): string {
  if (count === 0) return "Er zijn geen bestanden bij het antwoord gevoegd.";
  return count === 1 ? "Er is 1 bestand bij het antwoord gevoegd." : `Er zijn ${count} bestanden bij het antwoord gevoegd.`;
}

/** To the reviewer the dossier is assigned to: the applicant answered their question. */
export function answerToAssigneeEmail({ firstName, dossier, question, answer, fileCount }: AnswerToAssigneeEmailInput): EmailContent {
  return renderEmail({
    subject: `Antwoord op uw vraag voor dossier ${dossierSubject(dossier)}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`${dossier.organisationName} heeft uw vraag om bijkomende informatie beantwoord. Het dossier is aan u toegewezen en staat opnieuw op ${named("In behandeling")}.`,
      p`Uw vraag:`,
      quote(question),
      p`Het antwoord:`,
      quote(answer),
      paragraphOf(filesLine(fileCount)),
      dossierFacts(dossier),
      action(dossier.dossierUrl, "De beoordeling openen"),
      SIGNATURE,
    ],
  });
}
