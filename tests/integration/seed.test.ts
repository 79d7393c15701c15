import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentCounts } from "~/applications/dossier.server";
import { submissionContentHash } from "~/applications/receipt.server";
import { receiptPage } from "~/applications/wizard.server";
import { bytesSource, detectFileFormat } from "~/attachments/detect";
import { FILE_FORMATS } from "~/attachments/file-types";
import { storedPath, uploadDir } from "~/attachments/storage.server";
import { verifyPassword } from "~/auth/password.server";
import { createPrismaClient } from "~/db.server";
import { FINAL_STATUSES, checkTransition, type ApplicationStatus } from "~/domain/application-status";
import { isValidKboNumber } from "~/domain/organisation";
import type { ActorRole } from "~/domain/roles";
import { NOT_ANSWERED } from "~/forms/display";
import { allFields, getForm } from "~/forms/registry";
import { validateForm } from "~/forms/validation";
import { callGrantPhases, finalReport, reportPhases, reportWindow } from "~/grants/phases";
import { parseJsonObject } from "~/utils/json";
import { addDays, brusselsDate, endOfDay, startOfDay } from "~/utils/time";
import { demoRoundCalls } from "../../seeds/calls";
import { DEMO_USERS } from "../../seeds/demo-users";
import { loadMunicipalities } from "../../seeds/municipalities";
import { sampleDossiers, seedSampleDossiers, validateSampleDossier, type SampleDossier } from "../../seeds/applications";
import { loadSampleFiles } from "../../seeds/sample-files";
import { seed, seedReferenceData } from "../../seeds/seed";
import { DECISION_LETTER_FIELD } from "~/review/letter.server";
import { HttpClient } from "../support/http-client";
import { flowed, inspectPdf } from "../support/pdf-tools";
import { startServer } from "../support/server";
import type { ProgrammeCode } from "../../seeds/programmes";
import type { SeedReport } from "../../seeds/sync";

// A fixed seed time far from the real clock, so the test proves that `now` is honoured. The
// demo windows around it cross the change to summer time (28 March 2027).
const NOW = new Date("2027-03-20T11:00:00.000Z");
const prisma = createPrismaClient();

afterAll(async () => {
  await prisma.$disconnect();
});

