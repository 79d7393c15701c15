import { formatDateTime } from "../app/utils/time";
import { action, named, p, quote, SIGNATURE, strong } from "./content";
import { dossierFacts, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

export type ExtensionGrantedEmailInput = {
  firstName: string;
  /** The organisation's dossier in the call; its link leads to the dossier or, without one, to the calls. */
  dossier: DossierInfo;
  closesAt: Date;
  callClosesAt: Date;
  reason: string;
};

/** The agency gave one organisation more time to submit in one call. */
export function extensionGrantedEmail(input: ExtensionGrantedEmailInput): EmailContent {
  const { dossier } = input;
  const until = formatDateTime(input.closesAt);
  const facts: Array<[string, string]> = [
    ["Nieuwe termijn", `${until} (Belgische tijd)`],
    ["Oorspronkelijke termijn", `${formatDateTime(input.callClosesAt)} (Belgische tijd)`],
  ];
  return renderEmail({
    subject: `Verlenging van de termijn voor ${dossier.callTitle}`,
    replyTo: dossier.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      p`Het agentschap verlengt de termijn waarbinnen ${dossier.organisationName} een aanvraag kan versturen voor ${named(dossier.callTitle)}. U kunt nu versturen tot ${strong(until)} (Belgische tijd).`,
      p`De reden van de verlenging:`,
      quote(input.reason),
      dossierFacts(dossier, facts),
      action(dossier.dossierUrl, "Naar uw aanvraag"),
      SIGNATURE,
    ],
  });
}
