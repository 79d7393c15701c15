import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { brusselsDate, addDays } from "~/utils/time";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// A municipal merger through the admin page, against the real server and a real SQLite file.
const db = createPrismaClient();
let server: RunningServer;
let admin: HttpClient;
const org: Record<string, { id: string }> = {};
const calls: Array<{ id: string; title: string }> = [];
const members: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
const dossiers: Record<string, { id: string; version: number }> = {};

const PAJOTTEGEM_MERGER = {
  intent: "confirm",
  predecessorNisCodes: "23023, 23024, 23032",
  successorMode: "existing",
  successorNisCode: "23106",
  mergedOn: "2025-01-01",
};

beforeAll(async () => {
  for (const [name, nisCode] of [
    ["Galmaarden", "23023"],
    ["Gooik", "23024"],
    ["Herne", "23032"],
    ["Pajottegem", "23106"],
    ["Botsgem", "99003"],
    ["Oudegem", "99001"],
    ["Oudeveld", "99002"],
  ] as const) {
    org[name] = await createOrganisation(db, { name, nisCode, province: "Vlaams-Brabant" });
  }
  for (let i = 0; i < 4; i++) {
    calls.push(await createProgrammeAndCall(db, { opensAt: new Date("2025-06-01T00:00:00Z"), closesAt: new Date("2027-06-01T00:00:00Z") }));
  }
  const [call1, call2, call3, call4] = calls as [(typeof calls)[0], (typeof calls)[0], (typeof calls)[0], (typeof calls)[0]];
  dossiers.galmaarden = await createApplication(db, { callId: call1.id, organisationId: org.Galmaarden!.id, status: "SUBMITTED" });
  dossiers.gooik = await createApplication(db, { callId: call2.id, organisationId: org.Gooik!.id });
  dossiers.herne = await createApplication(db, { callId: call3.id, organisationId: org.Herne!.id, status: "APPROVED" });
  dossiers.pajottegem = await createApplication(db, { callId: call4.id, organisationId: org.Pajottegem!.id });
  // Botsgem collides with Galmaarden (call 1) and with Pajottegem (call 4).
  dossiers.botsgem1 = await createApplication(db, { callId: call1.id, organisationId: org.Botsgem!.id });
  dossiers.botsgem4 = await createApplication(db, { callId: call4.id, organisationId: org.Botsgem!.id });
  await db.deadlineExtension.create({
    data: {
      callId: call2.id,
      organisationId: org.Gooik!.id,
      closesAt: new Date("2027-07-01T00:00:00Z"),
      reason: "Overmacht",
      grantedById: "x",
    },
  });

  members.galmaarden = await createUser(db, { email: "an@galmaarden.example", memberOf: [org.Galmaarden!.id] });
  members.both = await createUser(db, { email: "bert@gooik.example", memberOf: [org.Gooik!.id, org.Pajottegem!.id] });
  members.twoPredecessors = await createUser(db, { email: "chris@herne.example", memberOf: [org.Herne!.id, org.Galmaarden!.id] });
  // Some history before the merger: it must survive untouched.
  await db.auditEvent.create({
    data: {
      actorRole: "APPLICANT",
      action: "application.status",
      entityType: "Application",
      entityId: dossiers.galmaarden.id,
      applicationId: dossiers.galmaarden.id,
      organisationId: org.Galmaarden!.id,
      after: '{"status":"SUBMITTED"}',
    },
  });

  const adminUser = await createUser(db, { staffRoles: ["ADMIN"] });
  server = await startServer();
  admin = new HttpClient(server.url);
  await admin.login(adminUser.email);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function snapshot() {
  return {
    organisations: await db.organisation.findMany({ orderBy: { id: "asc" } }),
    applications: await db.application.findMany({ orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
    extensions: await db.deadlineExtension.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  };
}

const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "").replace(/&quot;/g, '"');

describe("refusals that change nothing", () => {
  it("refuses a merger that would give one organisation two dossiers in a call, listing the calls", async () => {
    const before = await snapshot();
    const response = await admin.post("/beheer/fusies", { ...PAJOTTEGEM_MERGER, predecessorNisCodes: "23023, 99003" });
    expect(response.status).toBe(400);
    const html = await text(response);
    const [call1, , , call4] = calls;
    // Calls in alphabetical order of their titles.
    const conflicts = [`${call1!.title} (Botsgem, Galmaarden)`, `${call4!.title} (Botsgem, Pajottegem)`].sort((a, b) =>
      a.localeCompare(b, "nl"),
    );
    expect(html).toContain(
      `De fusie is niet uitgevoerd: per oproep kan een organisatie maar één dossier hebben, en in deze oproepen heeft meer dan één fusiepartner een dossier: ${conflicts.join("; ")}. Er is niets gewijzigd.`,
    );
    expect(html).toContain('value="23023, 99003"');
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a merger date in the future", async () => {
    const tomorrow = brusselsDate(addDays(new Date(), 1));
    const response = await admin.post("/beheer/fusies", { ...PAJOTTEGEM_MERGER, mergedOn: tomorrow });
    expect(response.status).toBe(400);
    expect(await text(response)).toContain("De fusiedatum mag niet in de toekomst liggen.");
  });

  it("shows a preview of what will happen without doing it", async () => {
    const before = await snapshot();
    const response = await admin.post("/beheer/fusies", { ...PAJOTTEGEM_MERGER, intent: "preview" });
    expect(response.status).toBe(200);
    const html = await text(response);
    expect(html).toContain("Controleer de fusie");
    expect(html).toContain("Galmaarden (23023), Gooik (23024), Herne (23032)");
    expect(html).toMatch(/Dossiers die overgaan<\/dt><dd>3</);
    expect(html).toMatch(/Nieuwe leden<\/dt><dd>2</);
    expect(await snapshot()).toEqual(before);
  });
});

describe("Galmaarden + Gooik + Herne -> Pajottegem", () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  let after: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    before = await snapshot();
    const response = await admin.post("/beheer/fusies", PAJOTTEGEM_MERGER);
    expect(response.status).toBe(200);
    expect(await text(response)).toContain("De fusie is uitgevoerd. 3 dossiers gingen over naar");
    after = await snapshot();
  });

  it("moves every predecessor dossier exactly once, copies none, and leaves no dossier with two owners", () => {
    expect(after.applications).toHaveLength(before.applications.length);
    expect(after.applications.map((a) => a.id).sort()).toEqual(before.applications.map((a) => a.id).sort());
    const predecessorIds = [org.Galmaarden!.id, org.Gooik!.id, org.Herne!.id];
    expect(after.applications.filter((a) => predecessorIds.includes(a.organisationId))).toEqual([]);
    for (const [key, from] of [
      ["galmaarden", "Galmaarden"],
      ["gooik", "Gooik"],
      ["herne", "Herne"],
    ] as const) {
      const moved = after.applications.find((a) => a.id === dossiers[key]!.id)!;
      const old = before.applications.find((a) => a.id === dossiers[key]!.id)!;
      expect(moved).toMatchObject({ organisationId: org.Pajottegem!.id, transferredFromId: org[from]!.id, version: old.version + 1 });
      expect({
        ...moved,
        organisationId: old.organisationId,
        transferredFromId: null,
        transferredAt: null,
        version: old.version,
        updatedAt: old.updatedAt,
      }).toEqual(old);
      const events = after.audit.filter((e) => e.action === "application.transferred" && e.applicationId === moved.id);
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0]!.before!)).toEqual({ organisationId: org[from]!.id, organisationName: from });
      expect(JSON.parse(events[0]!.after!)).toEqual({ organisationId: org.Pajottegem!.id, organisationName: "Pajottegem" });
    }
    const owners = new Set(after.applications.map((a) => `${a.callId}|${a.organisationId}`));
    expect(owners.size).toBe(after.applications.length);
    // Untouched: the successor's own dossier and the other municipalities'.
    for (const key of ["pajottegem", "botsgem1", "botsgem4"]) {
      expect(after.applications.find((a) => a.id === dossiers[key]!.id)).toEqual(
        before.applications.find((a) => a.id === dossiers[key]!.id),
      );
    }
  });

  it("makes the predecessors read-only successors of Pajottegem as of 1 January 2025, Brussels time", () => {
    for (const name of ["Galmaarden", "Gooik", "Herne"]) {
      const predecessor = after.organisations.find((o) => o.id === org[name]!.id)!;
      expect(predecessor.successorId).toBe(org.Pajottegem!.id);
      expect(predecessor.mergedAt?.toISOString()).toBe("2024-12-31T23:00:00.000Z");
    }
    expect(after.organisations.find((o) => o.id === org.Pajottegem!.id)!.successorId).toBeNull();
  });

  it("makes every member of a predecessor a member of Pajottegem once, keeping the old memberships", () => {
    const of = (userId: string) =>
      after.memberships
        .filter((m) => m.userId === userId)
        .map((m) => m.organisationId)
        .sort();
    expect(of(members.galmaarden!.id)).toEqual([org.Galmaarden!.id, org.Pajottegem!.id].sort());
    expect(of(members.both!.id)).toEqual([org.Gooik!.id, org.Pajottegem!.id].sort());
    expect(of(members.twoPredecessors!.id)).toEqual([org.Galmaarden!.id, org.Herne!.id, org.Pajottegem!.id].sort());
    expect(after.memberships).toHaveLength(before.memberships.length + 2);
  });

  it("moves Gooik's deadline extension with its dossier", () => {
    expect(after.extensions).toHaveLength(1);
    expect(after.extensions[0]!.organisationId).toBe(org.Pajottegem!.id);
  });

  it("only appends to the audit trail", () => {
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    const actions = after.audit
      .slice(before.audit.length)
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual([
      "application.transferred",
      "application.transferred",
      "application.transferred",
      "organisation.merged",
      "organisation.merged",
      "organisation.merged",
      "organisation.merger",
    ]);
  });

  it("cannot merge a predecessor a second time", async () => {
    const again = await snapshot();
    for (const input of [PAJOTTEGEM_MERGER, { ...PAJOTTEGEM_MERGER, predecessorNisCodes: "23024", successorNisCode: "99001" }]) {
      const response = await admin.post("/beheer/fusies", input);
      expect(response.status).toBe(400);
      expect(await text(response)).toContain("Gooik is al opgegaan in Pajottegem en kan geen tweede keer fuseren.");
    }
    expect(await snapshot()).toEqual(again);
  });

  it("keeps a predecessor's member from acting for it, while the moved dossier stays in reach", async () => {
    const member = new HttpClient(server.url);
    await member.login(members.galmaarden!.email);
    expect((await member.post("/organisatie/wissel", { organisationId: org.Galmaarden!.id, returnTo: "/organisatie" })).status).toBe(302);
    const page = await text(await member.get("/organisatie"));
    expect(page).toContain("Deze organisatie is opgegaan in Pajottegem.");
    const invite = await member.post("/organisatie", { firstName: "X", lastName: "Y", email: "x@galmaarden.example" });
    expect(invite.status).toBe(403);
    expect(await invite.text()).toContain("U kunt voor deze organisatie niemand uitnodigen.");
    expect((await member.get(`/dossiers/${dossiers.galmaarden!.id}`)).status).toBe(200);
    // No new dossier in the predecessor's name, with the message that names the successor.
    const count = await db.application.count();
    const start = await member.post(`/oproepen/${calls[1]!.id}`, {});
    expect(start.status).toBe(403);
    expect(await text(start)).toContain("Deze organisatie is opgegaan in Pajottegem. Dien de aanvraag in namens Pajottegem.");
    expect(await db.application.count()).toBe(count);
  });

  it("shows the merger on the admin pages", async () => {
    const list = await text(await admin.get("/beheer/fusies"));
    expect(list).toMatch(/Pajottegem<\/a><\/td><td>Galmaarden, Gooik, Herne<\/td><td>1 januari 2025/);
    const page = await text(await admin.get(`/beheer/organisaties/${org.Pajottegem!.id}`));
    expect(page).toContain("Ontstaan uit");
    expect(page).toMatch(/<td>Galmaarden<\/td>/);
    const predecessor = await text(await admin.get(`/beheer/organisaties/${org.Herne!.id}`));
    expect(predecessor).toContain("Deze organisatie is opgegaan in");
    expect(predecessor).not.toContain("Iemand uitnodigen");
  });
});

describe("a merger into a new municipality", () => {
  it("creates the successor with its NIS code and province, audited", async () => {
    const response = await admin.post("/beheer/fusies", {
      intent: "confirm",
      predecessorNisCodes: "99001,99002",
      successorMode: "new",
      successorNisCode: "99100",
      successorName: "Nieuwegem",
      successorProvince: "Limburg",
      mergedOn: "2025-01-01",
    });
    expect(response.status).toBe(200);
    const successor = await db.organisation.findUniqueOrThrow({ where: { nisCode: "99100" }, include: { predecessors: true } });
    expect(successor).toMatchObject({ name: "Nieuwegem", kind: "GEMEENTE", province: "Limburg", successorId: null });
    expect(successor.predecessors.map((p) => p.name).sort()).toEqual(["Oudegem", "Oudeveld"]);
    expect(await db.auditEvent.count({ where: { entityId: successor.id, action: "organisation.created" } })).toBe(1);
  });
});
