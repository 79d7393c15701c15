import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { dossierPages } from "~/applications/dossier-pages";
import { requireDossierAccess } from "~/auth/viewer.server";
import { AreaNav } from "~/components/area-nav";
import { RouteErrorPage } from "~/components/error-page";
import { canEditApplication, isStaff } from "~/domain/permissions";
import { isAutosave } from "~/utils/revalidation";

// The layout of one dossier (/dossiers/:id/...): its navigation, then the page. Its loader and
// the page's share one read of the dossier (requireDossierAccess); every page's loader and
// action still checks access itself, since this loader does not run for actions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  return {
    pages: dossierPages({
      id: dossier.id,
      status: dossier.status,
      submitted: dossier.submittedAt !== null,
      staff: isStaff(viewer),
      canAnswer: canEditApplication(viewer, dossier),
    }),
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isAutosave(formData) ? false : defaultShouldRevalidate;

export default function DossierLayout() {
  const { pages } = useLoaderData<typeof loader>();
  return (
    <>
      <AreaNav label="Dossier" pages={pages} className="no-print" />
      <Outlet />
    </>
  );
}

/** An error on one of the dossier's pages keeps its navigation; when the dossier itself is not found, only the message. */
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>("routes/dossiers.$applicationId");
  return (
    <>
      {layout ? <AreaNav label="Dossier" pages={layout.pages} className="no-print" /> : null}
      <RouteErrorPage />
    </>
  );
}
