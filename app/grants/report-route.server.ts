import { forbidden, notFound, requireDossierAccess } from "~/auth/viewer.server";
import { canFillReport, canSeeReport, loadReport } from "./reports.server";

/**
 * The access check of a report's pages: the dossier as its pages read it (other organisations
 * get a 404, as for the dossier), then membership of its organisation (staff see reports on the
 * dossier's "Opvolging en betalingen" page), then the call's report phase.
 */
export async function requireReport(
  request: Request,
  params: { applicationId?: string; phaseKey?: string },
  intent: "view" | "edit" = "view",
) {
  const { viewer, dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  if (!canSeeReport(viewer, dossier)) notFound("Dit verslag bestaat niet of u hebt er geen toegang toe.");
  if (intent === "edit" && !canFillReport(viewer, dossier)) forbidden("U kunt dit verslag niet wijzigen.");
  const context = await loadReport(dossier, params.phaseKey ?? "");
  if (!context) notFound("Dit verslag bestaat niet.");
  return { viewer, dossier, context };
}
