import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "~/utils/csv";
import { buildCallReport } from "~/reports/report";
import { REPORT_TABLE_FILES, reportTableKeyForFile, reportTables, tableCsvRows } from "~/reports/tables";
import { budgetFigures } from "~/review/budget";
import { endOfDay, startOfDay } from "~/utils/time";

describe("toCsv", () => {
  it("starts with a byte order mark, separates with ';' and ends lines with CRLF", () => {
    const csv = toCsv(
      ["Status", "Aantal dossiers"],
      [
        ["Verstuurd", 3],
        ["Geweigerd", 0],
      ],
    );
    expect(csv).toBe("\uFEFFStatus;Aantal dossiers\r\nVerstuurd;3\r\nGeweigerd;0\r\n");
  });

  it("quotes fields with separators, quotes, line breaks or outer spaces, doubling inner quotes", () => {
    expect(csvField("Gemeente; OCMW")).toBe('"Gemeente; OCMW"');
    expect(csvField('Het "Huis"')).toBe('"Het ""Huis"""');
    expect(csvField("twee\nregels")).toBe('"twee\nregels"');
    expect(csvField(" spatie")).toBe('" spatie"');
    expect(csvField("Ingediend tot en met die dag")).toBe("Ingediend tot en met die dag");
    expect(csvField("Brussel (VGC), één")).toBe("Brussel (VGC), één");
  });

  it("writes numbers plain, empty for null, and disarms text that a spreadsheet would run as a formula", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(33.3)).toBe("33.3");
    expect(csvField(1234567)).toBe("1234567");
    expect(csvField(null)).toBe("");
    expect(csvField("=SOM(A1:A9)")).toBe("'=SOM(A1:A9)");
    expect(csvField("@cmd")).toBe("'@cmd");
  });
});

