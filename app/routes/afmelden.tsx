import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logoutEverywhere } from "~/auth/oidc.server";
import { readFormPost } from "~/utils/read-form-post.server";

// Logging out is a POST (a link could be triggered by another site); GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readFormPost(request); // the logout button's (empty) form; anything else is refused
  // A session that came from the identity provider also ends there (RP-initiated logout).
  return logoutEverywhere(request);
}

// Never shown (the loader and the action redirect), but a route with a page renders its errors
// (403, 415) as the Dutch error page; a route without one would answer them as bare JSON.
export default function LogoutPage() {
  return null;
}
