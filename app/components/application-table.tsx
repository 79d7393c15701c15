import { Link } from "@remix-run/react";
import type { ApplicationListItem } from "~/applications/applications.server";
import { statusLabel } from "~/applications/status-labels";
import { formatCents } from "~/utils/money";
import { formatDate } from "~/utils/time-format";
import { StackedTable, type StackedColumn } from "./stacked-table";

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
  const columns: Array<StackedColumn<ApplicationListItem> | null> = [
    { label: "Dossier", cell: (item) => <Link to={`/dossiers/${item.id}`}>{item.reference ?? "Concept (nog geen nummer)"}</Link> },
    showOrganisation ? { label: "Organisatie", cell: (item) => item.organisationName } : null,
    { label: "Oproep", cell: (item) => item.callTitle },
    { label: "Status", cell: (item) => <span className="status">{statusLabel(item.status, item.programmeKind)}</span> },
    { label: "Verstuurd op", cell: (item) => (item.submittedAt ? formatDate(item.submittedAt) : "—") },
    { label: "Gevraagd", amount: true, cell: (item) => (item.requestedCents === null ? "—" : formatCents(item.requestedCents)) },
  ];
  return <StackedTable caption={caption} columns={columns.filter((column) => column !== null)} rows={items} rowKey={(item) => item.id} />;
}