describe("report tables", () => {
  const report = buildCallReport({
    call: {
      id: "call-1",
      title: "Oefenkansen",
      year: 2026,
      opensAt: startOfDay("2025-11-03"),
      closesAt: endOfDay("2025-11-05"),
      decisionDueAt: endOfDay("2025-12-19"),
      programme: { code: "OEF", name: "Oefenkansen Nederlands", kind: "FUNDING" },
      eligibleKinds: ["GEMEENTE", "VGC"],
    },
    dossiers: [
      {
        organisationId: "o1",
        status: "APPROVED",
        submittedAt: new Date("2025-11-03T09:00:00Z"),
        requestedCents: 1_800_000,
        grantedCents: 1_500_050,
        decidedAt: new Date("2025-12-01T10:00:00Z"),
      },
      {
        organisationId: "o2",
        status: "IN_REVIEW",
        submittedAt: new Date("2025-11-05T22:00:00Z"),
        requestedCents: 900_000,
        grantedCents: null,
        decidedAt: null,
      },
      { organisationId: "o3", status: "DRAFT", submittedAt: null, requestedCents: null, grantedCents: null, decidedAt: null },
    ],
    organisations: [
      { id: "o1", kind: "GEMEENTE", nisCode: "11002", province: "Antwerpen", successorId: null },
      { id: "o2", kind: "VGC", nisCode: "21000", province: "Brussel", successorId: null },
      { id: "o3", kind: "GEMEENTE", nisCode: "11007", province: "Antwerpen", successorId: null },
    ],
    budget: budgetFigures(2_500_000_00, 1_500_050, 0),
    at: new Date("2025-12-10T12:00:00Z"),
  });
  const tables = reportTables(report);

  it("has a file for every table, and only those", () => {
    expect(Object.keys(tables).sort()).toEqual(Object.keys(REPORT_TABLE_FILES).sort());
    expect(reportTableKeyForFile("dekking-per-provincie.csv")).toBe("dekking");
    expect(reportTableKeyForFile("onbekend.csv")).toBeNull();
  });

  it("shows Dutch figures on the page and euros with a decimal comma in the CSV, from the same cells, cents last", () => {
    const amounts = tables.bedragen;
    const approved = amounts.rows.find((row) => row[0]!.text === "Goedgekeurd")!;
    expect(approved.map((cell) => cell.text)).toEqual(["Goedgekeurd", "1", "€ 18.000,00", "€ 15.000,50"]);
    expect(approved.map((cell) => cell.csv)).toEqual(["Goedgekeurd", 1, "18000,00", "15000,50"]);
    const csv = tableCsvRows(amounts);
    expect(csv.header).toEqual([
      "Status",
      "Aantal dossiers",
      "Gevraagd bedrag (EUR)",
      "Toegekend bedrag (EUR)",
      "Gevraagd bedrag (eurocent)",
      "Toegekend bedrag (eurocent)",
    ]);
    expect(csv.rows.at(-1)).toEqual(["Totaal zonder ingetrokken dossiers", 2, "27000,00", "15000,50", 2_700_000, 1_500_050]);
    // A spreadsheet must read the euro cell as a number: never turned into text by the formula guard.
    expect(toCsv(csv.header, csv.rows)).toContain("\r\nGoedgekeurd;1;18000,00;15000,50;1800000;1500050\r\n");
  });

  it("lists submissions per Brussels day, by ISO date in the CSV", () => {
    // 5 November 22:00 UTC is 23:00 in Brussels: still the 5th, the deadline day.
    expect(tableCsvRows(tables.indieningen).rows).toEqual([
      ["2025-11-03", 1, 1],
      ["2025-11-04", 0, 1],
      ["2025-11-05", 1, 2],
    ]);
    expect(tables.indieningen.rows[0]![0]!.text).toBe("3 november 2025");
  });

  it("gives coverage with percentages with a decimal comma, on the page and in the CSV", () => {
    const antwerpen = tables.dekking.rows.find((row) => row[0]!.text === "Antwerpen")!;
    expect(antwerpen.map((cell) => cell.text)).toEqual(["Antwerpen", "2", "1", "50,0%"]);
    expect(antwerpen.map((cell) => cell.csv)).toEqual(["Antwerpen", 2, 1, "50,0"]);
    expect(tables.dekking.rows.find((row) => row[0]!.text === "Brussel (VGC)")!.map((c) => c.csv)).toEqual([
      "Brussel (VGC)",
      1,
      1,
      "100,0",
    ]);
    expect(tables.dekking.totals[0]!.map((c) => c.csv)).toEqual(["Totaal", 3, 2, "66,7"]);
    expect(tableCsvRows(tables.dekking).header).toEqual([
      "Provincie",
      "Aantal gemeenten",
      "Gemeenten met ingediende aanvraag",
      "Aandeel (%)",
    ]);
  });

  it("reports the decision deadline with days left", () => {
    expect(tableCsvRows(tables.beslissing).rows).toEqual([
      ["Beslissingsdeadline", "2025-12-19"],
      ["Beslist", 1],
      ["Nog te beslissen", 1],
      ["Beslist na de deadline", 0],
      ["Kalenderdagen tot de deadline", 9],
      ["Deadline overschreden met dossiers zonder beslissing", "nee"],
    ]);
    expect(report.deadline.description).toBe("Nog 9 dagen om te beslissen: 1 dossier wacht nog op een beslissing.");
  });

  it("sums the statuses and the budget", () => {
    expect(tables.statussen.totals[0]!.map((c) => c.csv)).toEqual(["Totaal", 3]);
    expect(tableCsvRows(tables.budget)).toEqual({
      header: ["Onderdeel", "Bedrag (EUR)", "Bedrag (eurocent)"],
      rows: [
        ["Budget van de oproep", "2500000,00", 2_500_000_00],
        ["Gevraagd in ingediende dossiers", "27000,00", 2_700_000],
        ["Voorgesteld, nog niet beslist", "0,00", 0],
        ["Toegekend", "15000,50", 1_500_050],
        ["Nog beschikbaar", "2484999,50", 2_500_000_00 - 1_500_050],
      ],
    });
  });
});
