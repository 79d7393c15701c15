import { formatDateTime } from "../app/utils/time";
import { action, named, p, quote, SIGNATURE } from "./content";
import { dossierFacts, dossierSubject, type DossierInfo } from "./dossier";
import { renderEmail, type EmailContent } from "./layout";

/** What happened to a report of a granted dossier (docs/decisions/0057). */
export type ReportEmailEvent =
  | { kind: "submitted"; submittedAt: Date; contentHash: string }
  | { kind: "info-requested"; questions: string; dueAt: Date }
  | { kind: "accepted" };

export type ReportStatusEmailInput = {
  firstName: string;
  dossier: DossierInfo;
  reportTitle: string;
  /** Absolute link to the report's pages */
  reportUrl: string;
  event: ReportEmailEvent;
};

/** The applicant hears of every change of a report's status they can see. */
export function reportStatusEmail({ firstName, dossier, reportTitle, reportUrl, event }: ReportStatusEmailInput): EmailContent {
  const facts = dossierFacts(dossier, [["Verslag", reportTitle]]);
  const subject = (what: string) => `${reportTitle} ${what} (dossier ${dossierSubject(dossier)})`;
  switch (event.kind) {
    case "submitted":
      return renderEmail({
        subject: subject("ontvangen"),
        replyTo: dossier.contact,
        blocks: [
          p`Beste ${firstName},`,
          p`Het agentschap ontving het verslag ${named(reportTitle)} op ${formatDateTime(event.submittedAt)} (Belgische tijd).`,
          dossierFacts(dossier, [
            ["Verslag", reportTitle],
            ["Controlecode", event.contentHash.slice(0, 16)],
          ]),
          p`Een beoordelaar bekijkt het verslag. U krijgt bericht zodra het goedgekeurd is of als er vragen zijn.`,
          action(reportUrl, "Verslag bekijken"),
          SIGNATURE,
        ],
      });
    case "info-requested":
      return renderEmail({
        subject: `Bijkomende informatie gevraagd voor ${reportTitle} (dossier ${dossierSubject(dossier)})`,
        replyTo: dossier.contact,
        blocks: [
          p`Beste ${firstName},`,
          p`Om het verslag ${named(reportTitle)} te beoordelen, heeft het agentschap bijkomende informatie nodig. De vraag van de beoordelaar:`,
          quote(event.questions),
          facts,
          p`Pas het verslag aan en dien het opnieuw in, uiterlijk op ${formatDateTime(event.dueAt)} (Belgische tijd).`,
          action(reportUrl, "Verslag aanpassen"),
          SIGNATURE,
        ],
      });
    case "accepted":
      return renderEmail({
        subject: subject("goedgekeurd"),
        replyTo: dossier.contact,
        blocks: [
          p`Beste ${firstName},`,
          p`Het agentschap keurde het verslag ${named(reportTitle)} goed.`,
          facts,
          action(reportUrl, "Verslag bekijken"),
          SIGNATURE,
        ],
      });
  }
}
