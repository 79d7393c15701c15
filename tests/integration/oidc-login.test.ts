import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevIdentity } from "~/auth/dev-idp/identities";
import { DEFAULT_ROLE_CODES } from "~/auth/oidc-config";
import { sessionStorage } from "~/auth/session.server";
import { createPrismaClient } from "~/db.server";
import { createOrganisation, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { loginThroughIdp, TEST_CLIENT_ID, type RunningIdp } from "../support/idp";
import { startServer, type RunningServer } from "../support/server";

// OpenID Connect login (docs/decisions/0047) against a real provider process (oidc-provider,
// app/auth/dev-idp) and the built portal, both on 127.0.0.1, through real HTTP: the security
// properties of issue 13, and what the claims do to accounts and memberships.
const db = createPrismaClient();
let idp: RunningIdp;
let server: RunningServer;
let leuven: { id: string };
let ocmw: { id: string };

const applicant = (code: string) => `${DEFAULT_ROLE_CODES.applicant}:${code}`;
let counter = 0;
function identity(roles: string[], overrides: Partial<DevIdentity> = {}): DevIdentity {
  counter += 1;
  return {
    sub: `test-${counter}-${Date.now()}`,
    email: `persoon${counter}@leuven.example`,
    givenName: "Test",
    familyName: `Persoon ${counter}`,
    description: "test",
    roles,
    ...overrides,
  };
}

beforeAll(async () => {
  leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  ocmw = await db.organisation.create({ data: { name: "OCMW Leuven", kind: "OCMW", kboNumber: "0212239958", province: "Vlaams-Brabant" } });
  server = await startServer();
  idp = server.idp!;
});

afterAll(async () => {
  await server?.stop(); // and its identity provider
  await db.$disconnect();
});

function browser() {
  return { portal: new HttpClient(server.url), idp: new HttpClient(idp.issuer) };
}

async function login(person: DevIdentity, options: Parameters<typeof loginThroughIdp>[3] = {}) {
  await idp.setIdentity(person);
  const b = browser();
  const result = await loginThroughIdp(b.portal, b.idp, person.sub, options);
  return { ...b, ...result };
}

async function pageText(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]+>/g, " ");
}

