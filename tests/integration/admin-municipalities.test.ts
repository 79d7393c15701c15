import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// "Gemeenten bijwerken" through the real server: it reads seeds/flemish-municipalities-2025.csv.
const db = createPrismaClient();
let server: RunningServer;
let client: HttpClient;

beforeAll(async () => {
  // A partly outdated portal: one municipality under an old name, one in the wrong province,
  // one merged predecessor that is not in the list (it must be left alone).
  const pajottegem = await db.organisation.create({
    data: { name: "Pajottegem (voorlopig)", kind: "GEMEENTE", nisCode: "23106", province: "Vlaams-Brabant" },
  });
  await db.organisation.create({ data: { name: "Gent", kind: "GEMEENTE", nisCode: "44021", province: "Antwerpen" } });
  await db.organisation.create({
    data: {
      name: "Herne",
      kind: "GEMEENTE",
      nisCode: "23032",
      province: "Vlaams-Brabant",
      successorId: pajottegem.id,
      mergedAt: new Date("2024-12-31T23:00:00Z"),
    },
  });
  const admin = await createUser(db, { staffRoles: ["ADMIN"] });
  server = await startServer();
  client = new HttpClient(server.url);
  await client.login(admin.email);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const organisations = () => db.organisation.findMany({ orderBy: { id: "asc" } });

describe("refreshing the municipalities", () => {
  it("adds the missing ones, corrects the changed ones and says which", async () => {
    const response = await client.post("/beheer/gemeenten", {});
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/<span class="figure">283<\/span> toegevoegd/);
    expect(html).toMatch(/<span class="figure">2<\/span> bijgewerkt/);
    expect(html).toMatch(/<span class="figure">0<\/span> ongewijzigd/);
    expect(html).toContain("Pajottegem (23106): naam &quot;Pajottegem (voorlopig)&quot; → &quot;Pajottegem&quot;");
    expect(html).toContain("Gent (44021): provincie &quot;Antwerpen&quot; → &quot;Oost-Vlaanderen&quot;");
    expect(html).toContain("Aartselaar (11001)");

    expect(await db.organisation.count({ where: { kind: "GEMEENTE", successorId: null } })).toBe(285);
    const herne = await db.organisation.findUniqueOrThrow({ where: { nisCode: "23032" } });
    expect(herne.successorId).not.toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { action: "municipalities.refreshed" } });
    expect(event).toMatchObject({ actorRole: "ADMIN", entityType: "ReferenceData" });
    expect(JSON.parse(event!.after!)).toMatchObject({ created: expect.any(Array), updated: ["23106", "44021"] });
  });

  it("changes nothing when run a second time", async () => {
    const before = await organisations();
    const response = await client.post("/beheer/gemeenten", {});
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/<span class="figure">0<\/span> toegevoegd/);
    expect(html).toMatch(/<span class="figure">0<\/span> bijgewerkt/);
    expect(html).toMatch(/<span class="figure">285<\/span> ongewijzigd/);
    expect(html).toContain("Alle gemeenten waren al up-to-date.");
    // Row for row the same, down to updatedAt.
    expect(await organisations()).toEqual(before);
  });
});
