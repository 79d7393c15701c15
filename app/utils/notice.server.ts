import { createCookieSessionStorage, redirect } from "@remix-run/node";
import * as z from "zod";
import { sessionSecret } from "~/auth/session.server";
import { isProduction } from "~/utils/env.server";

/**
 * A success notice for the page a form post redirects to ("De oproep is aangemaakt."), instead
 * of a flag in its address: flashed into a small signed cookie of its own, read and cleared by
 * the root loader of the next page (root.tsx), so it shows once and a reload or a shared link
 * does not repeat it. Not in the login session: a notice also follows a post by someone who has
 * none (a password reset), and the session cookie is only written when the session changes.
 */
const COOKIE_NAME = "__melding";

const noticeStorage = createCookieSessionStorage<Record<string, never>, { notice: string }>({
  cookie: {
    name: COOKIE_NAME,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isProduction(),
    secrets: [sessionSecret()],
  },
});

const noticeSchema = z.string().min(1).max(500);

/** A redirect that shows `notice` on the page it leads to. */
export async function redirectWithNotice(to: string, notice: string): Promise<Response> {
  const session = await noticeStorage.getSession();
  session.flash("notice", notice);
  return redirect(to, { headers: { "Set-Cookie": await noticeStorage.commitSession(session) } });
}

/** The notice flashed for this page, if any, and the header that clears it. */
export async function takeNotice(request: Request): Promise<{ notice: string | null; headers?: HeadersInit }> {
  const cookie = request.headers.get("Cookie");
  // Most requests carry none: then there is no signature to check.
  if (!cookie?.includes(`${COOKIE_NAME}=`)) return { notice: null };
  const session = await noticeStorage.getSession(cookie);
  const notice = noticeSchema.safeParse(session.get("notice"));
  return { notice: notice.success ? notice.data : null, headers: { "Set-Cookie": await noticeStorage.destroySession(session) } };
}