/** Every row of every table the seed writes, in a stable order. */
async function snapshot() {
  return {
    organisations: await prisma.organisation.findMany({ orderBy: { id: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" } }),
    passwords: await prisma.password.findMany({ orderBy: { userId: "asc" } }),
    memberships: await prisma.membership.findMany({ orderBy: { id: "asc" } }),
    staffRoles: await prisma.staffRole.findMany({ orderBy: [{ userId: "asc" }, { role: "asc" }] }),
    programmes: await prisma.programme.findMany({ orderBy: { id: "asc" } }),
    calls: await prisma.call.findMany({ orderBy: { id: "asc" } }),
    eligibleKinds: await prisma.callEligibleKind.findMany({ orderBy: [{ callId: "asc" }, { organisationKind: "asc" }] }),
    applications: await prisma.application.findMany({ orderBy: { id: "asc" } }),
    attachments: await prisma.attachment.findMany({ orderBy: { id: "asc" } }),
    auditEvents: await prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
    uploadedFiles: await uploadedFiles(),
  };
}

/** The names of the files in UPLOAD_DIR (none before the first upload). */
async function uploadedFiles(): Promise<string[]> {
  try {
    return (await readdir(uploadDir())).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

function counts(snap: Awaited<ReturnType<typeof snapshot>>): Record<string, number> {
  return Object.fromEntries(Object.entries(snap).map(([table, rows]) => [table, rows.length]));
}

function onlyUnchanged(report: SeedReport): void {
  for (const [section, t] of Object.entries(report)) {
    expect({ section, created: t.created, updated: t.updated }).toEqual({ section, created: 0, updated: 0 });
  }
}

describe("reference data (safe for production)", () => {
  beforeAll(async () => {
    await seedReferenceData(prisma);
  });

  it("creates the 285 municipalities as GEMEENTE with NIS code, name and province from the CSV", async () => {
    const gemeenten = await prisma.organisation.findMany({ where: { kind: "GEMEENTE" } });
    expect(gemeenten).toHaveLength(285);
    const csv = new Map(loadMunicipalities().map((m) => [m.nisCode, m]));
    for (const gemeente of gemeenten) {
      const row = csv.get(gemeente.nisCode ?? "");
      expect(row, gemeente.name).toBeDefined();
      expect(gemeente.name).toBe(row!.name);
      expect(gemeente.province).toBe(row!.province);
    }
    const byCode = (nisCode: string) => gemeenten.find((g) => g.nisCode === nisCode)?.name;
    expect([byCode("11002"), byCode("44021"), byCode("24062"), byCode("31005")]).toEqual(["Antwerpen", "Gent", "Leuven", "Brugge"]);
  });

  it("has the right number of municipalities per province", async () => {
    const groups = await prisma.organisation.groupBy({ by: ["province"], where: { kind: "GEMEENTE" }, _count: true });
    const perProvince = Object.fromEntries(groups.map((g) => [g.province, g._count]));
    expect(perProvince).toEqual({
      Antwerpen: 67,
      Limburg: 38,
      "Oost-Vlaanderen": 55,
      "Vlaams-Brabant": 63,
      "West-Vlaanderen": 62,
    });
  });

  it("adds the VGC for Brussels", async () => {
    const vgc = await prisma.organisation.findMany({ where: { kind: "VGC" } });
    expect(vgc).toHaveLength(1);
    expect(vgc[0]).toMatchObject({ name: "Vlaamse Gemeenschapscommissie", nisCode: "21000", province: "Brussel", kboNumber: null });
  });

  it("holds the real programmes and 2025-2026 calls but no demo content", async () => {
    expect(await prisma.organisation.count()).toBe(286);
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.programme.count()).toBe(4);
    expect(await prisma.call.count({ where: { isDemo: false } })).toBe(4);
    // The fourth programme's form is data, not code.
    expect(await prisma.formVersion.findMany({ select: { key: true, version: true } })).toEqual([{ key: "sociale-cohesie", version: 1 }]);
    expect(await prisma.call.count({ where: { isDemo: true } })).toBe(0);
    expect(await prisma.application.count()).toBe(0);
    expect(await prisma.attachment.count()).toBe(0);
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    onlyUnchanged(await seedReferenceData(prisma));
    expect(await snapshot()).toEqual(before);
  });
});

describe("demo data", () => {
  let firstRunMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    await seed(prisma, { demo: true, now: NOW });
    firstRunMs = performance.now() - started;
  });

  it("seeds in well under the test timeout", () => {
    expect(firstRunMs).toBeLessThan(15_000);
  });

  it("stores the RAD 2026 deadlines as Brussels end of day (winter and summer time)", async () => {
    const call = await prisma.call.findFirstOrThrow({ where: { programme: { code: "RAD" }, year: 2026, isDemo: false } });
    expect(call.opensAt.toISOString()).toBe("2025-09-30T22:00:00.000Z");
    expect(call.closesAt.toISOString()).toBe("2026-01-15T22:59:59.999Z");
    expect(call.decisionDueAt?.toISOString()).toBe("2026-04-30T21:59:59.999Z");
    expect(call.budgetCents).toBe(300_000_000);
    expect(JSON.parse(call.settings)).toMatchObject({ amountPerPlanCents: 2_500_000 });
    expect(call).toMatchObject({ formKey: "regierol", formVersion: 1 });
  });

  it("has the historic OEF and ERK rounds with their real dates", async () => {
    const oef = await prisma.call.findFirstOrThrow({ where: { programme: { code: "OEF" }, isDemo: false } });
    expect([oef.opensAt, oef.closesAt, oef.decisionDueAt].map((d) => d?.toISOString())).toEqual([
      "2025-11-02T23:00:00.000Z",
      "2025-12-19T22:59:59.999Z",
      "2026-01-30T22:59:59.999Z",
    ]);
    expect(oef.budgetCents).toBe(250_000_000);
    const erk = await prisma.call.findFirstOrThrow({ where: { programme: { code: "ERK" }, isDemo: false } });
    expect([erk.opensAt, erk.closesAt, erk.decisionDueAt].map((d) => d?.toISOString())).toEqual([
      "2025-09-14T22:00:00.000Z",
      "2025-10-31T22:59:59.999Z",
      "2025-12-15T22:59:59.999Z",
    ]);
    expect(erk.budgetCents).toBeNull();
    const kinds = await prisma.callEligibleKind.findMany({ where: { callId: erk.id } });
    expect(kinds.map((k) => k.organisationKind).sort()).toEqual(["OTHER", "VZW"]);
  });

  it("has the four programmes", async () => {
    const programmes = await prisma.programme.findMany({ orderBy: { code: "asc" } });
    expect(programmes.map((p) => [p.code, p.kind])).toEqual([
      ["ERK", "RECOGNITION"],
      ["OEF", "FUNDING"],
      ["RAD", "FUNDING"],
      ["SOC", "FUNDING"],
    ]);
    for (const programme of programmes) expect(programme.legalBasis.length).toBeGreaterThan(20);
  });

  it("opens one demo round per programme at the seed time, with the historic conditions", async () => {
    const demoCalls = await prisma.call.findMany({ where: { isDemo: true }, include: { programme: true, eligibleKinds: true } });
    expect(demoCalls.map((c) => c.programme.code).sort()).toEqual(["ERK", "OEF", "RAD", "SOC"]);
    const closesAfter = { OEF: 45, RAD: 60, ERK: 50, SOC: 40 } as Record<string, number>;
    for (const call of demoCalls) {
      const code = call.programme.code;
      expect(call.title.endsWith(" (demo)")).toBe(true);
      expect(call.opensAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(call.closesAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(call.opensAt).toEqual(startOfDay(brusselsDate(addDays(NOW, -21))));
      expect(call.closesAt).toEqual(endOfDay(brusselsDate(addDays(NOW, closesAfter[code]!))));
      expect(call.decisionDueAt).toEqual(endOfDay(brusselsDate(addDays(call.closesAt, 100))));
      // The year of the call: a round closing in May 2027 numbers its dossiers OEF-2027-….
      expect(call.year).toBe(Number(brusselsDate(call.closesAt).slice(0, 4)));

      const historic = await prisma.call.findFirstOrThrow({
        where: { programmeId: call.programmeId, isDemo: false },
        include: { eligibleKinds: true },
      });
      expect(call.budgetCents).toBe(historic.budgetCents);
      expect([call.formKey, call.formVersion]).toEqual([historic.formKey, historic.formVersion]);
      expect(call.eligibleKinds.map((k) => k.organisationKind).sort()).toEqual(
        historic.eligibleKinds.map((k) => k.organisationKind).sort(),
      );
      // The same conditions; the years funded (recognition start, project period, the phases after
      // the decision) move with the round's year.
      const { phases, ...settings } = parseJsonObject(call.settings);
      const { phases: historicPhases, ...historicSettings } = parseJsonObject(historic.settings);
      const years = call.year - historic.year;
      const shift = (date: string) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
      const expectedSettings =
        code === "ERK"
          ? { recognitionStartsOn: `${call.year + 1}-01-01` }
          : code === "SOC"
            ? { ...historicSettings, projectPeriod: { startsOn: shift("2026-06-15"), endsOn: shift("2029-06-14") } }
            : historicSettings;
      expect(settings).toEqual(expectedSettings);
      const reports = reportPhases(callGrantPhases({ phases }));
      expect(reports.length).toBe(reportPhases(callGrantPhases({ phases: historicPhases })).length);
      for (const report of reports) expect(Date.parse(report.opensAt)).toBeGreaterThan(call.closesAt.getTime());
    }
    // Seeded on 2 December 2026, the rounds close in January 2027: their year is 2027, not 2028.
    const december = demoRoundCalls(new Date("2026-12-02T12:00:00Z"));
    expect(december.map((c) => [c.programmeCode, brusselsDate(c.closesAt), c.year])).toEqual([
      ["RAD", "2027-01-31", 2027],
      ["OEF", "2027-01-16", 2027],
      ["ERK", "2027-01-21", 2027],
      ["SOC", "2027-01-11", 2027],
    ]);
    expect(december.find((c) => c.programmeCode === "ERK")?.settings).toMatchObject({ recognitionStartsOn: "2028-01-01" });
    // 20 March 2027 is winter time; the OEF round closes on 4 May 2027, in summer time.
    const oef = demoCalls.find((c) => c.programme.code === "OEF")!;
    expect(oef.opensAt.toISOString()).toBe("2027-02-26T23:00:00.000Z");
    expect(oef.closesAt.toISOString()).toBe("2027-05-04T21:59:59.999Z");
  });

  it("finds every demo user with the right memberships, staff roles and password", async () => {
    for (const demoUser of DEMO_USERS) {
      const user = await prisma.user.findUnique({
        where: { email: demoUser.email },
        include: { password: true, staffRoles: true, memberships: { include: { organisation: true } } },
      });
      expect(user, demoUser.email).not.toBeNull();
      expect([user!.firstName, user!.lastName]).toEqual([demoUser.firstName, demoUser.lastName]);
      expect(user!.staffRoles.map((r) => r.role).sort()).toEqual([...demoUser.staffRoles].sort());
      const keys = user!.memberships.map((m) =>
        m.organisation.nisCode ? `nis:${m.organisation.nisCode}` : `kbo:${m.organisation.kboNumber}`,
      );
      const expected = demoUser.memberOf.map((k) => ("nisCode" in k ? `nis:${k.nisCode}` : `kbo:${k.kboNumber}`));
      expect(keys.sort()).toEqual(expected.sort());
      expect(user!.password?.hash.startsWith("scrypt$")).toBe(true);
      expect(await verifyPassword(demoUser.password, user!.password!.hash)).toBe(true);
    }
    expect(await prisma.user.count()).toBe(DEMO_USERS.length);
  });

  it("gives every organisation with a KBO number a valid one", async () => {
    const organisations = await prisma.organisation.findMany({ where: { kboNumber: { not: null } } });
    expect(organisations.length).toBeGreaterThanOrEqual(5);
    for (const organisation of organisations) {
      expect(isValidKboNumber(organisation.kboNumber!), `${organisation.name} ${organisation.kboNumber}`).toBe(true);
    }
    expect(await prisma.organisation.findUnique({ where: { kboNumber: "0212239958" } })).toMatchObject({
      name: "OCMW Leuven",
      kind: "OCMW",
      province: "Vlaams-Brabant",
    });
    const vzws = organisations.filter((o) => o.kind === "VZW");
    expect(vzws.map((o) => o.name)).toContain("vzw Brugwerk");
    expect(vzws.length).toBeGreaterThanOrEqual(4);
    expect(new Set(vzws.map((o) => o.province)).size).toBe(vzws.length);
  });

  it("writes sample dossiers with references, content hashes and a consistent status history", async () => {
    const applications = await prisma.application.findMany({
      include: {
        call: { include: { programme: true } },
        organisation: true,
        // What was submitted: the decision letter came later.
        attachments: { where: { fieldKey: { not: DECISION_LETTER_FIELD } } },
        auditEvents: { where: { action: "application.status" }, orderBy: { at: "asc" } },
      },
    });
    expect(applications).toHaveLength(10);
    const staff = await prisma.user.findMany({ where: { staffRoles: { some: {} } }, include: { staffRoles: true } });
    const hasRole = (userId: string | null, role: string) =>
      staff.some((u) => u.id === userId && u.staffRoles.some((r) => r.role === role));

    for (const application of applications) {
      const { call } = application;
      expect([application.formKey, application.formVersion]).toEqual([call.formKey, call.formVersion]);
      if (!call.isDemo) expect(FINAL_STATUSES).toContain(application.status);

      if (application.status === "DRAFT") {
        expect(application.reference).toBeNull();
        expect(application.contentHash).toBeNull();
      } else {
        expect(application.reference).toMatch(new RegExp(`^${call.programme.code}-${call.year}-\\d{4}$`));
        expect(application.contentHash).toBe(
          submissionContentHash({
            formKey: application.formKey,
            formVersion: application.formVersion,
            values: JSON.parse(application.data),
            attachments: application.attachments.map(({ fieldKey, fileName, sha256 }) => ({ fieldKey, fileName, sha256 })),
          }),
        );
        expect(application.submittedAt!.getTime()).toBeLessThanOrEqual(call.closesAt.getTime());
      }

      const events = application.auditEvents;
      expect(events.length).toBeGreaterThanOrEqual(1);
      expect(events[0]!.before).toBeNull();
      expect(JSON.parse(events[0]!.after!)).toEqual({ status: "DRAFT" });
      expect(JSON.parse(events.at(-1)!.after!)).toEqual({ status: application.status });
      for (const [index, event] of events.entries()) {
        expect(event).toMatchObject({
          action: "application.status",
          entityType: "Application",
          entityId: application.id,
          organisationId: application.organisationId,
        });
        if (event.actorRole !== "APPLICANT") expect(hasRole(event.actorId, event.actorRole)).toBe(true);
        if (index === 0) continue;
        const from = JSON.parse(event.before!).status as ApplicationStatus;
        const to = JSON.parse(event.after!).status as ApplicationStatus;
        expect(from).toBe(JSON.parse(events[index - 1]!.after!).status);
        expect(event.at.getTime()).toBeGreaterThan(events[index - 1]!.at.getTime());
        const check = checkTransition(from, to, event.actorRole as ActorRole);
        expect(check.ok, `${from} -> ${to}`).toBe(true);
        if (check.ok && check.needsReason) expect(event.reason).toBeTruthy();
      }
    }

    // References are numbered 1..n per call, and the call remembers the last one.
    const calls = await prisma.call.findMany({ include: { applications: true } });
    for (const call of calls) {
      const sequences = call.applications
        .filter((a) => a.reference)
        .map((a) => Number(a.reference!.slice(-4)))
        .sort((a, b) => a - b);
      expect(sequences).toEqual(sequences.map((_, i) => i + 1));
      expect(call.lastReference).toBe(sequences.length);
      const granted = call.applications.reduce((sum, a) => sum + (a.grantedCents ?? 0), 0);
      if (call.budgetCents !== null) expect(granted).toBeLessThanOrEqual(call.budgetCents);
    }

    const status = (code: string, isDemo: boolean, organisation: string) =>
      applications.find((a) => a.call.programme.code === code && a.call.isDemo === isDemo && a.organisation.name === organisation)?.status;
    expect(status("OEF", false, "Antwerpen")).toBe("APPROVED");
    expect(status("OEF", false, "Gent")).toBe("PARTIALLY_APPROVED");
    expect(status("RAD", false, "Leuven")).toBe("APPROVED");
    expect(status("RAD", false, "Vlaamse Gemeenschapscommissie")).toBe("APPROVED");
    expect(status("RAD", false, "Gent")).toBe("REFUSED");
    expect(status("ERK", false, "vzw Brugwerk")).toBe("APPROVED");
    expect(status("OEF", true, "Antwerpen")).toBe("DRAFT");
    expect(status("RAD", true, "Gent")).toBe("SUBMITTED");
    expect(applications.filter((a) => a.call.programme.code === "ERK" && a.status === "REFUSED")).toHaveLength(1);
    expect(applications.filter((a) => a.call.programme.code === "ERK" && a.call.isDemo && a.status === "SUBMITTED")).toHaveLength(1);
    expect(applications.find((a) => a.reference === "OEF-2026-0001")?.organisation.name).toBe("Antwerpen");
  });

  it("shows the 2025 merger Galmaarden + Gooik + Herne -> Pajottegem with read-only predecessors", async () => {
    const pajottegem = await prisma.organisation.findUniqueOrThrow({ where: { nisCode: "23106" }, include: { predecessors: true } });
    expect(pajottegem.successorId).toBeNull();
    expect(pajottegem.predecessors.map((p) => [p.nisCode, p.name, p.kind, p.province]).sort()).toEqual([
      ["23023", "Galmaarden", "GEMEENTE", "Vlaams-Brabant"],
      ["23024", "Gooik", "GEMEENTE", "Vlaams-Brabant"],
      ["23032", "Herne", "GEMEENTE", "Vlaams-Brabant"],
    ]);
    for (const p of pajottegem.predecessors) expect(p.mergedAt?.toISOString()).toBe("2024-12-31T23:00:00.000Z");
    // The 285 current municipalities are still the ones from the CSV.
    expect(await prisma.organisation.count({ where: { kind: "GEMEENTE", successorId: null } })).toBe(285);
  });

  it("gives every submitted dossier answers and files the portal accepts, and the amount its form computes", async () => {
    const applications = await prisma.application.findMany({
      where: { submittedAt: { not: null } },
      include: { call: { include: { programme: true } }, organisation: true, attachments: true },
    });
    expect(applications).toHaveLength(9);
    for (const application of applications) {
      const name = `${application.call.title}: ${application.organisation.name}`;
      const form = getForm(application.formKey, application.formVersion);
      const settings = form.parseSettings(JSON.parse(application.call.settings));
      const result = validateForm(form, JSON.parse(application.data), settings, {
        attachmentCounts: attachmentCounts(application.attachments),
      });
      expect(result.issuesByStep, name).toEqual({});
      expect(application.requestedCents, name).toBe(form.requestedCents(result.parsed, settings));
      const fieldKeys = application.attachments.map((a) => a.fieldKey);
      if (application.formKey === "regierol") expect(fieldKeys, name).toContain("meerjarenplan");
      if (application.formKey === "erkenning") expect(fieldKeys, name).toEqual(expect.arrayContaining(["statuten", "jaarrekening"]));
    }
    const requested = (code: string, organisation: string) =>
      applications.find((a) => a.call.programme.code === code && !a.call.isDemo && a.organisation.name === organisation)?.requestedCents;
    expect(requested("OEF", "Antwerpen")).toBe(13_500_000);
    expect(requested("OEF", "Gent")).toBe(9_000_000);
    expect(requested("RAD", "Leuven")).toBe(2_500_000);
    expect(requested("ERK", "vzw Brugwerk")).toBeNull();

    const draft = await prisma.application.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect(draft.requestedCents).toBeNull();
    const draftFields = new Set(allFields(getForm(draft.formKey, draft.formVersion)).map((f) => f.name));
    expect(Object.keys(JSON.parse(draft.data)).filter((name) => !draftFields.has(name))).toEqual([]);
  });

  it("keeps every seeded file as a real document under a random name, uploaded by a member before submission", async () => {
    const attachments = await prisma.attachment.findMany({
      where: { fieldKey: { not: DECISION_LETTER_FIELD } },
      include: { application: { include: { organisation: { include: { memberships: true } } } } },
    });
    expect(attachments).toHaveLength(14);
    for (const attachment of attachments) {
      const { application } = attachment;
      expect(attachment.storedName).toMatch(/^[a-f0-9]{32}$/);
      const bytes = await readFile(storedPath(attachment.storedName));
      expect(createHash("sha256").update(bytes).digest("hex"), attachment.fileName).toBe(attachment.sha256);
      expect(bytes.byteLength).toBe(attachment.sizeBytes);
      const format = await detectFileFormat(bytesSource(bytes));
      expect(format).not.toBeNull();
      expect(attachment.mimeType).toBe(FILE_FORMATS[format!].mimeType);
      expect(attachment.fileName.endsWith(`.${FILE_FORMATS[format!].extension}`)).toBe(true);
      expect(application.organisation.memberships.map((m) => m.userId)).toContain(attachment.uploadedById);
      expect(attachment.createdAt.getTime()).toBeGreaterThanOrEqual(application.createdAt.getTime());
      if (application.submittedAt) expect(attachment.createdAt.getTime()).toBeLessThan(application.submittedAt.getTime());
      const upload = await prisma.auditEvent.findFirst({ where: { action: "attachment.upload", entityId: attachment.id } });
      expect(upload).toMatchObject({
        actorId: attachment.uploadedById,
        actorRole: "APPLICANT",
        applicationId: application.id,
        at: attachment.createdAt,
      });
    }
    // One file on disk per attachment (the uploads and the decision letters), nothing else (besides the temp folder).
    expect((await uploadedFiles()).filter((name) => name !== "tmp")).toHaveLength(await prisma.attachment.count());
  });

  it("shows every answer of a submitted dossier on its receipt, files by name", async () => {
    const applications = await prisma.application.findMany({
      where: { submittedAt: { not: null } },
      include: { attachments: { where: { fieldKey: { not: DECISION_LETTER_FIELD } } } },
    });
    for (const application of applications) {
      const receipt = await receiptPage(application.id);
      expect(receipt?.contentHash).toBe(application.contentHash);
      const fields = allFields(getForm(application.formKey, application.formVersion));
      for (const section of receipt!.sections) {
        expect(section.problems, `${application.reference} ${section.title}`).toEqual([]);
        for (const row of section.rows.filter((r) => r.value === NOT_ANSWERED)) {
          // Only optional questions may be left open.
          const [name, , sub] = row.path.split(".");
          const field = fields.find((f) => f.name === name);
          const asked = field?.type === "repeat" && sub ? field.fields.find((f) => f.name === sub) : field;
          expect(asked?.required, `${application.reference} ${row.label}`).toBeFalsy();
        }
      }
      const shown = receipt!.sections.flatMap((s) => s.rows.map((r) => r.value)).join("\n");
      for (const attachment of application.attachments) expect(shown).toContain(attachment.fileName);
    }
  });

  it("lets the applicant read a seeded receipt and download its files from the built portal", async () => {
    const server = await startServer();
    try {
      const application = await prisma.application.findFirstOrThrow({
        where: { reference: "RAD-2026-0001" },
        include: { attachments: { where: { fieldKey: { not: DECISION_LETTER_FIELD } } } },
      });
      const sara = DEMO_USERS.find((u) => u.email === "sara.janssens@leuven.example")!;
      const client = new HttpClient(server.url);
      await client.login(sara.email);
      const receipt = await client.get(`/dossiers/${application.id}/ontvangstbewijs`);
      expect(receipt.status).toBe(200);
      const html = await receipt.text();
      expect(html).toContain("Ontvangstbewijs RAD-2026-0001");
      expect(html).toContain(application.contentHash!);
      expect(html).toContain("Meerjarenplan Leuven 2026-2031.pdf");
      expect(html).toContain("€ 25.000,00");
      expect(html).toContain("BE04 0910 0024 2731");
      expect(html).not.toContain(NOT_ANSWERED);
      expect(application.attachments).toHaveLength(1);
      for (const attachment of application.attachments) {
        const download = await client.get(`/bijlagen/${attachment.id}`);
        expect(download.status).toBe(200);
        const body = Buffer.from(await download.arrayBuffer());
        expect(createHash("sha256").update(body).digest("hex")).toBe(attachment.sha256);
      }
      // The decided dossier's letter is on the dossier page, and opens as the letter to Leuven.
      const letter = await prisma.attachment.findFirstOrThrow({
        where: { applicationId: application.id, fieldKey: DECISION_LETTER_FIELD },
      });
      expect(await (await client.get(`/dossiers/${application.id}`)).text()).toContain(`/bijlagen/${letter.id}`);
      const download = await client.get(`/bijlagen/${letter.id}`);
      expect(download.status).toBe(200);
      const pdf = flowed((await inspectPdf(Buffer.from(await download.arrayBuffer()))).text);
      for (const part of [
        "Aan het college van burgemeester en schepenen van Leuven",
        "Professor Van Overstraetenplein 1 3000 Leuven",
        "Ons kenmerk: RAD-2026-0001",
        "Brussel, 21 april 2026",
        "Goedgekeurd: € 25.000,00 basisfinanciering voor de lokale regierol.",
        "Pieter Claes afdelingshoofd Lokaal Integratiebeleid",
      ]) {
        expect(pdf).toContain(part);
      }
    } finally {
      await server.stop();
    }
  });

  it("gives every decided sample dossier its decision letter, generated by its decider after the decision", async () => {
    const decided = await prisma.application.findMany({
      where: { status: { in: ["APPROVED", "PARTIALLY_APPROVED", "REFUSED"] } },
      include: { organisation: true, attachments: { where: { fieldKey: DECISION_LETTER_FIELD } } },
    });
    expect(decided).toHaveLength(7);
    for (const application of decided) {
      expect(application.attachments, application.reference!).toHaveLength(1);
      const [letter] = application.attachments;
      expect(letter).toMatchObject({
        fileName: `beslissing-${application.reference}.pdf`,
        mimeType: "application/pdf",
        uploadedById: application.decidedById,
      });
      expect(letter!.createdAt.getTime()).toBeGreaterThanOrEqual(application.decidedAt!.getTime());
      const bytes = await readFile(storedPath(letter!.storedName));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(letter!.sha256);
      const pdf = await inspectPdf(bytes);
      expect(pdf.info["Title"]).toBe(`Beslissing dossier ${application.reference}`);
      expect(flowed(pdf.text)).toContain(application.organisation.name);
      expect(flowed(pdf.text)).toContain(application.decisionMotivation!);
      const generated = await prisma.auditEvent.findFirst({ where: { action: "attachment.generated", entityId: letter!.id } });
      expect(generated).toMatchObject({ actorId: application.decidedById, actorRole: "DECIDER", applicationId: application.id });
    }
  });

  it("pays the advance of every granted 2026 dossier, four-eyes and audited, and opens the Oefenkansen final report", async () => {
    const granted = await prisma.application.findMany({
      where: { status: { in: ["APPROVED", "PARTIALLY_APPROVED"] }, grantedCents: { gt: 0 }, call: { isDemo: false } },
      include: { paymentOrders: true, call: { include: { programme: true } } },
    });
    expect(granted.length).toBeGreaterThanOrEqual(4);
    for (const application of granted) {
      expect(application.paymentOrders, application.reference!).toHaveLength(1);
      const [advance] = application.paymentOrders;
      expect(advance).toMatchObject({ kind: "ADVANCE", status: "PAID", amountCents: Math.floor(application.grantedCents! * 0.6) });
      expect(advance!.approvedById).not.toBe(advance!.createdById);
      expect(advance!.createdAt.getTime()).toBeGreaterThan(application.decidedAt!.getTime());
      const trail = await prisma.auditEvent.findMany({ where: { entityId: advance!.id }, orderBy: { at: "asc" } });
      expect(trail.map((line) => line.action)).toEqual(["payment.prepared", "payment.approved", "payment.paid"]);
    }
    const oefenkansen = granted.find((application) => application.call.programme.code === "OEF")!;
    const final = finalReport(callGrantPhases(parseJsonObject(oefenkansen.call.settings)))!;
    // Seeded on 20 March 2027: the final report over 2026 is open until the end of 31 March 2027.
    expect(reportWindow(final, NOW)).toBe("open");
  });

  describe("refusing a sample dossier the portal could not have produced", () => {
    const dossiers = sampleDossiers(NOW);
    const find = (callKey: string, key: string) => dossiers.find((d) => d.callKey === callKey && Object.values(d.organisation)[0] === key)!;
    const leuven = find("RAD-2026", "24062");

    async function contextFor(dossier: SampleDossier, hasApplicant = true) {
      const [code, round] = dossier.callKey.split("-") as [ProgrammeCode, string];
      const call = await prisma.call.findFirstOrThrow({
        where: { programme: { code }, isDemo: round === "demo" },
        include: { eligibleKinds: true },
      });
      const key = dossier.organisation;
      const organisation = await prisma.organisation.findUniqueOrThrow({
        where: "nisCode" in key ? { nisCode: key.nisCode } : { kboNumber: key.kboNumber },
        select: { id: true, kind: true, name: true },
      });
      const eligibleKinds = call.eligibleKinds.map((k) => k.organisationKind);
      return { call, programmeCode: code, organisation, eligibleKinds, files: await loadSampleFiles(), hasApplicant };
    }

    it("accepts every sample dossier as it is", async () => {
      for (const dossier of dossiers) {
        const context = await contextFor(dossier);
        expect(() => validateSampleDossier(dossier, context), `${dossier.callKey} ${context.organisation.name}`).not.toThrow();
      }
    });

    it("names the missing required file, the wrong amount, an unknown field, a broken rule", async () => {
      const context = await contextFor(leuven);
      expect(() => validateSampleDossier({ ...leuven, attachments: [] }, context)).toThrow(
        'Voorbeelddossier RAD van Leuven: de antwoorden konden zo niet ingediend worden: stap "Meerjarenplan", Strategisch meerjarenplan 2026-2031: Voeg een bestand toe.',
      );
      expect(() => validateSampleDossier({ ...leuven, requestedCents: 2_000_000 }, context)).toThrow(
        "Voorbeelddossier RAD van Leuven: gevraagd bedrag € 20.000,00, maar het formulier berekent € 25.000,00.",
      );
      expect(() => validateSampleDossier({ ...leuven, data: { ...leuven.data, livcR: "ja" } }, context)).toThrow(
        'Voorbeelddossier RAD van Leuven: onbekend veld "livcR" in formulier regierol versie 1.',
      );
      const antwerpen = find("OEF-2026", "11002");
      const antwerpenContext = await contextFor(antwerpen);
      expect(() =>
        validateSampleDossier({ ...antwerpen, data: { ...antwerpen.data, gevraagdBedrag: "150.000,00" } }, antwerpenContext),
      ).toThrow("Gevraagde Vlaamse bijdrage: Het gevraagde bedrag is hoger dan de maximale Vlaamse bijdrage van € 135.000,00.");
    });

    it("refuses files of the wrong kind, files without a member to upload them, and an amount on a draft", async () => {
      const brugwerk = find("ERK-2026", "0456123494");
      const [withMember, withoutMember] = [await contextFor(brugwerk), await contextFor(brugwerk, false)];
      const asSpreadsheet = brugwerk.attachments.map((a) => (a.fieldKey === "statuten" ? { ...a, file: "xlsx" as const } : a));
      expect(() => validateSampleDossier({ ...brugwerk, attachments: asSpreadsheet }, withMember)).toThrow(
        'bijlage "Statuten vzw Brugwerk (gecoördineerd 2024).pdf" (xlsx) past niet bij "Statuten".',
      );
      expect(() => validateSampleDossier(brugwerk, withoutMember)).toThrow(
        "Voorbeelddossier ERK van vzw Brugwerk: heeft bijlagen, maar de organisatie heeft geen lid dat ze kan opladen.",
      );
      const draft = find("OEF-demo", "11002");
      const draftContext = await contextFor(draft);
      expect(() => validateSampleDossier({ ...draft, requestedCents: 12_000_000 }, draftContext)).toThrow(
        "Voorbeelddossier OEF van Antwerpen: een concept heeft nog geen gevraagd bedrag.",
      );
    });

    it("writes nothing, no file either, when one of the new dossiers is refused", async () => {
      const before = await snapshot();
      const gentDemo = find("RAD-demo", "44021");
      // A complete dossier of Leuven, with its file, and an incomplete one of the VGC.
      const leuvenDemo: SampleDossier = { ...gentDemo, organisation: { nisCode: "24062" } };
      const vgcDemo: SampleDossier = { ...gentDemo, organisation: { nisCode: "21000" }, attachments: [] };
      const call = await prisma.call.findFirstOrThrow({ where: { programme: { code: "RAD" }, isDemo: true } });
      const calls = new Map([["RAD-demo", call]]);
      await expect(seedSampleDossiers(prisma, { now: NOW, calls, dossiers: [leuvenDemo, vgcDemo] })).rejects.toThrow(
        "Voorbeelddossier RAD van Vlaamse Gemeenschapscommissie: de antwoorden konden zo niet ingediend worden",
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  it("changes nothing when seeded again, even later", async () => {
    const before = await snapshot();
    const report = await seed(prisma, { demo: true, now: addDays(NOW, 10) });
    onlyUnchanged(report);
    const after = await snapshot();
    expect(counts(after)).toEqual(counts(before));
    expect(after).toEqual(before);
  });
});
