import { Link } from "@remix-run/react";
import { CALL_PHASE_LABELS } from "~/calls/call-state";
import type { CallSummary } from "~/calls/calls.server";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { formatCents } from "~/utils/money";
import { formatDateTime } from "~/utils/time-format";
import { Countdown } from "./countdown";
import { StackedTable, type StackedColumn } from "./stacked-table";

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
  const columns: Array<StackedColumn<CallSummary> | null> = [
    { label: "Oproep", cell: (call) => <Link to={`/oproepen/${call.id}`}>{call.title}</Link> },
    { label: "Status", cell: (call) => <span className={`status status--${call.phase}`}>{CALL_PHASE_LABELS[call.phase]}</span> },
    staff ? { label: "Open vanaf", cell: (call) => formatDateTime(call.opensAt) } : null,
    { label: "Indienen tot", cell: (call) => formatDateTime(call.closesAt) },
    staff
      ? { label: "Beslissing uiterlijk", cell: (call) => (call.decisionDueAt ? formatDateTime(call.decisionDueAt) : "—") }
      : {
          label: "Resterende tijd",
          cell: (call) => (call.phase === "open" ? <Countdown until={call.closesAt} serverNow={serverNow} /> : "—"),
        },
    staff
      ? null
      : { label: "Wie kan aanvragen", cell: (call) => call.eligibleKinds.map((kind) => ORGANISATION_KIND_LABELS[kind]).join(", ") },
    { label: "Budget", amount: true, cell: (call) => (call.budgetCents === null ? "—" : formatCents(call.budgetCents)) },
  ];
  return <StackedTable caption={caption} columns={columns.filter((column) => column !== null)} rows={calls} rowKey={(call) => call.id} />;
}
