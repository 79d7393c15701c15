import { Link } from "@remix-run/react";

/**
 * The phases that follow a decision, in order, each with its dates and where it stands
 * (app/grants/grant-page.server.ts makes the words): for the applicant and for staff.
 */
export type GrantTimelineEntry = { key: string; title: string; when: string; state: string; href?: string | null; hrefLabel?: string };

export function GrantTimeline({ entries }: { entries: readonly GrantTimelineEntry[] }) {
  return (
    <ol className="grant-timeline">
      {entries.map((entry) => (
        <li key={entry.key}>
          <p className="grant-timeline__title">{entry.title}</p>
          <p className="hint">{entry.when}</p>
          <p>
            <span className="status">{entry.state}</span>
          </p>
          {entry.href ? (
            <p>
              <Link to={entry.href}>
                {entry.hrefLabel ?? "Verslag"}
                <span className="visually-hidden">: {entry.title}</span>
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