describe("logging in through the identity provider", () => {
  it("creates the account with the organisations of the claims and keeps the switcher", async () => {
    const person = identity([applicant("24062"), applicant("0212.239.958")]);
    const { response, portal } = await login(person, { redirectTo: "/oproepen" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/oproepen");
    const user = await db.user.findUniqueOrThrow({ where: { oidcSubject: person.sub }, include: { memberships: true, password: true } });
    expect(user.email).toBe(person.email);
    expect(user.password).toBeNull();
    expect(user.memberships.map((m) => [m.organisationId, m.managedByIdp]).sort()).toEqual(
      [
        [leuven.id, true],
        [ocmw.id, true],
      ].sort(),
    );
    const page = await portal.get("/mijn-dossiers");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("OCMW Leuven");
    expect(html).toContain("Stad Leuven");
  });

  it("gives staff their role from the claims", async () => {
    const person = identity([`${DEFAULT_ROLE_CODES.reviewer}:0316380940`], { email: "beoordelaar@agii.example" });
    const { response } = await login(person);
    expect(response.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { oidcSubject: person.sub }, include: { staffRoles: true } });
    expect(user.staffRoles.map((r) => r.role)).toEqual(["REVIEWER"]);
  });

  it("links an existing account by its e-mail address the first time", async () => {
    const existing = await createUser(db, { email: "bestaand@leuven.example", memberOf: [leuven.id] });
    const person = identity([applicant("24062")], { email: "bestaand@leuven.example" });
    const { response } = await login(person);
    expect(response.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(user.oidcSubject).toBe(person.sub);
    expect(await db.membership.findFirstOrThrow({ where: { userId: existing.id } })).toMatchObject({ managedByIdp: true });
  });

  it("takes access away at the next login when the IdP removed a role", async () => {
    const person = identity([applicant("24062"), applicant("0212239958")]);
    expect((await login(person)).response.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { oidcSubject: person.sub } });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(2);

    const second = await login({ ...person, roles: [applicant("24062")] });
    expect(second.response.status).toBe(302);
    expect((await db.membership.findMany({ where: { userId: user.id } })).map((m) => m.organisationId)).toEqual([leuven.id]);

    const earlier = second.portal; // still logged in from the second login
    const third = await login({ ...person, roles: [] });
    expect(third.response.status).toBe(403);
    expect(await pageText(third.response)).toContain("U hebt (niet langer) een rol voor het subsidieportaal");
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    // No role left: every session of the account ended too.
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await earlier.get("/mijn-dossiers")).status).toBe(302);
  });

  it("refuses an organisation the portal does not know, in Dutch, without creating an account", async () => {
    const person = identity([applicant("0456.123.494")]);
    const { response } = await login(person);
    expect(response.status).toBe(403);
    const text = await pageText(response);
    expect(text).toContain("Uw organisatie (ondernemingsnummer 0456.123.494) is niet gekend in het subsidieportaal");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    expect(await db.user.count({ where: { OR: [{ oidcSubject: person.sub }, { email: person.email }] } })).toBe(0);
  });

  it("changes the session id at login (no fixation across the redirect)", async () => {
    // A session id the attacker knows, planted in the victim's browser (expired, so the login starts).
    const planted = await db.session.create({
      data: { userId: (await createUser(db)).id, expiresAt: new Date(Date.now() - 1000) },
    });
    const cookie = await sessionStorage.getSession();
    cookie.set("sessionId", planted.id);
    const plantedCookie = (await sessionStorage.commitSession(cookie)).split(";")[0]!;
    const person = identity([applicant("24062")]);
    await idp.setIdentity(person);
    // The login flow in a browser that carries the planted cookie.
    const second = await fetch(new URL("/aanmelden/overheid", server.url), { redirect: "manual", headers: { cookie: plantedCookie } });
    const secondFlow = second.headers.getSetCookie()[0]!.split(";")[0]!;
    const idpBrowser = new HttpClient(idp.issuer);
    let location = second.headers.get("location")!;
    let response = await idpBrowser.get(location);
    location = response.headers.get("location")!;
    const uid = /\/interaction\/([\w-]+)\/login/.exec(await (await idpBrowser.get(location)).text())![1]!;
    response = await idpBrowser.post(`/interaction/${uid}/login`, { identiteit: person.sub });
    location = response.headers.get("location")!;
    while (new URL(location, idp.issuer).origin === new URL(idp.issuer).origin) {
      response = await idpBrowser.get(location);
      location = response.headers.get("location")!;
    }
    const back = new URL(location);
    const answer = await fetch(new URL(`${back.pathname}${back.search}`, server.url), {
      redirect: "manual",
      headers: { cookie: `${plantedCookie}; ${secondFlow}` },
    });
    expect(answer.status).toBe(302);
    const newCookie = answer.headers.getSetCookie().find((c) => c.startsWith("__session="))!;
    const session = await sessionStorage.getSession(newCookie.split(";")[0]);
    expect(session.get("sessionId")).toEqual(expect.any(String));
    expect(session.get("sessionId")).not.toBe(planted.id);
    expect(await db.session.findUnique({ where: { id: planted.id } })).toBeNull();
    expect(secondFlow.startsWith("__aanmelding=")).toBe(true);
  });
});

const FAULT_REASONS = {
  issuer: /"iss" \(issuer\) claim value/,
  audience: /"aud" \(audience\) claim value/,
  expired: /"exp" \(expiration time\)/,
  tampered: /JWT signature verification failed/,
  "alg-none": /unexpected JWT "alg" header parameter/,
} as const;

