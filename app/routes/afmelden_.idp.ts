import type { ActionFunctionArgs } from "@remix-run/node";
import * as z from "zod/mini";
import { backchannelLogout, oidcConfig } from "~/auth/oidc.server";
import { readFormPost } from "~/utils/read-form-post.server";

// OpenID Connect back-channel logout: the identity provider (not a browser) posts a logout_token
// here when a session there ends (server.js lets this one path through without Origin).
const logoutSchema = z.object({ logout_token: z.string().check(z.minLength(1), z.maxLength(16_000)) });

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST", ...NO_STORE } });
}

export async function action({ request }: ActionFunctionArgs) {
  const config = oidcConfig();
  if (!config) return Response.json({ error: "not_configured" }, { status: 404, headers: NO_STORE });
  const parsed = (await readFormPost(request)).parse(logoutSchema);
  if (!parsed.ok) return Response.json({ error: "invalid_request" }, { status: 400, headers: NO_STORE });
  const result = await backchannelLogout(parsed.data.logout_token, config);
  if (!result.ok) {
    console.warn(`[oidc] back-channel logout geweigerd: ${result.error}`);
    return Response.json({ error: "invalid_request", error_description: "logout_token geweigerd" }, { status: 400, headers: NO_STORE });
  }
  return new Response(null, { status: 200, headers: NO_STORE });
}
