import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import type { ApplicationStatus } from "~/domain/application-status";
import { callOverview } from "~/review/call-overview.server";
import { EXPORT_COLUMNS, xlsxColumns } from "~/review/export-table";
import { endOfDay } from "~/utils/time";
import { createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// A call's overview (budget, dossiers per status, decision deadline) and its CSV export for
// the finance system, over real HTTP against a real SQLite file.
const db = createPrismaClient();
const NOW = new Date("2026-04-20T10:00:00Z");
let server: RunningServer;
let callId: string;
let recognitionCallId: string;
const people: Record<"reviewer" | "decider" | "admin" | "official", { id: string; email: string; password: string }> = {} as never;

type Spec = {
  name: string;
  status: ApplicationStatus;
  nisCode?: string;
  kboNumber?: string;
  province?: string;
  requested?: number;
  proposed?: number;
  granted?: number;
  submittedAt?: string;
  decidedAt?: string;
  iban?: unknown;
  lateAnswer?: boolean;
};
const SPECS: Spec[] = [
  {
    name: "Gent",
    nisCode: "44021",
    province: "Oost-Vlaanderen",
    status: "APPROVED",
    requested: 2_000_000,
    proposed: 1_800_000,
    granted: 1_800_000,
    submittedAt: "2026-01-10T09:30:00.250Z",
    decidedAt: "2026-04-15T12:00:00Z",
    iban: "be68 5390 0754 7034",
  },
  {
    name: 'vzw "De Brug"; Gent',
    kboNumber: "0456123494",
    province: "Oost-Vlaanderen",
    status: "PROPOSED",
    requested: 1_500_000,
    proposed: 1_200_000,
    iban: "BE00 0000 0000 0000",
  },
  { name: '=HYPERLINK("http://kwaad.example")', kboNumber: "0823145661", status: "IN_REVIEW", requested: 500_000 },
  { name: "Hasselt", nisCode: "71022", province: "Limburg", status: "INFO_REQUESTED", requested: 900_000, lateAnswer: true },
  { name: "Leuven", nisCode: "24062", province: "Vlaams-Brabant", status: "SUBMITTED", requested: 1_000_000 },
  {
    name: "Brugge",
    nisCode: "31005",
    province: "West-Vlaanderen",
    status: "PARTIALLY_APPROVED",
    requested: 1_400_000,
    proposed: 700_000,
    granted: 700_000,
    decidedAt: "2026-04-16T08:00:00Z",
  },
  {
    name: "Genk",
    nisCode: "71016",
    province: "Limburg",
    status: "REFUSED",
    requested: 300_000,
    proposed: 0,
    decidedAt: "2026-04-17T08:00:00Z",
  },
  { name: "Aalst", nisCode: "41002", province: "Oost-Vlaanderen", status: "WITHDRAWN", requested: 250_000 },
  { name: "Mechelen", nisCode: "12025", province: "Antwerpen", status: "DRAFT", requested: 100_000 },
];

beforeAll(async () => {
  people.reviewer = await createUser(db, { staffRoles: ["REVIEWER"] });
  people.decider = await createUser(db, { staffRoles: ["DECIDER"] });
  people.admin = await createUser(db, { staffRoles: ["ADMIN"] });
  const call = await createProgrammeAndCall(db, {
    code: "QEX",
    opensAt: new Date("2025-10-01T00:00:00Z"),
    closesAt: endOfDay("2026-01-15"),
  });
  await db.call.update({
    where: { id: call.id },
    data: { title: "Oproep voor de export", decisionDueAt: endOfDay("2026-04-30"), budgetCents: 10_000_000 },
  });
  callId = call.id;
  const recognition = await createProgrammeAndCall(db, {
    code: "QER",
    opensAt: new Date("2025-10-01T00:00:00Z"),
    closesAt: endOfDay("2026-01-15"),
  });
  await db.programme.update({ where: { id: recognition.programmeId }, data: { kind: "RECOGNITION" } });
  recognitionCallId = recognition.id;

  let sequence = 0;
  for (const spec of SPECS) {
    const organisation = await createOrganisation(db, { name: spec.name, nisCode: spec.nisCode, province: spec.province });
    if (spec.kboNumber)
      await db.organisation.update({
        where: { id: organisation.id },
        data: { kind: "VZW", kboNumber: spec.kboNumber, province: spec.province ?? null },
      });
    if (spec.name === "Gent") people.official = await createUser(db, { memberOf: [organisation.id] });
    const submitted = spec.status !== "DRAFT";
    const application = await db.application.create({
      data: {
        callId,
        organisationId: organisation.id,
        status: spec.status,
        formKey: "oefenkansen",
        formVersion: 1,
        data: JSON.stringify(spec.iban === undefined ? { contactVoornaam: "An" } : { iban: spec.iban }),
        reference: submitted ? `QEX-2026-${String(++sequence).padStart(4, "0")}` : null,
        submittedAt: submitted ? new Date(spec.submittedAt ?? `2026-01-${String(10 + sequence).padStart(2, "0")}T08:00:00Z`) : null,
        requestedCents: spec.requested ?? null,
        proposedCents: spec.proposed ?? null,
        grantedCents: spec.granted ?? null,
        decidedAt: spec.decidedAt ? new Date(spec.decidedAt) : null,
      },
    });
    if (spec.lateAnswer) {
      await db.informationRequest.create({
        data: {
          applicationId: application.id,
          questions: "Welke partners?",
          dueAt: endOfDay("2026-04-15"),
          requestedById: people.reviewer.id,
        },
      });
    }
  }
  server = await startServer({ PORTAL_CLOCK: NOW.toISOString() });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function loggedIn(who: keyof typeof people) {
  const client = new HttpClient(server.url);
  await client.login(people[who].email);
  return client;
}
const html = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
const exportAudits = () => db.auditEvent.findMany({ where: { action: "call.export" }, orderBy: { at: "asc" } });

describe("the call overview", () => {
  it("adds up the envelope, granted, proposed and remaining amounts and the undecided dossiers", async () => {
    const overview = (await callOverview(callId, NOW, db))!;
    expect(overview.budget).toEqual({
      envelopeCents: 10_000_000,
      grantedCents: 2_500_000,
      proposedCents: 1_200_000,
      remainingCents: 7_500_000,
    });
    expect(overview.deadline).toEqual({ dueAt: "2026-04-30T21:59:59.999Z", daysLeft: 10, undecided: 4, overdue: 1 });
    expect(overview.submitted).toBe(8);
    expect(Object.fromEntries(overview.statusCounts.map((c) => [c.status, c.count]))).toEqual({
      DRAFT: 1,
      SUBMITTED: 1,
      IN_REVIEW: 1,
      INFO_REQUESTED: 1,
      PROPOSED: 1,
      APPROVED: 1,
      PARTIALLY_APPROVED: 1,
      REFUSED: 1,
      WITHDRAWN: 1,
    });
    // After the decision date every undecided dossier is overdue.
    expect((await callOverview(callId, new Date("2026-05-02T10:00:00Z"), db))!.deadline).toMatchObject({
      daysLeft: -2,
      undecided: 4,
      overdue: 4,
    });
    expect(await callOverview("bestaat-niet", NOW, db)).toBeNull();
  });

  it("shows the figures to staff in euro, with the days left and the overdue dossiers flagged", async () => {
    for (const who of ["reviewer", "decider", "admin"] as const) {
      const response = await (await loggedIn(who)).get(`/te-beoordelen/oproepen/${callId}`);
      expect(response.status, who).toBe(200);
      const page = await html(response);
      expect(page).toContain("<h1>Oproep voor de export</h1>");
      expect(page).toMatch(/Budget \(enveloppe\)<\/th><td class="amount">€ 100\.000,00</);
      expect(page).toMatch(/Toegekend<\/th><td class="amount">€ 25\.000,00</);
      expect(page).toMatch(/Voorgesteld, nog niet beslist<\/th><td class="amount">€ 12\.000,00</);
      expect(page).toMatch(/Nog beschikbaar<\/th><td class="amount">€ 75\.000,00</);
      expect(page).toMatch(/als alle voorstellen worden goedgekeurd<\/th><td class="amount">€ 63\.000,00</);
      expect(page).toContain("<dd>30 april 2026</dd>");
      expect(page).toContain("<dd>nog 10 dagen</dd>");
      expect(page).toContain("<dd>4 dossiers nog niet beslist</dd>");
      expect(page).toContain("1 dossier over tijd");
      expect(page).toContain(`href="/te-beoordelen?oproep=${callId}&amp;achterstand=ja"`);
      expect(page).toContain(`href="/te-beoordelen/oproepen/${callId}/export.csv"`);
      expect(page).toContain(`href="/te-beoordelen/oproepen/${callId}/export.xlsx"`);
      expect(page).toContain("Dossiers en beslissingen downloaden voor de boekhouding (Excel)");
    }
  });

  it("says so when a call has no envelope or no decision date", async () => {
    const page = await html(await (await loggedIn("reviewer")).get(`/te-beoordelen/oproepen/${recognitionCallId}`));
    expect(page).toContain("Een erkenning kent geen bedrag toe: deze oproep heeft geen budget.");
    expect(page).toContain("Voor deze oproep is geen uiterste beslissingsdatum vastgelegd.");
  });

  it("is refused to officials and unknown for a call that does not exist", async () => {
    const official = await loggedIn("official");
    expect((await official.get(`/te-beoordelen/oproepen/${callId}`)).status).toBe(403);
    expect((await official.get(`/te-beoordelen/oproepen/${callId}.data`)).status).toBe(403);
    const missing = await (await loggedIn("reviewer")).get("/te-beoordelen/oproepen/bestaat-niet");
    expect(missing.status).toBe(404);
    expect(await html(missing)).toContain("Deze oproep bestaat niet.");
  });
});

describe("the CSV export for the finance system", () => {
  it("is a UTF-8 file with a byte order mark, ; between fields and one row per submitted dossier", async () => {
    const before = (await exportAudits()).length;
    const response = await (await loggedIn("reviewer")).get(`/te-beoordelen/oproepen/${callId}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="dossiers-QEX-2026-${callId}.csv"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    // csv-parse as an independent reader: ";" between fields, CRLF, RFC 4180 quotes, strict.
    const [header, ...rows] = parse(text, { bom: true, delimiter: ";", record_delimiter: "\r\n", relax_quotes: false }) as string[][];
    const headers = EXPORT_COLUMNS.map((c) => c.header);
    expect(header).toEqual(headers);
    expect(header!.slice(7, 10)).toEqual(["Gevraagd bedrag (EUR)", "Voorgesteld bedrag (EUR)", "Toegekend bedrag (EUR)"]);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r[0])).toEqual([
      "QEX-2026-0001",
      "QEX-2026-0002",
      "QEX-2026-0003",
      "QEX-2026-0004",
      "QEX-2026-0005",
      "QEX-2026-0006",
      "QEX-2026-0007",
      "QEX-2026-0008",
    ]);
    expect(rows.some((r) => r[1] === "Mechelen")).toBe(false); // the draft

    const row = (name: string) => Object.fromEntries(headers.map((column, i) => [column, rows.find((r) => r[1] === name)![i]]));
    // Euros with a decimal comma (Excel nl-BE reads a number), the cents kept last for import
    // tools, dates with the Brussels offset (winter +01:00, summer +02:00), IBAN without spaces.
    expect(row("Gent")).toEqual({
      Dossiernummer: "QEX-2026-0001",
      Organisatie: "Gent",
      "NIS-code": "44021",
      Ondernemingsnummer: "",
      Provincie: "Oost-Vlaanderen",
      Statuscode: "APPROVED",
      Status: "Goedgekeurd",
      "Gevraagd bedrag (EUR)": "20000,00",
      "Voorgesteld bedrag (EUR)": "18000,00",
      "Toegekend bedrag (EUR)": "18000,00",
      "Ingediend op (Belgische tijd)": "2026-01-10T10:30:00+01:00",
      "Beslist op (Belgische tijd)": "2026-04-15T14:00:00+02:00",
      IBAN: "BE68539007547034",
      "Gevraagd bedrag (eurocent)": "2000000",
      "Voorgesteld bedrag (eurocent)": "1800000",
      "Toegekend bedrag (eurocent)": "1800000",
    });
    expect(row('vzw "De Brug"; Gent')).toMatchObject({
      Ondernemingsnummer: "0456.123.494",
      Status: "Voorstel tot beslissing",
      "Voorgesteld bedrag (EUR)": "12000,00",
      "Toegekend bedrag (EUR)": "",
      "Beslist op (Belgische tijd)": "",
      IBAN: "",
    });
    expect(row("Genk")).toMatchObject({ Statuscode: "REFUSED", "Voorgesteld bedrag (EUR)": "0,00", "Toegekend bedrag (EUR)": "" });
    expect(row("Brugge")).toMatchObject({ Statuscode: "PARTIALLY_APPROVED", "Toegekend bedrag (EUR)": "7000,00" });
    expect(row("Hasselt")).toMatchObject({ "Gevraagd bedrag (EUR)": "9000,00", "Gevraagd bedrag (eurocent)": "900000" });
    // Quoting as RFC 4180 wants it, and no formula for a spreadsheet to run.
    expect(text).toContain(';"vzw ""De Brug""; Gent";');
    expect(rows.find((r) => r[0] === "QEX-2026-0003")![1]).toBe(`'=HYPERLINK("http://kwaad.example")`);

    const audits = await exportAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ actorId: people.reviewer.id, actorRole: "REVIEWER", entityType: "Call", entityId: callId });
    expect(JSON.parse(audits.at(-1)!.after!)).toEqual({ format: "csv", fileName: `dossiers-QEX-2026-${callId}.csv`, rows: 8 });
    expect(audits.at(-1)!.at.toISOString().slice(0, 13)).toBe(NOW.toISOString().slice(0, 13)); // the portal clock
  });

  it("is also for deciders and administrators, each download audited", async () => {
    const before = (await exportAudits()).length;
    for (const who of ["decider", "admin"] as const) {
      expect((await (await loggedIn(who)).get(`/te-beoordelen/oproepen/${callId}/export.csv`)).status).toBe(200);
    }
    const audits = (await exportAudits()).slice(before);
    expect(audits.map((a) => [a.actorId, a.actorRole])).toEqual([
      [people.decider.id, "DECIDER"],
      [people.admin.id, "ADMIN"],
    ]);
  });

  it.each(["csv", "xlsx"])("is refused to officials and strangers as .%s, with nothing exported or audited", async (extension) => {
    const before = (await exportAudits()).length;
    const refused = await (await loggedIn("official")).get(`/te-beoordelen/oproepen/${callId}/export.${extension}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await refused.text();
    expect(body).toBe("U hebt geen toegang tot deze export.");
    const stranger = await new HttpClient(server.url).get(`/te-beoordelen/oproepen/${callId}/export.${extension}`);
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get("location")).toContain("/aanmelden");
    const missing = await (await loggedIn("reviewer")).get(`/te-beoordelen/oproepen/bestaat-niet/export.${extension}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Deze oproep bestaat niet.");
    expect(await exportAudits()).toHaveLength(before);
  });
});

describe("the XLSX export for finance", () => {
  async function workbookFrom(response: Response) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook.getWorksheet("Dossiers")!;
  }

  it("has typed euro cells with a euro number format, wall-clock dates and no formulas", async () => {
    const before = (await exportAudits()).length;
    const response = await (await loggedIn("decider")).get(`/te-beoordelen/oproepen/${callId}/export.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="dossiers-QEX-2026-${callId}.xlsx"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const sheet = await workbookFrom(response);

    const headers = xlsxColumns(EXPORT_COLUMNS).map((c) => c.header);
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]); // exceljs rows are 1-based
    expect(headers.some((h) => h.includes("eurocent"))).toBe(false);
    expect(sheet.rowCount).toBe(9); // header + 8 submitted dossiers
    const rowOf = (name: string) => {
      const index = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((i) => sheet.getRow(i).getCell(2).value === name);
      return sheet.getRow(index!);
    };
    const cell = (name: string, header: string) => rowOf(name).getCell(headers.indexOf(header) + 1);

    const requested = cell("Gent", "Gevraagd bedrag (EUR)");
    expect(requested.type).toBe(ExcelJS.ValueType.Number);
    expect(requested.value).toBe(20_000);
    expect(requested.numFmt).toContain("€");
    expect(cell("Gent", "Toegekend bedrag (EUR)").value).toBe(18_000);
    expect(cell("Brugge", "Toegekend bedrag (EUR)")).toMatchObject({ type: ExcelJS.ValueType.Number, value: 7_000 });
    expect(cell("Genk", "Voorgesteld bedrag (EUR)")).toMatchObject({ type: ExcelJS.ValueType.Number, value: 0 });
    expect(cell("Genk", "Toegekend bedrag (EUR)").type).toBe(ExcelJS.ValueType.Null);
    for (const header of ["Gevraagd bedrag (EUR)", "Voorgesteld bedrag (EUR)", "Toegekend bedrag (EUR)"]) {
      expect(cell("Hasselt", header).numFmt, header).toContain("€");
    }

    // Brussels wall clock (10:30 in winter for 09:30 UTC), as a date cell.
    const submitted = cell("Gent", "Ingediend op (Belgische tijd)");
    expect(submitted.type).toBe(ExcelJS.ValueType.Date);
    expect(submitted.value).toEqual(new Date("2026-01-10T10:30:00Z"));
    // Shown in words, with Dutch month names, never as 10/01/2026.
    expect(submitted.numFmt).toBe('[$-813]d mmmm yyyy "om" hh:mm:ss');
    expect(cell("Gent", "Beslist op (Belgische tijd)").value).toEqual(new Date("2026-04-15T14:00:00Z"));

    // Text stays text: a name that looks like a formula is a plain string cell.
    const hostile = rowOf('=HYPERLINK("http://kwaad.example")').getCell(2);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(cell('vzw "De Brug"; Gent', "Ondernemingsnummer").value).toBe("0456.123.494");
    expect(cell("Gent", "IBAN").value).toBe("BE68539007547034");

    const audits = (await exportAudits()).slice(before);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: people.decider.id, actorRole: "DECIDER", entityId: callId });
    expect(JSON.parse(audits[0]!.after!)).toEqual({ format: "xlsx", fileName: `dossiers-QEX-2026-${callId}.xlsx`, rows: 8 });
  });

  it("is also for reviewers and administrators", async () => {
    for (const who of ["reviewer", "admin"] as const) {
      const response = await (await loggedIn(who)).get(`/te-beoordelen/oproepen/${callId}/export.xlsx`);
      expect(response.status, who).toBe(200);
      expect((await workbookFrom(response)).rowCount, who).toBe(9);
    }
  });
});
