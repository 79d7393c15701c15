import { formatTimestamp } from "../app/utils/time";
import { dossierFactsHtml, dossierFactsText, type DossierInfo } from "./dossier";
import { html, linkBlock, paragraph, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

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
  const facts: Array<[string, string]> = [
    ["Verstuurd op", `${formatTimestamp(input.submittedAt)} (Belgische tijd)`],
    ["Verstuurd door", input.submittedByName],
    ["Controlegetal (SHA-256)", input.contentHash],
  ];
  return renderEmail({
    subject: `Ontvangstbewijs voor uw aanvraag ${dossier.reference}`,
    textBody: `Beste ${input.firstName},

${dossier.organisationName} heeft een aanvraag verstuurd voor "${dossier.callTitle}". Het agentschap heeft ze goed ontvangen.

${dossierFactsText(dossier, facts)}

Het controlegetal is een vingerafdruk van de inhoud van uw aanvraag op het moment van versturen. Zo kan iedereen later nagaan wat precies werd ingediend.

Uw ontvangstbewijs bekijken of afdrukken:
${input.receiptUrl}

Uw dossier volgen:
${dossier.dossierUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${input.firstName},`)}
      ${paragraph(html`${dossier.organisationName} heeft een aanvraag verstuurd voor <strong>${dossier.callTitle}</strong>. Het agentschap heeft ze goed ontvangen.`)}
      ${dossierFactsHtml(dossier, facts)}
      ${paragraph("Het controlegetal is een vingerafdruk van de inhoud van uw aanvraag op het moment van versturen. Zo kan iedereen later nagaan wat precies werd ingediend.")}
      ${linkBlock(input.receiptUrl, "Ontvangstbewijs bekijken")}
      ${paragraph(html`Uw dossier volgen: <a href="${dossier.dossierUrl}" style="color:#0b4f8a;word-break:break-all;">${dossier.dossierUrl}</a>`)}
      ${signature()}
    `,
  });
}
