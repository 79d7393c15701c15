import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import type { StaffRole } from "~/domain/roles";
import { endOfDay, startOfDay } from "~/utils/time";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The reports per call through real HTTP against the built server: who may see them, the
// figures of a small call in the week summer time starts, the CSV downloads and their audit
// lines, and a submission that shows in the very next report.
const db = createPrismaClient();
let server: RunningServer;
let callId = "";
let leuvenDossierId = "";
const staff: Partial<Record<StaffRole, { id: string; email: string; password: string }>> = {};
let official: { email: string; password: string };

const FILES = [
  "statussen.csv",
  "indieningen-per-dag.csv",
  "budget.csv",
  "bedragen-per-status.csv",
  "dekking-per-provincie.csv",
  "beslissingsdeadline.csv",
];

beforeAll(async () => {
  const call = await createProgrammeAndCall(db, {
    code: "OEF",
    // Open from Friday 27 March 2026; Sunday the 29th has 23 hours in Brussels.
    opensAt: startOfDay("2026-03-27"),
    closesAt: endOfDay("2026-03-31"),
    eligibleKinds: ["GEMEENTE", "VGC"],
    settings: { ratePerLearnerCents: 6000, maxLearners: 2250 },
  });
  callId = call.id;
  await db.call.update({ where: { id: callId }, data: { budgetCents: 100_000_00, decisionDueAt: endOfDay("2026-04-30") } });

  const antwerpen = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002", province: "Antwerpen" });
  const borsbeek = await createOrganisation(db, { name: "Borsbeek", nisCode: "11007", province: "Antwerpen" });
  const gent = await createOrganisation(db, { name: "Stad Gent", nisCode: "44021", province: "Oost-Vlaanderen" });
  const merged = await createOrganisation(db, { name: "Deinze (oud)", nisCode: "44011", province: "Oost-Vlaanderen" });
  await db.organisation.update({ where: { id: merged.id }, data: { successorId: gent.id, mergedAt: new Date("2025-01-01T00:00:00Z") } });
  const vgc = await createOrganisation(db, { name: "Vlaamse Gemeenschapscommissie", kind: "VGC", nisCode: "21000", province: "Brussel" });
  const ocmw = await createOrganisation(db, { name: "OCMW Leuven", kind: "OCMW", kboNumber: "0212239958", province: "Vlaams-Brabant" });
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });

  const dossier = async (organisationId: string, status: string, fields: Record<string, unknown> = {}) => {
    const created = await createApplication(db, { callId, organisationId, status });
    await db.application.update({ where: { id: created.id }, data: fields });
    return created;
  };
  await dossier(antwerpen.id, "APPROVED", {
    submittedAt: new Date("2026-03-28T22:59:00Z"), // 28 March 23:59 winter time
    requestedCents: 18_000_00,
    grantedCents: 15_000_00,
    decidedAt: new Date("2026-04-10T10:00:00Z"),
  });
  await dossier(gent.id, "PROPOSED", {
    submittedAt: new Date("2026-03-28T23:30:00Z"), // 29 March 00:30 winter time
    requestedCents: 10_000_00,
    proposedCents: 8_000_00,
  });
  await dossier(vgc.id, "WITHDRAWN", {
    submittedAt: new Date("2026-03-29T21:30:00Z"), // 29 March 23:30 summer time
    requestedCents: 5_000_00,
  });
  await dossier(merged.id, "SUBMITTED", { submittedAt: new Date("2026-03-27T09:00:00Z"), requestedCents: 2_000_00 });
  await dossier(borsbeek.id, "DRAFT");
  await dossier(ocmw.id, "IN_REVIEW", { submittedAt: new Date("2026-03-30T08:00:00Z"), requestedCents: 1_000_00 });
  leuvenDossierId = (await createApplication(db, { callId, organisationId: leuven.id, data: oefenkansenDraft() })).id;

  official = await createUser(db, { memberOf: [leuven.id] });
  for (const role of ["REVIEWER", "DECIDER", "ADMIN"] as StaffRole[]) staff[role] = await createUser(db, { staffRoles: [role] });
  // Monday 30 March 2026, noon in Brussels: the call is open, the decision is a month away.
  server = await startServer({ PORTAL_CLOCK: "2026-03-30T10:00:00Z" });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function signedIn(user: { email: string; password: string }) {
  const client = new HttpClient(server.url);
  await client.login(user.email);
  return client;
}

