import { Link } from "@remix-run/react";
import { CALL_PHASE_LABELS } from "~/calls/call-state";
import type { CallSummary } from "~/calls/calls.server";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { formatCents } from "~/utils/money";
import { formatDateTime } from "~/utils/time-format";
import { Countdown } from "./countdown";

/**
 * Calls as a table. The public view shows time left and who may apply; the staff view shows
 * the opening and decision dates.
 */
export function CallTable({
  calls,
  caption,
  view,
  serverNow,
}: {
  calls: CallSummary[];
  caption: string;
  view: "public" | "staff";
  serverNow: string;
}) {
  const staff = view === "staff";
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Oproep</th>
          <th scope="col">Status</th>
          {staff ? <th scope="col">Open vanaf</th> : null}
          <th scope="col">Indienen tot</th>
          {staff ? <th scope="col">Beslissing uiterlijk</th> : <th scope="col">Resterende tijd</th>}
          {staff ? null : <th scope="col">Wie kan aanvragen</th>}
          <th scope="col" className="amount">
            Budget
          </th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id}>
            <td>
              <Link to={`/oproepen/${call.id}`}>{call.title}</Link>
            </td>
            <td>
              <span className={`status status--${call.phase}`}>{CALL_PHASE_LABELS[call.phase]}</span>
            </td>
            {staff ? <td>{formatDateTime(call.opensAt)}</td> : null}
            <td>{formatDateTime(call.closesAt)}</td>
            {staff ? (
              <td>{call.decisionDueAt ? formatDateTime(call.decisionDueAt) : "—"}</td>
            ) : (
              <td>{call.phase === "open" ? <Countdown until={call.closesAt} serverNow={serverNow} /> : "—"}</td>
            )}
            {staff ? null : <td>{call.eligibleKinds.map((kind) => ORGANISATION_KIND_LABELS[kind]).join(", ")}</td>}
            <td className="amount">{call.budgetCents === null ? "—" : formatCents(call.budgetCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