describe("what the portal refuses", () => {
  it("refuses a replayed state (the way back used twice)", async () => {
    const person = identity([applicant("24062")]);
    let cookies = "";
    const { response, callbackUrl } = await login(person, { beforeCallback: (c) => (cookies = c) });
    expect(response.status).toBe(302);
    const back = new URL(callbackUrl);
    const path = `${back.pathname}${back.search}`;
    // With the flow cookie as it was before the first use, and without it.
    const replayed = await fetch(new URL(path, server.url), { redirect: "manual", headers: { cookie: cookies } });
    expect(replayed.status).toBe(403);
    expect(replayed.headers.getSetCookie().some((c) => c.startsWith("__session=") && !c.includes("Max-Age=0"))).toBe(false);
    const bare = await new HttpClient(server.url).get(path);
    expect(bare.status).toBe(403);
    expect(await pageText(bare)).toContain("Uw aanmelding is verlopen of werd al gebruikt");
  });

  it("refuses a state that does not belong to this browser", async () => {
    const person = identity([applicant("24062")]);
    await idp.setIdentity(person);
    const victim = new HttpClient(server.url);
    await victim.get("/aanmelden/overheid"); // the victim's own flow cookie
    const attacker = browser();
    let attackerCallback = "";
    await loginThroughIdp(attacker.portal, attacker.idp, person.sub, {
      beforeCallback: () => undefined,
    }).then((r) => (attackerCallback = r.callbackUrl));
    const back = new URL(attackerCallback);
    const response = await victim.get(`${back.pathname}${back.search}`);
    expect(response.status).toBe(403);
  });

  it("refuses an ID token with another nonce", async () => {
    const person = identity([applicant("24062")]);
    const logged = server.output().length;
    const { response } = await login(person, { editAuthorizationUrl: (url) => url.searchParams.set("nonce", "een-andere-nonce") });
    expect(response.status).toBe(403);
    expect(server.output().slice(logged)).toMatch(/"nonce" claim value/);
    expect(await pageText(response)).toContain("De aanmelding bij de identiteitsprovider is niet gelukt");
    expect(await db.user.count({ where: { oidcSubject: person.sub } })).toBe(0);
  });

  it.each(["issuer", "audience", "expired", "tampered", "alg-none"] as const)("refuses an ID token with a fault: %s", async (fault) => {
    const person = identity([applicant("24062")]);
    await idp.injectFault(fault);
    const logged = server.output().length;
    const { response } = await login(person);
    expect(response.status).toBe(403);
    expect(await pageText(response)).toContain("De aanmelding bij de identiteitsprovider is niet gelukt");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("__session=") && !c.includes("Max-Age=0"))).toBe(false);
    expect(await db.user.count({ where: { oidcSubject: person.sub } })).toBe(0);
    // Refused for the reason itself (openid-client's check, in the server log), not by accident.
    expect(server.output().slice(logged)).toMatch(FAULT_REASONS[fault]);
  });
});

describe("logging out", () => {
  it("ends the portal session and sends the browser to the IdP's end_session", async () => {
    const person = identity([applicant("24062")]);
    const { portal } = await login(person);
    const response = await portal.post("/afmelden", {});
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(location.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe(`${server.url}/`);
    expect((await portal.get("/mijn-dossiers")).status).toBe(302);
  });

  it("ends the portal session when the IdP says so (back-channel logout)", async () => {
    const person = identity([applicant("24062")]);
    const { portal, idp: idpBrowser } = await login(person);
    expect((await portal.get("/mijn-dossiers")).status).toBe(200);
    // The user logs out at the IdP itself (another application, or its own page).
    const confirm = await idpBrowser.get(`/session/end?${new URLSearchParams({ client_id: TEST_CLIENT_ID })}`);
    const html = await confirm.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const done = await idpBrowser.post(action, { xsrf, logout: "yes" });
    expect([302, 303]).toContain(done.status);
    const user = await db.user.findUniqueOrThrow({ where: { oidcSubject: person.sub } });
    await expect.poll(() => db.session.count({ where: { userId: user.id } }), { timeout: 5_000 }).toBe(0);
    expect((await portal.get("/mijn-dossiers")).status).toBe(302);
  });

  it("refuses a logout_token that is not the IdP's, and keeps the session", async () => {
    const person = identity([applicant("24062")]);
    const { portal } = await login(person);
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(
      JSON.stringify({
        iss: idp.issuer,
        aud: TEST_CLIENT_ID,
        iat: Math.floor(Date.now() / 1000),
        jti: "x",
        sub: person.sub,
        events: { "http://schemas.openid.net/event/backchannel-logout": {} },
      }),
    ).toString("base64url");
    const response = await fetch(new URL("/afmelden/idp", server.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ logout_token: `${header}.${body}.` }),
    });
    expect(response.status).toBe(400);
    expect((await portal.get("/mijn-dossiers")).status).toBe(200);
  });
});

