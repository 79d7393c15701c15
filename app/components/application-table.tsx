import { Link } from "@remix-run/react";
import type { ApplicationListItem } from "~/applications/applications.server";
import { statusLabel } from "~/applications/status-labels";
import { formatCents } from "~/utils/money";
import { formatDate } from "~/utils/time-format";

/** The dossier list used on every dashboard; `showOrganisation` for staff. */
export function ApplicationTable({
  caption,
  items,
  showOrganisation = false,
}: {
  caption: string;
  items: ApplicationListItem[];
  showOrganisation?: boolean;
}) {
  if (items.length === 0) return <p>Er zijn geen dossiers.</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Dossier</th>
          {showOrganisation ? <th scope="col">Organisatie</th> : null}
          <th scope="col">Oproep</th>
          <th scope="col">Status</th>
          <th scope="col">Verstuurd op</th>
          <th scope="col" className="amount">
            Gevraagd
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <Link to={`/dossiers/${item.id}`}>{item.reference ?? "Concept (nog geen nummer)"}</Link>
            </td>
            {showOrganisation ? <td>{item.organisationName}</td> : null}
            <td>{item.callTitle}</td>
            <td>
              <span className="status">{statusLabel(item.status, item.programmeKind)}</span>
            </td>
            <td>{item.submittedAt ? formatDate(item.submittedAt) : "—"}</td>
            <td className="amount">{item.requestedCents === null ? "—" : formatCents(item.requestedCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
