import type { AreaPage } from "~/components/area-nav";
import { GRANTED_STATUSES, isStatusIn, type ApplicationStatus } from "~/domain/application-status";

/**
 * The pages of one dossier that the viewer can open now, for the navigation of the dossier's
 * layout (app/routes/dossiers.$applicationId.tsx). The pages check access themselves.
 */
export function dossierPages(dossier: {
  id: string;
  status: ApplicationStatus;
  submitted: boolean;
  staff: boolean;
  canAnswer: boolean;
}): AreaPage[] {
  const base = `/dossiers/${dossier.id}`;
  const pages: AreaPage[] = [
    { to: base, label: "Dossier", end: true },
    { to: `${base}/overzicht`, label: dossier.status === "DRAFT" ? "Overzicht" : "Inhoud", end: true },
  ];
  if (dossier.submitted) pages.push({ to: `${base}/ontvangstbewijs`, label: "Ontvangstbewijs", end: true });
  if (dossier.canAnswer && dossier.status === "INFO_REQUESTED")
    pages.push({ to: `${base}/antwoord`, label: "Vraag van het agentschap", end: true });
  if (dossier.staff) pages.push({ to: `${base}/beoordeling`, label: "Beoordeling", end: true });
  if (dossier.staff && isStatusIn(GRANTED_STATUSES, dossier.status))
    pages.push({ to: `${base}/betalingen`, label: "Opvolging en betalingen", end: true });
  return pages;
}
