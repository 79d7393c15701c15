import { describe, expect, it } from "vitest";
import { mapClaims } from "~/auth/oidc-claims";
import { DEFAULT_CLAIMS, DEFAULT_ROLE_CODES, readOidcConfig } from "~/auth/oidc-config";

const complete = {
  OIDC_ISSUER: "https://idp.example",
  OIDC_CLIENT_ID: "portaal",
  OIDC_CLIENT_SECRET: "geheim",
  PUBLIC_URL: "https://portaal.example",
};

describe("readOidcConfig", () => {
  it("is off without OIDC_ISSUER", () => {
    expect(readOidcConfig({})).toEqual({ ok: true, config: null });
  });

  it("refuses client settings without an issuer", () => {
    expect(readOidcConfig({ OIDC_CLIENT_ID: "portaal" })).toEqual({ ok: false, message: "OIDC_CLIENT_ID is gezet zonder OIDC_ISSUER." });
  });

  it("names what is missing", () => {
    const result = readOidcConfig({ OIDC_ISSUER: "https://idp.example", NODE_ENV: "production" });
    expect(result).toEqual({
      ok: false,
      message:
        "OIDC_ISSUER is gezet, maar OIDC_CLIENT_ID, OIDC_CLIENT_SECRET of OIDC_PRIVATE_KEY_JWK, OIDC_REDIRECT_URL (of PUBLIC_URL), OIDC_POST_LOGOUT_REDIRECT_URL (of PUBLIC_URL) ontbreekt.",
    });
  });

  it("derives the redirect and logout URLs from PUBLIC_URL and has documented defaults", () => {
    const result = readOidcConfig(complete);
    expect(result.ok && result.config).toMatchObject({
      redirectUrl: "https://portaal.example/aanmelden/terugkeer",
      postLogoutRedirectUrl: "https://portaal.example/",
      claims: DEFAULT_CLAIMS,
      roles: DEFAULT_ROLE_CODES,
    });
  });

  it("wants https in production and allows http only on loopback elsewhere", () => {
    expect(readOidcConfig({ ...complete, NODE_ENV: "production", OIDC_ISSUER: "http://127.0.0.1:1090" })).toMatchObject({ ok: false });
    expect(readOidcConfig({ ...complete, OIDC_ISSUER: "http://idp.example" })).toMatchObject({ ok: false });
    expect(readOidcConfig({ ...complete, OIDC_ISSUER: "http://127.0.0.1:1090" })).toMatchObject({ ok: true });
  });

  it("takes a private key JWK instead of a secret, and refuses a public one", () => {
    const base = { ...complete, OIDC_CLIENT_SECRET: undefined };
    expect(readOidcConfig({ ...base, OIDC_PRIVATE_KEY_JWK: '{"kty":"EC","crv":"P-256","x":"a","y":"b","d":"c"}' })).toMatchObject({
      ok: true,
    });
    expect(readOidcConfig({ ...base, OIDC_PRIVATE_KEY_JWK: '{"kty":"EC","crv":"P-256","x":"a","y":"b"}' })).toMatchObject({ ok: false });
  });
});

describe("mapClaims", () => {
  const claims = (roles: unknown) => ({
    sub: "abc",
    email: "An.Peeters@Antwerpen.example",
    given_name: "An",
    family_name: "Peeters",
    [DEFAULT_CLAIMS.roles]: roles,
  });

  it("reads organisations by NIS code or KBO number, and staff roles", () => {
    const result = mapClaims(
      claims([
        "AgIISubsidieAanvrager:11002",
        "AgIISubsidieAanvrager:0212.239.958",
        "AgIISubsidieAanvrager:11002",
        "AgIISubsidieBeslisser:0316380940",
        "AgIISubsidieBeoordelaar",
        "IetsAnders:11002",
        "AgIISubsidieAanvrager:0212239959",
      ]),
      DEFAULT_CLAIMS,
      DEFAULT_ROLE_CODES,
    );
    expect(result).toEqual({
      ok: true,
      claims: {
        subject: "abc",
        email: "an.peeters@antwerpen.example",
        firstName: "An",
        lastName: "Peeters",
        organisations: [{ nisCode: "11002" }, { kboNumber: "0212239958" }],
        staffRoles: ["DECIDER", "REVIEWER"],
      },
    });
  });

  it("accepts a single string and configured names", () => {
    const result = mapClaims(
      { sub: "x", mail: "a@b.example", rollen: "Aanvrager:24062" },
      { ...DEFAULT_CLAIMS, roles: "rollen", email: "mail" },
      {
        ...DEFAULT_ROLE_CODES,
        applicant: "Aanvrager",
      },
    );
    expect(result.ok && result.claims.organisations).toEqual([{ nisCode: "24062" }]);
  });

  it("refuses claims without subject or e-mail address", () => {
    expect(mapClaims({ email: "a@b.example" }, DEFAULT_CLAIMS, DEFAULT_ROLE_CODES)).toEqual({ ok: false, reason: "incomplete" });
    expect(mapClaims({ sub: "x" }, DEFAULT_CLAIMS, DEFAULT_ROLE_CODES)).toEqual({ ok: false, reason: "incomplete" });
  });
});
