import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_MESSAGES } from "~/auth/login.server";
import { OWN_ADMIN_ROLE_MESSAGE } from "~/admin/users.server";
import { createPrismaClient } from "~/db.server";
import { startMailCatcher, type MailCatcher } from "~/mail/catcher.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Administrators manage accounts and organisations: real HTTP, real SQLite, real SMTP.
const db = createPrismaClient();
let server: RunningServer;
let catcher: MailCatcher;
let admin: Awaited<ReturnType<typeof createUser>>;
let antwerpen: { id: string };
let adminClient: HttpClient;
// The portal's public address: the origin its pages (and so our posts) come from.
const PUBLIC_URL = "http://portaal.test";

beforeAll(async () => {
  catcher = await startMailCatcher();
  antwerpen = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002" });
  admin = await createUser(db, { email: "beheerder@agii.example", staffRoles: ["ADMIN"] });
  server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, PUBLIC_URL }, { login: "password" });
  adminClient = new HttpClient(server.url, PUBLIC_URL);
  await adminClient.loginWithPassword(admin.email, admin.password);
});

afterAll(async () => {
  await server?.stop();
  await catcher?.close();
  await db.$disconnect();
});

function auditFor(entityId: string, action: string) {
  return db.auditEvent.findMany({ where: { entityId, action }, orderBy: { at: "asc" } });
}

describe("login bookkeeping", () => {
  it("records the time of the last login and shows it in the user list", async () => {
    const official = await createUser(db, { email: "laatst@antwerpen.example", memberOf: [antwerpen.id] });
    expect((await db.user.findUniqueOrThrow({ where: { id: official.id } })).lastLoginAt).toBeNull();
    let list = await (await adminClient.get("/beheer/gebruikers?q=laatst%40antwerpen")).text();
    expect(list).toContain("nooit");
    expect(list).toContain("Stad Antwerpen");
    await new HttpClient(server.url, PUBLIC_URL).loginWithPassword(official.email, official.password);
    const lastLoginAt = (await db.user.findUniqueOrThrow({ where: { id: official.id } })).lastLoginAt;
    expect(lastLoginAt).not.toBeNull();
    expect(Math.abs(lastLoginAt!.getTime() - Date.now())).toBeLessThan(10_000);
    list = await (await adminClient.get("/beheer/gebruikers?q=laatst%40antwerpen")).text();
    expect(list).not.toContain("nooit");
  });
});