/** The rows of a CSV download, after checking the byte order mark, separator and line ends. */
async function csvRows(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  // csv-parse as an independent reader, as for the finance export: ";" between fields, CRLF, strict quotes.
  return parse(text, { delimiter: ";", record_delimiter: "\r\n", relax_quotes: false }) as string[][];
}

describe("who may see the reports", () => {
  it("refuses officials with 403 on the pages, their data requests and every CSV, and records no export", async () => {
    const client = await signedIn(official);
    for (const path of ["/rapporten", `/rapporten/${callId}`, "/rapporten.data", `/rapporten/${callId}.data`]) {
      expect((await client.get(path)).status, path).toBe(403);
    }
    for (const file of FILES) {
      const response = await client.get(`/rapporten/${callId}/${file}`);
      expect(response.status, file).toBe(403);
      expect(await response.text()).toBe("U hebt geen toegang tot de rapporten.");
    }
    const page = await (await client.get("/mijn-dossiers")).text();
    expect(page).not.toContain('href="/rapporten"');
    expect(await db.auditEvent.count({ where: { action: "report.export" } })).toBe(0);
  });

  it("sends anonymous visitors to the login page", async () => {
    const client = new HttpClient(server.url);
    for (const path of ["/rapporten", `/rapporten/${callId}`, `/rapporten/${callId}/statussen.csv`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/aanmelden\?redirectTo=/);
    }
  });

  for (const role of ["REVIEWER", "DECIDER", "ADMIN"] as StaffRole[]) {
    it(`shows the list and the report to a ${role.toLowerCase()}, linked from the menu`, async () => {
      const client = await signedIn(staff[role]!);
      const list = await client.get("/rapporten");
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('href="/rapporten"');
      expect(html).toContain(`href="/rapporten/${callId}"`);
      expect((await client.get(`/rapporten/${callId}`)).status).toBe(200);
      expect((await client.get(`/rapporten/${callId}/statussen.csv`)).status).toBe(200);
    });
  }

  it("links the reports from the administrators' dashboard", async () => {
    const client = await signedIn(staff.ADMIN!);
    expect(await (await client.get("/beheer")).text()).toContain('href="/rapporten"');
  });

  it("answers 404 for a call or a table that does not exist", async () => {
    const client = await signedIn(staff.REVIEWER!);
    expect((await client.get("/rapporten/bestaat-niet")).status).toBe(404);
    expect((await client.get("/rapporten/bestaat-niet/statussen.csv")).status).toBe(404);
    const unknown = await client.get(`/rapporten/${callId}/wachtwoorden.csv`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("Dit rapport bestaat niet.");
  });
});

describe("the figures of a small call", () => {
  it("counts dossiers per status", async () => {
    const client = await signedIn(staff.REVIEWER!);
    expect(await csvRows(await client.get(`/rapporten/${callId}/statussen.csv`))).toEqual([
      ["Status", "Aantal dossiers"],
      ["Concept", "2"],
      ["Verstuurd", "1"],
      ["In behandeling", "1"],
      ["Bijkomende informatie gevraagd", "0"],
      ["Voorstel tot beslissing", "1"],
      ["Goedgekeurd", "1"],
      ["Gedeeltelijk goedgekeurd", "0"],
      ["Geweigerd", "0"],
      ["Ingetrokken", "1"],
      ["Totaal", "7"],
    ]);
  });

  it("counts submissions per Brussels day up to today, across the change to summer time", async () => {
    const client = await signedIn(staff.REVIEWER!);
    expect(await csvRows(await client.get(`/rapporten/${callId}/indieningen-per-dag.csv`))).toEqual([
      ["Datum (jjjj-mm-dd)", "Ingediend die dag", "Ingediend tot en met die dag"],
      ["2026-03-27", "1", "1"],
      ["2026-03-28", "1", "2"],
      ["2026-03-29", "2", "4"],
      ["2026-03-30", "1", "5"],
    ]);
  });

  it("gives requested and granted amounts in euros with a decimal comma, cents last, with the call's envelope", async () => {
    const client = await signedIn(staff.DECIDER!);
    expect(await csvRows(await client.get(`/rapporten/${callId}/bedragen-per-status.csv`))).toEqual([
      [
        "Status",
        "Aantal dossiers",
        "Gevraagd bedrag (EUR)",
        "Toegekend bedrag (EUR)",
        "Gevraagd bedrag (eurocent)",
        "Toegekend bedrag (eurocent)",
      ],
      ["Verstuurd", "1", "2000,00", "0,00", "200000", "0"],
      ["In behandeling", "1", "1000,00", "0,00", "100000", "0"],
      ["Bijkomende informatie gevraagd", "0", "0,00", "0,00", "0", "0"],
      ["Voorstel tot beslissing", "1", "10000,00", "0,00", "1000000", "0"],
      ["Goedgekeurd", "1", "18000,00", "15000,00", "1800000", "1500000"],
      ["Gedeeltelijk goedgekeurd", "0", "0,00", "0,00", "0", "0"],
      ["Geweigerd", "0", "0,00", "0,00", "0", "0"],
      ["Ingetrokken", "1", "5000,00", "0,00", "500000", "0"],
      ["Totaal zonder ingetrokken dossiers", "4", "31000,00", "15000,00", "3100000", "1500000"],
    ]);
    expect(await csvRows(await client.get(`/rapporten/${callId}/budget.csv`))).toEqual([
      ["Onderdeel", "Bedrag (EUR)", "Bedrag (eurocent)"],
      ["Budget van de oproep", "100000,00", "10000000"],
      ["Gevraagd in ingediende dossiers", "31000,00", "3100000"],
      ["Voorgesteld, nog niet beslist", "8000,00", "800000"],
      ["Toegekend", "15000,00", "1500000"],
      ["Nog beschikbaar", "85000,00", "8500000"],
    ]);
  });

  it("counts the municipalities per province that applied, without merged ones, with the VGC for Brussels", async () => {
    const client = await signedIn(staff.ADMIN!);
    expect(await csvRows(await client.get(`/rapporten/${callId}/dekking-per-provincie.csv`))).toEqual([
      ["Provincie", "Aantal gemeenten", "Gemeenten met ingediende aanvraag", "Aandeel (%)"],
      ["Antwerpen", "2", "1", "50,0"],
      ["Limburg", "0", "0", ""],
      ["Oost-Vlaanderen", "1", "1", "100,0"],
      ["Vlaams-Brabant", "1", "0", "0,0"],
      ["West-Vlaanderen", "0", "0", ""],
      // The VGC withdrew: it does not count as applied.
      ["Brussel (VGC)", "1", "0", "0,0"],
      ["Totaal", "5", "2", "40,0"],
    ]);
  });

  it("tracks the decision deadline in Brussels days", async () => {
    const client = await signedIn(staff.DECIDER!);
    expect(await csvRows(await client.get(`/rapporten/${callId}/beslissingsdeadline.csv`))).toEqual([
      ["Onderdeel", "Waarde"],
      ["Beslissingsdeadline", "2026-04-30"],
      ["Beslist", "1"],
      ["Nog te beslissen", "3"],
      ["Beslist na de deadline", "0"],
      ["Kalenderdagen tot de deadline", "31"],
      ["Deadline overschreden met dossiers zonder beslissing", "nee"],
    ]);
  });

  it("shows every chart as an image with a title and summary, each followed by a captioned table and its download", async () => {
    const client = await signedIn(staff.REVIEWER!);
    const response = await client.get(`/rapporten/${callId}`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    const charts = html.match(/<svg class="chart[^"]*" role="img" aria-labelledby="[^"]+"/g) ?? [];
    expect(charts).toHaveLength(5);
    for (const id of ["statussen", "indieningen", "bedragen", "dekking", "beslissing"]) {
      expect(html).toContain(`<title id="grafiek-${id}-title">`);
      expect(html).toContain(`<desc id="grafiek-${id}-desc">`);
    }
    expect(html).toContain("Goedgekeurd: 1; Gedeeltelijk goedgekeurd: 0");
    expect(html).toContain("Antwerpen: 1 van 2 (50,0%)");
    expect(html).toContain("€ 100.000,00");
    expect(html).toContain("Nog 31 dagen om te beslissen: 3 dossiers wachten nog op een beslissing.");
    expect(html.match(/<caption/g)).toHaveLength(6);
    expect(html).toContain('<th scope="col" class="amount">Aantal dossiers</th>');
    expect(html).toContain('<th scope="row">Vlaams-Brabant</th>');
    for (const file of FILES) expect(html).toContain(`href="/rapporten/${callId}/${file}"`);
  });
});

describe("downloads", () => {
  it("names the file, keeps it out of caches and writes an audit line per download", async () => {
    const client = await signedIn(staff.DECIDER!);
    const exports = () => db.auditEvent.count({ where: { action: "report.export", actorId: staff.DECIDER!.id } });
    const before = await exports();
    const response = await client.get(`/rapporten/${callId}/dekking-per-provincie.csv`);
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"rapport-oef-2026-dekking-per-provincie.csv\"; filename*=UTF-8''rapport-oef-2026-dekking-per-provincie.csv",
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    await response.arrayBuffer();
    expect(await exports()).toBe(before + 1);
    const audit = await db.auditEvent.findFirst({
      where: { action: "report.export", actorId: staff.DECIDER!.id },
      orderBy: { at: "desc" },
    });
    expect(audit).toMatchObject({
      actorRole: "DECIDER",
      entityType: "Call",
      entityId: callId,
      applicationId: null,
      after: JSON.stringify({ table: "dekking", rows: 7 }),
    });
    expect(audit!.at.toISOString().slice(0, 10)).toBe("2026-03-30");
  });
});

describe("a live submission", () => {
  it("shows in the next report, without any cache in between", async () => {
    const reviewer = await signedIn(staff.REVIEWER!);
    const before = await csvRows(await reviewer.get(`/rapporten/${callId}/statussen.csv`));
    expect(before.find((row) => row[0] === "Verstuurd")).toEqual(["Verstuurd", "1"]);
    // Load the page first, so that a cache would have something to serve.
    expect(await (await reviewer.get(`/rapporten/${callId}`)).text()).toContain("Vlaams-Brabant: 0 van 1 (0,0%)");

    const applicant = await signedIn(official);
    const submitted = await applicant.post(`/dossiers/${leuvenDossierId}/overzicht`, { baseVersion: "1" });
    expect(submitted.status).toBe(302);

    const page = await (await reviewer.get(`/rapporten/${callId}`)).text();
    expect(page).toContain("Vlaams-Brabant: 1 van 1 (100,0%)");
    expect(page).toContain("Verstuurd: 2;");
    const after = await csvRows(await reviewer.get(`/rapporten/${callId}/statussen.csv`));
    expect(after.find((row) => row[0] === "Verstuurd")).toEqual(["Verstuurd", "2"]);
    expect((await csvRows(await reviewer.get(`/rapporten/${callId}/indieningen-per-dag.csv`))).at(-1)).toEqual(["2026-03-30", "2", "6"]);
    const amounts = await csvRows(await reviewer.get(`/rapporten/${callId}/bedragen-per-status.csv`));
    // 300 learners at € 60 requested by Leuven.
    expect(amounts.find((row) => row[0] === "Verstuurd")).toEqual([
      "Verstuurd",
      "2",
      "20000,00",
      "0,00",
      String(2_000_00 + 18_000_00),
      "0",
    ]);
  });
});
