import { Link } from "@remix-run/react";
import { statusLabel } from "~/applications/status-labels";
import type { QueueSort, QueueDirection } from "~/review/queue";
import type { QueueRow } from "~/review/queue.server";
import { formatCents } from "~/utils/money";
import { formatDate } from "~/utils/time-format";
import { TableRegion } from "./table-region";

type Column = { label: string; sort?: QueueSort; amount?: boolean };

const COLUMNS: Column[] = [
  { label: "Dossier", sort: "nummer" },
  { label: "Organisatie", sort: "organisatie" },
  { label: "Oproep", sort: "beslissing" },
  { label: "Status" },
  { label: "Toegewezen aan" },
  { label: "Ingediend op", sort: "ingediend" },
  { label: "Gevraagd", sort: "bedrag", amount: true },
  { label: "Termijn" },
];

/** Why a dossier is late, in words (never colour alone). */
function OverdueFlag({ row }: { row: Pick<QueueRow, "decisionOverdue" | "answerOverdueSince"> }) {
  if (!row.decisionOverdue && !row.answerOverdueSince) return <>—</>;
  return (
    <span className="flag flag--overdue">
      <strong>Over tijd:</strong>
      {row.decisionOverdue ? <span> beslissingstermijn verstreken</span> : null}
      {row.decisionOverdue && row.answerOverdueSince ? ";" : null}
      {row.answerOverdueSince ? <span> antwoord te laat sinds {formatDate(row.answerOverdueSince)}</span> : null}
    </span>
  );
}

/** The staff queue as a table; the sorted column carries aria-sort. */
export function QueueTable({
  rows,
  caption,
  sort,
  direction,
}: {
  rows: QueueRow[];
  caption: string;
  sort: QueueSort;
  direction: QueueDirection;
}) {
  if (rows.length === 0) return <p>Er zijn geen dossiers die aan deze filters voldoen.</p>;
  return (
    <TableRegion label={caption}>
      <table className="queue-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={column.amount ? "amount" : undefined}
                aria-sort={column.sort === sort ? (direction === "af" ? "descending" : "ascending") : undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.decisionOverdue || row.answerOverdueSince ? "queue-row--overdue" : undefined}>
              <td>
                <Link to={`/dossiers/${row.id}`} className="reference">
                  {row.reference ?? "Zonder nummer"}
                </Link>
              </td>
              <td>
                {row.organisationName}
                {row.province ? <span className="queue-table__sub">{row.province}</span> : null}
              </td>
              <td>
                <Link to={`/te-beoordelen/oproepen/${row.callId}`}>{row.callTitle}</Link>
                {row.decisionDueAt ? <span className="queue-table__sub">Beslissing uiterlijk {formatDate(row.decisionDueAt)}</span> : null}
              </td>
              <td>
                <span className="status">{statusLabel(row.status, row.programmeKind)}</span>
              </td>
              <td>{row.assigneeId ? (row.assigneeName ?? "Onbekende medewerker") : "Niet toegewezen"}</td>
              <td>{row.submittedAt ? formatDate(row.submittedAt) : "—"}</td>
              <td className="amount">{row.requestedCents === null ? "—" : formatCents(row.requestedCents)}</td>
              <td>
                <OverdueFlag row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
