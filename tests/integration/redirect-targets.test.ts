import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createOrganisation, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { OPEN_REDIRECT_PAYLOADS, SAME_SITE_PATHS } from "../support/open-redirects";
import { startServer, type RunningServer } from "../support/server";

// The login form's redirectTo and the organisation switcher's returnTo, through real HTTP
// against the built server: whatever is posted, Location is a path on this site.
const db = createPrismaClient();
let server: RunningServer;
/** The password form's redirectTo: a portal without identity provider (0047). */
let passwordServer: RunningServer;
let official: Awaited<ReturnType<typeof createUser>>;
let leuven: { id: string };

beforeAll(async () => {
  leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const ocmw = await createOrganisation(db, { name: "OCMW Leuven", kind: "OCMW", kboNumber: "0212239958", province: "Vlaams-Brabant" });
  official = await createUser(db, { email: "sara@leuven.example", memberOf: [leuven.id, ocmw.id] });
  [server, passwordServer] = await Promise.all([startServer(), startServer({}, { login: "password" })]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), passwordServer?.stop()]);
  await db.$disconnect();
});

/** A same-origin path: resolves to the server's own origin, starts with one "/", printable ASCII only. */
function expectSameSitePath(location: string | null, payload: string) {
  expect(location, JSON.stringify(payload)).not.toBeNull();
  expect(location, JSON.stringify(payload)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(new URL(location!, server.url).origin, JSON.stringify(payload)).toBe(new URL(server.url).origin);
}

describe("POST /aanmelden with redirectTo", () => {
  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 60), payload]))(
    "logs in and goes home for %s",
    async (_name, payload) => {
      const response = await new HttpClient(passwordServer.url).post("/aanmelden", {
        email: official.email,
        password: official.password,
        redirectTo: payload,
      });
      expect(response.status, JSON.stringify(payload)).toBe(302);
      expectSameSitePath(response.headers.get("location"), payload);
      expect(response.headers.get("location")).toBe("/");
    },
  );

  it.each(SAME_SITE_PATHS)("logs in and goes to %s", async (path) => {
    const response = await new HttpClient(passwordServer.url).post("/aanmelden", {
      email: official.email,
      password: official.password,
      redirectTo: path,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(path);
  });

  it("ignores a repeated redirectTo instead of failing the login", async () => {
    const fields = new URLSearchParams({ email: official.email, password: official.password });
    fields.append("redirectTo", "/mijn-dossiers");
    fields.append("redirectTo", "//evil.test");
    const response = await new HttpClient(passwordServer.url).post("/aanmelden", fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("the way back from the identity provider with redirectTo", () => {
  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 60), payload]))(
    "logs in and goes home for %s",
    async (_name, payload) => {
      const response = await new HttpClient(server.url).login(official.email, { redirectTo: payload });
      expectSameSitePath(response.headers.get("location"), payload);
      expect(response.headers.get("location")).toBe("/");
    },
  );

  it.each(SAME_SITE_PATHS)("logs in and goes to %s", async (path) => {
    const response = await new HttpClient(server.url).login(official.email, { redirectTo: path });
    expect(response.headers.get("location")).toBe(path);
  });
});

describe("POST /organisatie/wissel with returnTo", () => {
  let client: HttpClient;
  beforeAll(async () => {
    client = new HttpClient(server.url);
    await client.login(official.email);
  });

  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 60), payload]))(
    "switches and goes to the dossier list for %s",
    async (_name, payload) => {
      const response = await client.post("/organisatie/wissel", { organisationId: leuven.id, returnTo: payload });
      expect(response.status, JSON.stringify(payload)).toBe(302);
      expectSameSitePath(response.headers.get("location"), payload);
      expect(response.headers.get("location")).toBe("/mijn-dossiers");
    },
  );

  it("goes back to the page it came from", async () => {
    const response = await client.post("/organisatie/wissel", { organisationId: leuven.id, returnTo: "/organisatie" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/organisatie");
  });
});
