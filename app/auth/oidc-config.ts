/**
 * The OpenID Connect settings of the portal (docs/decisions/0047), read from the environment.
 * Pure: `readOidcConfig(env)` is what the server and the unit tests call. Without OIDC_ISSUER
 * the portal logs in with passwords as before; with it, the set must be complete.
 */

export type ClaimNames = {
  /** The claim with the role assignments, each "ROLECODE:ORGANISATION" (see oidc-claims.ts). */
  roles: string;
  email: string;
  givenName: string;
  familyName: string;
};

export type RoleCodes = { applicant: string; reviewer: string; decider: string; admin: string };

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** client_secret_basic; or, with privateKeyJwk, private_key_jwt */
  clientSecret: string | null;
  /** A private JWK (JSON) to sign client assertions with (private_key_jwt) */
  privateKeyJwk: string | null;
  redirectUrl: string;
  postLogoutRedirectUrl: string;
  scope: string;
  claims: ClaimNames;
  roles: RoleCodes;
};

export type OidcConfigResult = { ok: true; config: OidcConfig | null } | { ok: false; message: string };

export const DEFAULT_CLAIMS: ClaimNames = {
  roles: "dv_agii_subsidies_rol",
  email: "email",
  givenName: "given_name",
  familyName: "family_name",
};

export const DEFAULT_ROLE_CODES: RoleCodes = {
  applicant: "AgIISubsidieAanvrager",
  reviewer: "AgIISubsidieBeoordelaar",
  decider: "AgIISubsidieBeslisser",
  admin: "AgIISubsidieBeheerder",
};

export const DEFAULT_SCOPE = "openid profile email agii_subsidies";

/** Where the IdP sends the browser back, relative to PUBLIC_URL (the route aanmelden_.terugkeer). */
export const CALLBACK_PATH = "/aanmelden/terugkeer";
/** Where the IdP posts its back-channel logout (the route afmelden_.idp). */
export const BACKCHANNEL_LOGOUT_PATH = "/afmelden/idp";

type Env = Record<string, string | undefined>;

export function readOidcConfig(env: Env): OidcConfigResult {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };
  const issuer = value("OIDC_ISSUER");
  if (!issuer) {
    const stray = ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_PRIVATE_KEY_JWK"].filter((name) => value(name));
    if (stray.length > 0) return { ok: false, message: `${stray.join(", ")} is gezet zonder OIDC_ISSUER.` };
    return { ok: true, config: null };
  }
  const production = env["NODE_ENV"] === "production";
  const missing: string[] = [];
  const clientId = value("OIDC_CLIENT_ID");
  if (!clientId) missing.push("OIDC_CLIENT_ID");
  const clientSecret = value("OIDC_CLIENT_SECRET");
  const privateKeyJwk = value("OIDC_PRIVATE_KEY_JWK");
  if (!clientSecret && !privateKeyJwk) missing.push("OIDC_CLIENT_SECRET of OIDC_PRIVATE_KEY_JWK");
  const publicUrl = value("PUBLIC_URL");
  const redirectUrl = value("OIDC_REDIRECT_URL") ?? (publicUrl ? new URL(CALLBACK_PATH, publicUrl).toString() : null);
  if (!redirectUrl) missing.push("OIDC_REDIRECT_URL (of PUBLIC_URL)");
  const postLogoutRedirectUrl = value("OIDC_POST_LOGOUT_REDIRECT_URL") ?? (publicUrl ? new URL("/", publicUrl).toString() : null);
  if (!postLogoutRedirectUrl) missing.push("OIDC_POST_LOGOUT_REDIRECT_URL (of PUBLIC_URL)");
  if (missing.length > 0) return { ok: false, message: `OIDC_ISSUER is gezet, maar ${missing.join(", ")} ontbreekt.` };

  const urls: Array<[string, string]> = [
    ["OIDC_ISSUER", issuer],
    ["OIDC_REDIRECT_URL", redirectUrl!],
    ["OIDC_POST_LOGOUT_REDIRECT_URL", postLogoutRedirectUrl!],
  ];
  for (const [name, url] of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, message: `${name} is geen geldige URL.` };
    }
    if (production && parsed.protocol !== "https:") return { ok: false, message: `${name} moet in productie https gebruiken.` };
    if (!production && parsed.protocol !== "https:" && !isLoopback(parsed)) {
      return { ok: false, message: `${name} gebruikt http: dat mag alleen op 127.0.0.1 of localhost.` };
    }
  }
  if (privateKeyJwk) {
    try {
      const jwk = JSON.parse(privateKeyJwk) as { d?: unknown };
      if (typeof jwk.d !== "string") throw new Error("not private");
    } catch {
      return { ok: false, message: "OIDC_PRIVATE_KEY_JWK is geen private sleutel in JWK-formaat (JSON)." };
    }
  }
  return {
    ok: true,
    config: {
      issuer,
      clientId: clientId!,
      clientSecret,
      privateKeyJwk,
      redirectUrl: redirectUrl!,
      postLogoutRedirectUrl: postLogoutRedirectUrl!,
      scope: value("OIDC_SCOPE") ?? DEFAULT_SCOPE,
      claims: {
        roles: value("OIDC_CLAIM_ROLES") ?? DEFAULT_CLAIMS.roles,
        email: value("OIDC_CLAIM_EMAIL") ?? DEFAULT_CLAIMS.email,
        givenName: value("OIDC_CLAIM_GIVEN_NAME") ?? DEFAULT_CLAIMS.givenName,
        familyName: value("OIDC_CLAIM_FAMILY_NAME") ?? DEFAULT_CLAIMS.familyName,
      },
      roles: {
        applicant: value("OIDC_ROLE_APPLICANT") ?? DEFAULT_ROLE_CODES.applicant,
        reviewer: value("OIDC_ROLE_REVIEWER") ?? DEFAULT_ROLE_CODES.reviewer,
        decider: value("OIDC_ROLE_DECIDER") ?? DEFAULT_ROLE_CODES.decider,
        admin: value("OIDC_ROLE_ADMIN") ?? DEFAULT_ROLE_CODES.admin,
      },
    },
  };
}

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}
