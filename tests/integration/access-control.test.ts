import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Real HTTP against the built server and a real SQLite file: who may see which page.
const db = createPrismaClient();
let server: RunningServer;
// The password form's own refusals and cookie: a portal without identity provider (0047).
let passwordServer: RunningServer;
let antwerpen: { id: string };
let gent: { id: string };
let official: { email: string; password: string };
let reviewer: { email: string; password: string };
let antwerpenApplication: { id: string };
let gentApplication: { id: string };

beforeAll(async () => {
  antwerpen = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002" });
  gent = await createOrganisation(db, { name: "Stad Gent", nisCode: "44021", province: "Oost-Vlaanderen" });
  official = await createUser(db, { email: "ambtenaar@antwerpen.example", memberOf: [antwerpen.id] });
  reviewer = await createUser(db, { email: "beoordelaar@agii.example", staffRoles: ["REVIEWER"] });
  const call = await createProgrammeAndCall(db, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2027-01-01T00:00:00Z"),
  });
  antwerpenApplication = await createApplication(db, { callId: call.id, organisationId: antwerpen.id });
  gentApplication = await createApplication(db, { callId: call.id, organisationId: gent.id, status: "SUBMITTED" });
  [server, passwordServer] = await Promise.all([startServer(), startServer({}, { login: "password" })]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), passwordServer?.stop()]);
  await db.$disconnect();
});

describe("dossier pages", () => {
  it("shows an official their own organisation's dossier", async () => {
    const client = new HttpClient(server.url);
    await client.login(official.email);
    const response = await client.get(`/dossiers/${antwerpenApplication.id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Stad Antwerpen");
  });

  it("answers 404, without data, for another municipality's dossier", async () => {
    const client = new HttpClient(server.url);
    await client.login(official.email);
    const page = await client.get(`/dossiers/${gentApplication.id}`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain("Dit dossier bestaat niet of u hebt er geen toegang toe.");
    expect(html).not.toContain("Stad Gent");
    // The data endpoint used by client-side navigation leaks nothing either.
    const data = await client.get(`/dossiers/${gentApplication.id}.data`);
    expect(await data.text()).not.toContain("Stad Gent");
  });

  it("answers the same 404 for a dossier that does not exist", async () => {
    const client = new HttpClient(server.url);
    await client.login(official.email);
    const response = await client.get("/dossiers/bestaat-niet");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Dit dossier bestaat niet of u hebt er geen toegang toe.");
  });

  it("lets AgII staff see every organisation's dossier", async () => {
    const client = new HttpClient(server.url);
    await client.login(reviewer.email);
    const response = await client.get(`/dossiers/${gentApplication.id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Stad Gent");
  });

  it("sends anonymous visitors to the login page and back", async () => {
    const response = await new HttpClient(server.url).get(`/dossiers/${antwerpenApplication.id}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/aanmelden?redirectTo=${encodeURIComponent(`/dossiers/${antwerpenApplication.id}`)}`);
  });
});

describe("role dashboards", () => {
  it("refuses the staff dashboards to an official with 403", async () => {
    const client = new HttpClient(server.url);
    await client.login(official.email);
    for (const path of ["/beheer", "/te-beoordelen"]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain("Geen toegang");
    }
  });

  it("refuses the admin dashboard to a reviewer", async () => {
    const client = new HttpClient(server.url);
    await client.login(reviewer.email);
    expect((await client.get("/beheer")).status).toBe(403);
    expect((await client.get("/te-beoordelen")).status).toBe(200);
  });

  it("does not let an official switch to an organisation they are not a member of", async () => {
    const client = new HttpClient(server.url);
    await client.login(official.email);
    const response = await client.post("/organisatie/wissel", { organisationId: gent.id });
    expect(response.status).toBe(403);
    const dashboard = await client.get("/mijn-dossiers");
    expect(await dashboard.text()).toContain("U werkt namens Stad Antwerpen.");
  });
});

describe("sessions and requests", () => {
  it("refuses a wrong password with a Dutch message and keeps the e-mail address", async () => {
    const client = new HttpClient(passwordServer.url);
    const response = await client.post("/aanmelden", { email: official.email, password: "fout-wachtwoord-123" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Het e-mailadres of het wachtwoord is niet juist.");
    expect(html).toContain(`value="${official.email}"`);
    expect(html).not.toContain("fout-wachtwoord-123");
  });

  it("refuses a deactivated account even with the right password", async () => {
    const former = await createUser(db, { memberOf: [antwerpen.id], deactivated: true });
    const response = await new HttpClient(passwordServer.url).post("/aanmelden", { email: former.email, password: former.password });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Dit account is gedeactiveerd.");
  });

  it("shows field errors from the server when the browser did not validate", async () => {
    const response = await new HttpClient(passwordServer.url).post("/aanmelden", { email: "geen-adres", password: "" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Geef een geldig e-mailadres op.");
    expect(html).toContain("Dit veld is verplicht.");
    expect(html).toContain('href="#veld-email"');
  });

  it("ends the session on the server at logout, so an old cookie no longer works", async () => {
    const client = new HttpClient(server.url);
    await client.login(official.email);
    const stolen = new HttpClient(server.url);
    Object.assign(stolen, { cookies: new Map((client as unknown as { cookies: Map<string, string> }).cookies) });
    expect((await stolen.get("/mijn-dossiers")).status).toBe(200);
    expect((await client.post("/afmelden", {})).status).toBe(302);
    expect((await stolen.get("/mijn-dossiers")).status).toBe(302);
  });

  it("sets a session cookie that scripts cannot read and other sites do not send", async () => {
    const response = await new HttpClient(passwordServer.url).post("/aanmelden", { email: official.email, password: official.password });
    const cookie = response.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/__session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a state change posted from another site", async () => {
    const client = new HttpClient(passwordServer.url);
    const response = await client.post(
      "/aanmelden",
      { email: official.email, password: official.password },
      { origin: "https://aanvaller.example" },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("werd geweigerd");
  });

  it("sends security headers with a script nonce", async () => {
    const response = await new HttpClient(server.url).get("/aanmelden");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9A-F]{8}$/);
  });

  it("shows a Dutch 404 page for an unknown address", async () => {
    const response = await new HttpClient(server.url).get("/bestaat/echt/niet");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Pagina niet gevonden");
  });
});
