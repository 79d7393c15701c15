import { action, named, p, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type WithdrawnEmailInput = { firstName: string; dossier: DossierInfo; withdrawnByName: string | null };

/** The organisation withdrew its application; colleagues learn who did it. */
export function withdrawnEmail({ firstName, dossier, withdrawnByName }: WithdrawnEmailInput): EmailContent {
  const by = withdrawnByName ? ` door ${withdrawnByName}` : "";
  return renderEmail({
    subject: `Aanvraag ${dossierSubject(dossier)} ingetrokken`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${firstName},`,
      p`De aanvraag van ${dossier.organisationName} voor ${named(dossier.callTitle)} werd ingetrokken${by}. Het agentschap behandelt ze niet verder.`,
      dossierFacts(dossier),
      action(dossier.dossierUrl, "Het dossier bekijken"),
      p`Was dit niet de bedoeling? Neem dan zo snel mogelijk contact op met het agentschap en vermeld het dossier.`,
      SIGNATURE,
    ],
  });
}