describe("deactivating and reactivating an account", () => {
  it("stops the user's open session at once, refuses their login and keeps their organisation's dossiers", async () => {
    const official = await createUser(db, { email: "vertrekt@antwerpen.example", memberOf: [antwerpen.id] });
    const call = await createProgrammeAndCall(db, {
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2027-01-01T00:00:00Z"),
    });
    const dossier = await createApplication(db, { callId: call.id, organisationId: antwerpen.id });
    const session = new HttpClient(server.url, PUBLIC_URL);
    await session.loginWithPassword(official.email, official.password);
    expect((await session.get("/mijn-dossiers")).status).toBe(200);

    const response = await adminClient.post(`/beheer/gebruikers/${official.id}`, {
      intent: "deactivate",
      reason: "Heeft de stad verlaten.",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Het account is gedeactiveerd. Open sessies zijn beëindigd.");

    // The old cookie no longer works, and the session rows are gone.
    const after = await session.get("/mijn-dossiers");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/aanmelden/);
    expect(await db.session.count({ where: { userId: official.id } })).toBe(0);

    const login = await new HttpClient(server.url, PUBLIC_URL).post("/aanmelden", { email: official.email, password: official.password });
    expect(login.status).toBe(400);
    expect(await login.text()).toContain(LOGIN_MESSAGES.deactivated);
    expect(LOGIN_MESSAGES.deactivated).toBe("Dit account is gedeactiveerd. Neem contact op met een collega of met het agentschap.");

    const user = await db.user.findUniqueOrThrow({ where: { id: official.id }, include: { memberships: true } });
    expect(user.deactivatedAt).not.toBeNull();
    expect(user.deactivationReason).toBe("Heeft de stad verlaten.");
    expect(user.memberships.map((m) => m.organisationId)).toEqual([antwerpen.id]);
    expect((await db.application.findUniqueOrThrow({ where: { id: dossier.id } })).organisationId).toBe(antwerpen.id);

    const [event] = await auditFor(official.id, "user.deactivated");
    expect(event).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", entityType: "User", reason: "Heeft de stad verlaten." });
    expect(JSON.parse(event!.after!)).toMatchObject({ sessionsEnded: 1 });

    // Reactivated, the same password works again.
    const again = await adminClient.post(`/beheer/gebruikers/${official.id}`, { intent: "reactivate", reason: "Terug in dienst." });
    expect(await again.text()).toContain("Het account is opnieuw actief.");
    await new HttpClient(server.url, PUBLIC_URL).loginWithPassword(official.email, official.password);
    expect(await auditFor(official.id, "user.reactivated")).toHaveLength(1);
  });

  it("needs a reason, and keeps what was typed elsewhere", async () => {
    const official = await createUser(db, { memberOf: [antwerpen.id] });
    const response = await adminClient.post(`/beheer/gebruikers/${official.id}`, { intent: "deactivate", reason: "  " });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Dit veld is verplicht.");
    expect((await db.user.findUniqueOrThrow({ where: { id: official.id } })).deactivatedAt).toBeNull();
  });

  it("does not let an administrator deactivate their own account", async () => {
    const response = await adminClient.post(`/beheer/gebruikers/${admin.id}`, { intent: "deactivate", reason: "Per ongeluk" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("U kunt uw eigen account niet deactiveren.");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });
});

describe("staff roles", () => {
  it("grants and revokes roles with one audit line per change, effective at the next request", async () => {
    const colleague = await createUser(db, { email: "nieuw@agii.example" });
    const session = new HttpClient(server.url, PUBLIC_URL);
    await session.loginWithPassword(colleague.email, colleague.password);
    expect((await session.get("/te-beoordelen")).status).toBe(403);

    const response = await adminClient.post(
      `/beheer/gebruikers/${colleague.id}`,
      new URLSearchParams([
        ["intent", "roles"],
        ["roles", "REVIEWER"],
        ["roles", "DECIDER"],
      ]),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("De rollen zijn bijgewerkt.");
    expect((await db.staffRole.findMany({ where: { userId: colleague.id } })).map((r) => r.role).sort()).toEqual(["DECIDER", "REVIEWER"]);
    expect((await session.get("/te-beoordelen")).status).toBe(200);

    const granted = await auditFor(colleague.id, "user.role-granted");
    expect(granted.map((e) => JSON.parse(e.after!).role).sort()).toEqual(["DECIDER", "REVIEWER"]);
    for (const event of granted) expect(event).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", entityType: "User" });

    await adminClient.post(`/beheer/gebruikers/${colleague.id}`, { intent: "roles", roles: "DECIDER" });
    expect((await db.staffRole.findMany({ where: { userId: colleague.id } })).map((r) => r.role)).toEqual(["DECIDER"]);
    const revoked = await auditFor(colleague.id, "user.role-revoked");
    expect(revoked.map((e) => JSON.parse(e.after!).role)).toEqual(["REVIEWER"]);
    expect(JSON.parse(revoked[0]!.before!)).toEqual({ roles: ["DECIDER", "REVIEWER"] });

    // Saving the same roles again changes and records nothing.
    const count = await db.auditEvent.count();
    await adminClient.post(`/beheer/gebruikers/${colleague.id}`, { intent: "roles", roles: "DECIDER" });
    expect(await db.auditEvent.count()).toBe(count);
  });

  it("refuses to remove the administrator's own ADMIN role", async () => {
    const count = await db.auditEvent.count();
    const response = await adminClient.post(`/beheer/gebruikers/${admin.id}`, { intent: "roles", roles: "REVIEWER" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(OWN_ADMIN_ROLE_MESSAGE);
    expect((await db.staffRole.findMany({ where: { userId: admin.id } })).map((r) => r.role)).toEqual(["ADMIN"]);
    expect(await db.auditEvent.count()).toBe(count);
  });

  it("lets another administrator remove an administrator's role", async () => {
    const other = await createUser(db, { staffRoles: ["ADMIN"] });
    const response = await adminClient.post(`/beheer/gebruikers/${other.id}`, { intent: "roles" });
    expect(response.status).toBe(200);
    expect(await db.staffRole.count({ where: { userId: other.id } })).toBe(0);
    expect(await auditFor(other.id, "user.role-revoked")).toHaveLength(1);
  });

  it("gives no staff role to a member of an applicant organisation", async () => {
    const official = await createUser(db, { memberOf: [antwerpen.id] });
    const response = await adminClient.post(`/beheer/gebruikers/${official.id}`, { intent: "roles", roles: "REVIEWER" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Deze gebruiker is lid van een aanvragende organisatie");
    expect(await db.staffRole.count({ where: { userId: official.id } })).toBe(0);
  });
});

describe("partner organisations", () => {
  it("refuses an invalid KBO number with the Dutch message and keeps the typed values", async () => {
    const response = await adminClient.post("/beheer/organisaties/nieuw", {
      name: "vzw Samen Sterk",
      kind: "VZW",
      kboNumber: "0123.456.789",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Geef een geldig ondernemingsnummer op (formaat 0123.456.749).");
    expect(html).toContain('value="vzw Samen Sterk"');
    expect(html).toContain('value="0123.456.789"');
    expect(await db.organisation.count({ where: { name: "vzw Samen Sterk" } })).toBe(0);
  });

  it("creates one with a valid number, audited, findable by number, and refuses the same number twice", async () => {
    const response = await adminClient.post("/beheer/organisaties/nieuw", {
      name: "vzw Samen Sterk",
      kind: "VZW",
      kboNumber: "BE 0412.345.614",
      province: "Limburg",
    });
    expect(response.status).toBe(302);
    const organisation = await db.organisation.findUniqueOrThrow({ where: { kboNumber: "0412345614" } });
    expect(organisation).toMatchObject({ name: "vzw Samen Sterk", kind: "VZW", province: "Limburg", nisCode: null });
    expect(response.headers.get("location")).toBe(`/beheer/organisaties/${organisation.id}`);
    expect(await (await adminClient.get(`/beheer/organisaties/${organisation.id}`)).text()).toContain(
      "De organisatie is toegevoegd. Nodig nu een eerste gebruiker uit.",
    );
    expect(await auditFor(organisation.id, "organisation.created")).toHaveLength(1);

    const found = await (await adminClient.get("/beheer/organisaties?q=0412.345.614")).text();
    expect(found).toContain("vzw Samen Sterk");
    expect(found).toContain("0412.345.614");
    expect(found).toContain("1 organisatie gevonden.");
    // Case does not matter for names; filters combine.
    expect(await (await adminClient.get("/beheer/organisaties?q=samen+sterk&soort=VZW&provincie=Limburg")).text()).toContain(
      "1 organisatie gevonden.",
    );
    expect(await (await adminClient.get("/beheer/organisaties?q=samen+sterk&provincie=Antwerpen")).text()).toContain(
      "0 organisaties gevonden.",
    );

    const twice = await adminClient.post("/beheer/organisaties/nieuw", { name: "vzw Dubbel", kind: "OTHER", kboNumber: "0412345614" });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("Er bestaat al een organisatie met dit ondernemingsnummer (vzw Samen Sterk).");
  });

  it("invites a first user by e-mail with a link that works", async () => {
    const organisation = await db.organisation.create({ data: { name: "vzw Uitnodiging", kind: "VZW", kboNumber: "0667241917" } });
    const response = await adminClient.post(`/beheer/organisaties/${organisation.id}`, {
      firstName: "Fatima",
      lastName: "Bakkali",
      email: "Fatima@Uitnodiging.example",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("De uitnodiging is verstuurd naar fatima@uitnodiging.example.");
    const [message] = await catcher.waitForMessages((m) => m.to.includes("fatima@uitnodiging.example"), { count: 1, timeoutMs: 10_000 });
    const link = /http:\/\/portaal\.test(\/uitnodiging\/[A-Za-z0-9_-]{20,})/.exec(message!.text);
    expect(link, message!.text).not.toBeNull();
    const page = await new HttpClient(server.url, PUBLIC_URL).get(link![1]!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("vzw Uitnodiging");
    const [event] = await auditFor(organisation.id, "organisation.invitation");
    expect(event).toMatchObject({ actorId: admin.id, actorRole: "ADMIN" });

    const detail = await (await adminClient.get(`/beheer/organisaties/${organisation.id}`)).text();
    expect(detail).toContain("Openstaande uitnodigingen");
    expect(detail).toContain("fatima@uitnodiging.example");
  });
});
