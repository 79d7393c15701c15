/**
 * Logging in through the government's identity provider (ACM/IDM) with OpenID Connect, as a
 * relying party built on openid-client (a certified implementation): authorization code with
 * PKCE, `state` and `nonce`, ID-token checks (issuer, audience, expiry, signature; `alg: none`
 * is refused), the IdP's logout (RP-initiated) and its back-channel logout. docs/decisions/0047.
 */
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import * as client from "openid-client";
import { prisma } from "~/db.server";
import { isProduction } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { mapClaims } from "./oidc-claims";
import { readOidcConfig, type OidcConfig } from "./oidc-config";
import { SYNC_MESSAGES, syncOidcAccount, unknownOrganisationMessage } from "./oidc-accounts.server";
import { getCookieSession, sessionSecret, sessionStorage, startUserSession } from "./session.server";

/** The portal's OIDC settings, or null when it logs in with passwords only (OIDC_ISSUER unset). */
export function oidcConfig(): OidcConfig | null {
  const result = readOidcConfig(process.env);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

/** For server.js: refuses to start with an incomplete set (a clear message), says which IdP otherwise. */
export function checkOidcConfiguration(): { ok: true; issuer: string | null } | { ok: false; message: string } {
  const result = readOidcConfig(process.env);
  return result.ok ? { ok: true, issuer: result.config?.issuer ?? null } : result;
}

let discovered: { key: string; configuration: Promise<client.Configuration> } | null = null;

/** Discovery once per process (and again after a failure, so an IdP that was down is found later). */
async function configuration(config: OidcConfig): Promise<client.Configuration> {
  const key = JSON.stringify(config);
  if (discovered?.key !== key) {
    const promise = discover(config);
    discovered = { key, configuration: promise };
    promise.catch(() => {
      if (discovered?.configuration === promise) discovered = null;
    });
  }
  return discovered.configuration;
}

async function discover(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  const authentication = config.privateKeyJwk
    ? client.PrivateKeyJwt(await importPrivateKey(config.privateKeyJwk))
    : client.ClientSecretBasic(config.clientSecret!);
  // http only for a development IdP on loopback (readOidcConfig refuses it anywhere else).
  const insecure = !isProduction() && issuer.protocol === "http:";
  const configuration = await client.discovery(
    issuer,
    config.clientId,
    { id_token_signed_response_alg: "RS256" },
    authentication,
    insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
  );
  // openid-client trusts an ID token from the token endpoint without checking its signature
  // (allowed by the spec over TLS); the portal checks it against the IdP's keys anyway.
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}

async function importPrivateKey(jwkJson: string): Promise<CryptoKey> {
  const jwk = JSON.parse(jwkJson) as JsonWebKey & { alg?: string };
  const algorithm = jwk.kty === "EC" ? { name: "ECDSA", namedCurve: jwk.crv ?? "P-256" } : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  return crypto.subtle.importKey("jwk", jwk, algorithm, false, ["sign"]);
}

/** state, nonce and the PKCE verifier between the redirect to the IdP and the way back: 10 minutes, one use. */
const flowStorage = createCookieSessionStorage<{ state: string; nonce: string; verifier: string; redirectTo: string }>({
  cookie: {
    name: "__aanmelding",
    httpOnly: true,
    // Lax: the IdP sends the browser back with a top-level GET from its own site.
    sameSite: "lax",
    path: "/aanmelden",
    secure: isProduction(),
    secrets: [sessionSecret()],
    maxAge: 10 * 60,
  },
});

/** The redirect to the IdP's login, with a fresh state, nonce and PKCE challenge. */
export async function startOidcLogin(request: Request, config: OidcConfig): Promise<Response> {
  const rp = await configuration(config);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "");
  const url = client.buildAuthorizationUrl(rp, {
    redirect_uri: config.redirectUrl,
    scope: config.scope,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ui_locales: "nl-BE nl",
  });
  const flow = await flowStorage.getSession();
  flow.set("state", state);
  flow.set("nonce", nonce);
  flow.set("verifier", verifier);
  flow.set("redirectTo", redirectTo);
  return redirect(url.toString(), { headers: { "Set-Cookie": await flowStorage.commitSession(flow), "Cache-Control": "no-store" } });
}

export type CallbackResult = { ok: true; response: Response } | { ok: false; message: string; headers: HeadersInit };

export const CALLBACK_MESSAGES = {
  expired: "Uw aanmelding is verlopen of werd al gebruikt. Meld u opnieuw aan.",
  refused: "De aanmelding bij de identiteitsprovider is niet gelukt. Meld u opnieuw aan.",
  cancelled: "U hebt de aanmelding bij de identiteitsprovider afgebroken.",
  unavailable: "De identiteitsprovider is nu niet bereikbaar. Probeer het over enkele minuten opnieuw.",
  incomplete: "De identiteitsprovider gaf uw naam of e-mailadres niet door. Neem contact op met het agentschap.",
} as const;

/**
 * The way back from the IdP: the flow cookie is used up at once (a replayed `state` finds none),
 * the code is exchanged and the ID token checked by openid-client, the claims mapped and the
 * account synchronised; then a new session (new id: no fixation across the redirect).
 */