describe("passwords beside the identity provider", () => {
  it("are refused for staff and for organisations whose members the IdP manages", async () => {
    const staff = await createUser(db, { staffRoles: ["ADMIN"] });
    const official = await createUser(db, { memberOf: [leuven.id] });
    for (const user of [staff, official]) {
      const response = await new HttpClient(server.url).post("/aanmelden", { email: user.email, password: user.password });
      expect(response.status).toBe(400);
      expect(await pageText(response)).toContain("Meld u aan met uw overheidsaccount");
    }
  });

  it("work for an organisation an administrator allowed them for, whose members can then be invited", async () => {
    const partner = await db.organisation.create({
      data: { name: "vzw Brugwerk", kind: "VZW", kboNumber: "0456123494", province: "Oost-Vlaanderen" },
    });
    const member = await createUser(db, { memberOf: [partner.id] });
    expect((await new HttpClient(server.url).post("/aanmelden", { email: member.email, password: member.password })).status).toBe(400);

    const admin = identity([`${DEFAULT_ROLE_CODES.admin}:0316380940`], { email: "beheerder@agii.example" });
    const { portal } = await login(admin);
    const page = await (await portal.get(`/beheer/organisaties/${partner.id}`)).text();
    expect(page).toContain("Deze leden komen uit het gebruikersbeheer van de organisatie (ACM/IDM)");
    expect(page).not.toContain("Iemand uitnodigen");
    const allowed = await portal.post(`/beheer/organisaties/${partner.id}`, { intent: "password-login", allowed: "ja" });
    expect(allowed.status).toBe(200);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ passwordLoginAllowed: true });
    expect(await (await portal.get(`/beheer/organisaties/${partner.id}`)).text()).toContain("Iemand uitnodigen");

    const client = new HttpClient(server.url);
    await client.loginWithPassword(member.email, member.password);
    expect(await (await client.get("/organisatie")).text()).toContain("Een collega uitnodigen");
  });

  it("send no reset link to an account that cannot use a password, and one to an account that can", async () => {
    const partner = await db.organisation.create({
      data: { name: "vzw Tussenruimte", kind: "VZW", kboNumber: "0734581295", province: "Antwerpen", passwordLoginAllowed: true },
    });
    const staff = await createUser(db, { staffRoles: ["REVIEWER"] });
    const official = await createUser(db, { memberOf: [leuven.id] });
    const member = await createUser(db, { memberOf: [partner.id] });
    for (const user of [staff, official, member]) {
      const response = await new HttpClient(server.url).post("/wachtwoord-vergeten", { email: user.email });
      expect(response.status, user.email).toBeLessThan(400);
    }
    const links = async (email: string) => db.emailOutbox.count({ where: { toAddress: email, template: "password-reset" } });
    expect(await links(staff.email)).toBe(0);
    expect(await links(official.email)).toBe(0);
    expect(await links(member.email)).toBe(1);
  });

  it("show an IdP-managed organisation's members read-only, and its administrators' staff roles too", async () => {
    const person = identity([applicant("24062")]);
    const { portal } = await login(person);
    const page = await pageText(await portal.get("/organisatie"));
    expect(page).toContain("worden beheerd in het gebruikersbeheer van de organisatie (ACM/IDM)");
    expect(page).not.toContain("Een collega uitnodigen");
    const invite = await portal.post("/organisatie", { email: "nieuw@leuven.example", firstName: "Nieuw", lastName: "Lid" });
    expect(invite.status).toBe(400);

    const admin = identity([`${DEFAULT_ROLE_CODES.admin}:0316380940`], { email: "beheerder2@agii.example" });
    const adminBrowser = (await login(admin)).portal;
    const user = await db.user.findUniqueOrThrow({ where: { oidcSubject: admin.sub } });
    expect(await pageText(await adminBrowser.get(`/beheer/gebruikers/${user.id}`))).toContain("komen uit het gebruikersbeheer (ACM/IDM)");
    const change = await adminBrowser.post(`/beheer/gebruikers/${user.id}`, { intent: "roles", roles: "REVIEWER" });
    expect(change.status).toBe(400);
  });
});

describe("configuration", () => {
  it("does not start in production with an incomplete set", async () => {
    const error = await startServer(
      {
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(32),
        PUBLIC_URL: "https://portaal.example",
        OIDC_ISSUER: "https://idp.example",
      },
      { login: "password" }, // no provider: this test brings its own incomplete OIDC_* set
    ).catch((e: unknown) => e);
    expect(String(error)).toContain("OIDC_ISSUER is gezet, maar OIDC_CLIENT_ID, OIDC_CLIENT_SECRET of OIDC_PRIVATE_KEY_JWK ontbreekt");
  });
});
