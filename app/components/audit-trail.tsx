import { ACTOR_ROLE_LABELS } from "~/domain/roles";
import { lookup } from "~/utils/guards";
import { formatTimestamp } from "~/utils/time-format";

type AuditEvent = {
  id: string;
  at: string;
  /** From app/audit/audit-sentences.ts: who did what, in words */
  sentence: string;
  actorRole: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** Stored JSON, indented for reading; anything else as it is. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/**
 * The append-only audit trail of a dossier, for staff: when, and who did what in a sentence,
 * with the reason given; the stored details (before and after) folded away under each line.
 */
export function AuditTrail({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p>Nog geen gebeurtenissen.</p>;
  return (
    <ol className="audit-trail">
      {events.map((event) => (
        <li key={event.id}>
          <p>
            <time dateTime={event.at}>{formatTimestamp(event.at)}</time>: {event.sentence}
          </p>
          {event.reason ? <p className="prose">{event.reason}</p> : null}
          <details>
            <summary>Details</summary>
            <dl className="facts">
              <dt>Rol</dt>
              <dd>{lookup(ACTOR_ROLE_LABELS, event.actorRole) ?? event.actorRole}</dd>
              <dt>Handeling</dt>
              <dd>
                <code>{event.action}</code>
              </dd>
              {event.before ? (
                <>
                  <dt>Voor</dt>
                  <dd>
                    <pre>{pretty(event.before)}</pre>
                  </dd>
                </>
              ) : null}
              {event.after ? (
                <>
                  <dt>Na</dt>
                  <dd>
                    <pre>{pretty(event.after)}</pre>
                  </dd>
                </>
              ) : null}
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
