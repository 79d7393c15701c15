import { ACTOR_ROLE_LABELS } from "~/domain/roles";
import { formatTimestamp } from "~/utils/time-format";
import { lookup } from "~/utils/guards";
import { TableRegion } from "~/components/table-region";

type AuditEvent = {
  id: string;
  at: string;
  actor: string | null;
  actorRole: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

const ACTION_LABELS: Record<string, string> = {
  "application.status": "Statuswijziging",
  "application.assigned": "Toewijzing",
  "application.decision": "Beslissing",
  "assessment.score": "Score",
  "deadline.extended": "Termijn verlengd",
  "attachment.upload": "Bijlage toegevoegd",
  "attachment.remove": "Bijlage verwijderd",
  "attachment.download": "Bijlage gedownload",
  "attachment.generated": "Document aangemaakt",
  "note.added": "Interne notitie",
  "application.transferred": "Overgedragen bij fusie",
};

/** The append-only audit trail of a dossier, for staff: who, when, what, before and after. */
export function AuditTrail({ events }: { events: AuditEvent[] }) {
  return (
    <TableRegion label="Audittrail">
      <table className="audit">
        <caption className="visually-hidden">Audittrail van het dossier</caption>
        <thead>
          <tr>
            <th scope="col">Tijdstip</th>
            <th scope="col">Wie</th>
            <th scope="col">Wat</th>
            <th scope="col">Voor</th>
            <th scope="col">Na</th>
            <th scope="col">Reden</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{formatTimestamp(event.at)}</td>
              <td>
                {event.actor ?? "—"} ({lookup(ACTOR_ROLE_LABELS, event.actorRole) ?? event.actorRole})
              </td>
              <td>{ACTION_LABELS[event.action] ?? event.action}</td>
              <td>
                <code>{event.before ?? ""}</code>
              </td>
              <td>
                <code>{event.after ?? ""}</code>
              </td>
              <td>{event.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
