import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import type { StaffRole } from "~/domain/roles";
import { createOrganisation, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Every administrators' page and action, asked by everyone who is not an administrator.
const db = createPrismaClient();
let server: RunningServer;
let pages: string[];
let actions: Array<[string, Record<string, string>]>;
const people: Record<string, { email: string; password: string }> = {};
let admin: { email: string; password: string };

beforeAll(async () => {
  const antwerpen = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002" });
  const borsbeek = await createOrganisation(db, { name: "Borsbeek", nisCode: "11007" });
  people.official = await createUser(db, { memberOf: [antwerpen.id] });
  for (const role of ["REVIEWER", "DECIDER"] as StaffRole[]) people[role] = await createUser(db, { staffRoles: [role] });
  admin = await createUser(db, { staffRoles: ["ADMIN"] });
  const target = await createUser(db, { memberOf: [antwerpen.id] });
  pages = [
    "/beheer",
    "/beheer/organisaties",
    "/beheer/organisaties?q=Antwerpen",
    "/beheer/organisaties/nieuw",
    `/beheer/organisaties/${antwerpen.id}`,
    "/beheer/gebruikers",
    `/beheer/gebruikers/${target.id}`,
    "/beheer/fusies",
    "/beheer/gemeenten",
  ];
  actions = [
    ["/beheer/organisaties/nieuw", { name: "vzw Indringer", kind: "VZW", kboNumber: "0123.456.749" }],
    [`/beheer/organisaties/${antwerpen.id}`, { firstName: "Eve", lastName: "Indringer", email: "eve@indringer.example" }],
    [`/beheer/gebruikers/${target.id}`, { intent: "roles", roles: "ADMIN" }],
    [`/beheer/gebruikers/${target.id}`, { intent: "deactivate", reason: "Geen reden" }],
    [
      "/beheer/fusies",
      { intent: "confirm", predecessorNisCodes: "11007", successorMode: "existing", successorNisCode: "11002", mergedOn: "2025-01-01" },
    ],
    ["/beheer/gemeenten", {}],
  ];
  void borsbeek;
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function snapshot() {
  return {
    organisations: await db.organisation.findMany({ orderBy: { id: "asc" } }),
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    staffRoles: await db.staffRole.findMany({ orderBy: [{ userId: "asc" }, { role: "asc" }] }),
    verifications: await db.verification.count(),
    audit: await db.auditEvent.count(),
  };
}

describe("administrators' pages", () => {
  for (const who of ["official", "REVIEWER", "DECIDER"]) {
    it(`answers 403 to ${who} on every page, also on the data requests`, async () => {
      const client = new HttpClient(server.url);
      await client.login(people[who]!.email);
      for (const path of pages) {
        const response = await client.get(path);
        expect(response.status, path).toBe(403);
        expect(await response.text(), path).toContain("Geen toegang");
        const [pathname, query] = path.split("?");
        const dataPath = `${pathname}.data${query ? `?${query}` : ""}`;
        expect((await client.get(dataPath)).status, dataPath).toBe(403);
      }
    });

    it(`refuses every action to ${who} with 403 and changes nothing`, async () => {
      const client = new HttpClient(server.url);
      await client.login(people[who]!.email);
      const before = await snapshot();
      for (const [path, fields] of actions) {
        const response = await client.post(path, fields);
        expect(response.status, path).toBe(403);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it("sends anonymous visitors to the login page, for pages and actions", async () => {
    const client = new HttpClient(server.url);
    for (const path of pages) {
      const response = await client.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/aanmelden\?redirectTo=/);
    }
    const before = await snapshot();
    for (const [path, fields] of actions) expect((await client.post(path, fields)).status, path).toBe(302);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for an organisation or user that does not exist, to an administrator", async () => {
    const client = new HttpClient(server.url);
    await client.login(admin.email);
    for (const path of ["/beheer/organisaties/bestaat-niet", "/beheer/gebruikers/bestaat-niet"]) {
      expect((await client.get(path)).status, path).toBe(404);
    }
  });

  it("shows every page to an administrator, linked from the dashboard", async () => {
    const client = new HttpClient(server.url);
    await client.login(admin.email);
    for (const path of pages) expect((await client.get(path)).status, path).toBe(200);
    const dashboard = await (await client.get("/beheer")).text();
    for (const link of ["/beheer/organisaties", "/beheer/gebruikers", "/beheer/fusies", "/beheer/gemeenten"]) {
      expect(dashboard).toContain(`href="${link}"`);
    }
  });
});
