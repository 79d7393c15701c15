import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import * as z from "zod/mini";
import { getCookieSession, sessionStorage } from "~/auth/session.server";
import { forbidden, requireViewer } from "~/auth/viewer.server";
import { isMemberOf } from "~/domain/permissions";
import { readFormPost } from "~/utils/read-form-post.server";
import { safeRedirect } from "~/utils/safe-redirect";

const switchSchema = z.object({ organisationId: z.string().check(z.minLength(1)), returnTo: z.catch(z.optional(z.string()), undefined) });

export async function loader() {
  return redirect("/mijn-dossiers");
}

/** Organisation switcher: only organisations the user is a member of can be chosen. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const post = await readFormPost(request);
  const parsed = post.parse(switchSchema);
  if (!parsed.ok || !isMemberOf(viewer, parsed.data.organisationId)) forbidden("U bent geen lid van deze organisatie.");
  const cookieSession = await getCookieSession(request);
  cookieSession.set("organisationId", parsed.data.organisationId);
  // Dossier pages belong to one organisation: after a switch, start from its overview.
  const returnTo = safeRedirect(parsed.data.returnTo, "/mijn-dossiers");
  const target = returnTo.startsWith("/dossiers/") ? "/mijn-dossiers" : returnTo;
  return redirect(target, { headers: { "Set-Cookie": await sessionStorage.commitSession(cookieSession) } });
}

// Never shown (the loader and the action redirect), but a route with a page renders its errors
// (403, 415) as the Dutch error page; a route without one would answer them as bare JSON.
export default function SwitchOrganisationPage() {
  return null;
}