export async function finishOidcLogin(request: Request, config: OidcConfig): Promise<CallbackResult> {
  const flow = await flowStorage.getSession(request.headers.get("Cookie"));
  const headers = { "Set-Cookie": await flowStorage.destroySession(flow), "Cache-Control": "no-store" };
  const state = flow.get("state");
  const nonce = flow.get("nonce");
  const verifier = flow.get("verifier");
  const search = new URL(request.url).searchParams;
  if (search.get("error") === "access_denied") return { ok: false, message: CALLBACK_MESSAGES.cancelled, headers };
  if (!state || !nonce || !verifier) return { ok: false, message: CALLBACK_MESSAGES.expired, headers };

  let rp: client.Configuration;
  try {
    rp = await configuration(config);
  } catch (error) {
    console.error("[oidc] discovery mislukt", error);
    return { ok: false, message: CALLBACK_MESSAGES.unavailable, headers };
  }
  const currentUrl = new URL(config.redirectUrl);
  currentUrl.search = search.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(rp, currentUrl, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    console.warn(`[oidc] aanmelding geweigerd: ${describeError(error)}`);
    return { ok: false, message: CALLBACK_MESSAGES.refused, headers };
  }
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) return { ok: false, message: CALLBACK_MESSAGES.refused, headers };
  const mapped = mapClaims(idClaims as Record<string, unknown>, config.claims, config.roles);
  if (!mapped.ok) return { ok: false, message: CALLBACK_MESSAGES.incomplete, headers };
  const synced = await syncOidcAccount(mapped.claims);
  if (!synced.ok) {
    const message = synced.reason === "unknown-organisation" ? unknownOrganisationMessage(synced.references) : SYNC_MESSAGES[synced.reason];
    return { ok: false, message, headers };
  }
  const sid = typeof idClaims["sid"] === "string" ? idClaims["sid"] : null;
  const response = await startUserSession(request, synced.userId, flow.get("redirectTo") || undefined, {
    oidcSid: sid,
    idToken: tokens.id_token,
  });
  response.headers.append("Set-Cookie", headers["Set-Cookie"]);
  response.headers.set("Cache-Control", "no-store");
  return { ok: true, response };
}

/**
 * Logging out: the portal's session ends here; a session that came from the IdP then goes on to
 * the IdP's end_session endpoint, which ends the IdP's session and comes back to the portal.
 */
export async function logoutEverywhere(request: Request): Promise<Response> {
  const cookieSession = await getCookieSession(request);
  const sessionId = cookieSession.get("sessionId");
  const session = sessionId ? await prisma.session.findUnique({ where: { id: sessionId }, select: { id: true, idToken: true } }) : null;
  if (session) await prisma.session.deleteMany({ where: { id: session.id } });
  const headers = { "Set-Cookie": await sessionStorage.destroySession(cookieSession) };
  const config = oidcConfig();
  if (!config || !session?.idToken) return redirect("/", { headers });
  try {
    const url = client.buildEndSessionUrl(await configuration(config), {
      id_token_hint: session.idToken,
      post_logout_redirect_uri: config.postLogoutRedirectUrl,
    });
    return redirect(url.toString(), { headers });
  } catch (error) {
    // The portal's session is over either way; the IdP's may outlive it.
    console.error("[oidc] afmelden bij de identiteitsprovider mislukt", error);
    return redirect("/", { headers });
  }
}

const BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

export type BackchannelResult = { ok: true; ended: number } | { ok: false; error: string };

/**
 * OpenID Connect Back-Channel Logout 1.0: the IdP posts a logout_token (a signed JWT) when a
 * user's session there ends; every portal session of that IdP session (sid), or of that user
 * (sub only), ends too.
 */
export async function backchannelLogout(logoutToken: string, config: OidcConfig): Promise<BackchannelResult> {
  let payload: JWTPayload;
  try {
    const metadata = (await configuration(config)).serverMetadata();
    if (!metadata.jwks_uri) return { ok: false, error: "no jwks_uri" };
    const algorithms = (metadata.id_token_signing_alg_values_supported ?? ["RS256"]).filter((alg) => alg !== "none");
    ({ payload } = await jwtVerify(logoutToken, keySet(metadata.jwks_uri), {
      issuer: metadata.issuer,
      audience: config.clientId,
      algorithms,
      requiredClaims: ["iat", "jti", "events"],
      maxTokenAge: "5 minutes",
      clockTolerance: 30,
    }));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "invalid logout_token" };
  }
  const events = payload["events"];
  const sid = typeof payload["sid"] === "string" ? payload["sid"] : null;
  const sub = typeof payload.sub === "string" ? payload.sub : null;
  if (typeof events !== "object" || events === null || typeof (events as Record<string, unknown>)[BACKCHANNEL_EVENT] !== "object") {
    return { ok: false, error: "not a back-channel logout event" };
  }
  if ("nonce" in payload) return { ok: false, error: "a logout_token has no nonce" };
  if (!sid && !sub) return { ok: false, error: "neither sid nor sub" };
  const { count } = await prisma.session.deleteMany({
    where: {
      ...(sid ? { oidcSid: sid } : { idToken: { not: null } }),
      ...(sub ? { user: { oidcSubject: sub } } : {}),
    },
  });
  return { ok: true, ended: count };
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySet(uri: string) {
  let set = keySets.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri));
    keySets.set(uri, set);
  }
  return set;
}

/** openid-client's message with its cause ("unexpected JWT claim value encountered (iss)"), for the log. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail =
    cause instanceof Error ? cause.message : cause && typeof cause === "object" && "claim" in cause ? `claim ${String(cause.claim)}` : "";
  return detail ? `${error.message} (${detail})` : error.message;
}
