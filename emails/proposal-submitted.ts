import { action, p, quote, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type ProposalSubmittedEmailInput = { firstName: string; dossier: DossierInfo; motivation: string };

/** To deciders: a reviewer proposed a decision (internal, the applicant is not told). */
export function proposalSubmittedEmail({ firstName, dossier, motivation }: ProposalSubmittedEmailInput): EmailContent {
  return renderEmail({
    subject: `Voorstel tot beslissing voor dossier ${dossierSubject(dossier)}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`Een beoordelaar heeft een voorstel tot beslissing gemaakt. Een beslisser die het voorstel niet zelf maakte, neemt de beslissing.`,
      p`Motivering van het voorstel:`,
      quote(motivation),
      dossierFacts(dossier),
      action(dossier.dossierUrl, "Het dossier openen"),
      SIGNATURE,
    ],
  });
}
