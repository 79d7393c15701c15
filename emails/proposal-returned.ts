import { action, named, p, quote, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type ProposalReturnedEmailInput = { firstName: string; dossier: DossierInfo; reason: string };

/** To reviewers: a decider sent a proposal back for more review (internal). */
export function proposalReturnedEmail({ firstName, dossier, reason }: ProposalReturnedEmailInput): EmailContent {
  return renderEmail({
    subject: `Voorstel teruggestuurd voor dossier ${dossierSubject(dossier)}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`Een beslisser heeft het voorstel tot beslissing teruggestuurd. Het dossier staat opnieuw op ${named("In behandeling")}. De reden:`,
      quote(reason),
      dossierFacts(dossier),
      action(dossier.dossierUrl, "Het dossier openen"),
      SIGNATURE,
    ],
  });
}
