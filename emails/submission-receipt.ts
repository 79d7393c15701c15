import { formatTimestamp } from "../app/utils/time";
import { action, link, named, p, SIGNATURE } from "./content";
import { dossierFacts, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type SubmissionReceiptEmailInput = {
  firstName: string;
  dossier: DossierInfo & { reference: string };
  submittedAt: Date;
  submittedByName: string;
  /** sha-256 of the submitted content, hex */
  contentHash: string;
  /** Absolute link to /dossiers/<id>/ontvangstbewijs */
  receiptUrl: string;
};

/** Proof of submission for every member of the organisation: when, by whom, and which content. */
export function submissionReceiptEmail(input: SubmissionReceiptEmailInput): EmailContent {
  const { dossier } = input;
  return renderEmail({
    subject: `Ontvangstbewijs voor uw aanvraag ${dossier.reference}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      p`${dossier.organisationName} heeft een aanvraag verstuurd voor ${named(dossier.callTitle)}. Het agentschap heeft ze goed ontvangen.`,
      dossierFacts(dossier, [
        ["Verstuurd op", `${formatTimestamp(input.submittedAt)} (Belgische tijd)`],
        ["Verstuurd door", input.submittedByName],
        ["Controlegetal (SHA-256)", input.contentHash],
      ]),
      p`Het controlegetal is een vingerafdruk van de inhoud van uw aanvraag op het moment van versturen. Zo kan iedereen later nagaan wat precies werd ingediend.`,
      action(input.receiptUrl, "Ontvangstbewijs bekijken of afdrukken"),
      p`Uw dossier volgen: ${link(dossier.dossierUrl)}`,
      SIGNATURE,
    ],
  });
}
