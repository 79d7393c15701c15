import { isProduction } from "~/utils/env.server";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { prisma } from "~/db.server";
import { now } from "~/utils/clock.server";
import { safeRedirect } from "~/utils/safe-redirect";

/** An idle-proof working day: officials on shared PCs should not stay logged in for weeks. */
export const SESSION_DURATION_MS = 12 * 60 * 60 * 1000;

/** The secret that signs the portal's cookies (this session, and the notices of app/utils/notice.server.ts). */
export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (secret) return secret;
  if (isProduction()) throw new Error("SESSION_SECRET ontbreekt.");
  return "development-only-secret-do-not-use-in-production";
}

/**
 * The cookie holds only the id of a Session row (and the organisation the user is working
 * for); the row can be revoked (logout, password reset, deactivation) on the server.
 */
export const sessionStorage = createCookieSessionStorage<{ sessionId: string; organisationId: string }>({
  cookie: {
    name: "__session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isProduction(),
    secrets: [sessionSecret()],
    maxAge: SESSION_DURATION_MS / 1000,
  },
});

export function getCookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function createUserSession(request: Request, userId: string, redirectTo: string | undefined) {
  return startUserSession(request, userId, redirectTo);
}

/**
 * A new Session row and a new cookie for a user who just logged in (with a password or through
 * the identity provider, which passes its session id and ID token). A session the browser
 * still carried ends: the session id always changes at login (no fixation).
 */
export async function startUserSession(
  request: Request,
  userId: string,
  redirectTo: string | undefined,
  oidc: { oidcSid: string | null; idToken: string } | null = null,
) {
  const at = now();
  const previous = (await getCookieSession(request)).get("sessionId");
  const [, session] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { id: typeof previous === "string" ? previous : "" } }),
    prisma.session.create({
      data: {
        userId,
        expiresAt: new Date(at.getTime() + SESSION_DURATION_MS),
        oidcSid: oidc?.oidcSid ?? null,
        idToken: oidc?.idToken ?? null,
      },
    }),
    prisma.user.update({ where: { id: userId }, data: { lastLoginAt: at } }),
  ]);
  const cookieSession = await sessionStorage.getSession();
  cookieSession.set("sessionId", session.id);
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": await sessionStorage.commitSession(cookieSession) },
  });
}
