import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { oidcConfig, startOidcLogin } from "~/auth/oidc.server";
import { getViewer } from "~/auth/viewer.server";
import { homePath } from "~/domain/permissions";

// "Aanmelden met uw overheidsaccount": off to the identity provider (app/auth/oidc.server.ts).
// A GET: the flow it starts is bound to this browser by its cookie, so a link cannot log anyone in.
export async function loader({ request }: LoaderFunctionArgs) {
  const config = oidcConfig();
  if (!config) throw redirect("/aanmelden");
  const viewer = await getViewer(request);
  if (viewer) throw redirect(homePath(viewer));
  return startOidcLogin(request, config);
}
