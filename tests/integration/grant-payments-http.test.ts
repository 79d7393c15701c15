import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PAYMENT_EXPORT_COLUMNS } from "~/grants/payment-export.server";
import { defaultPhases, phaseProfileFor } from "~/grants/phases";
import { xlsxColumns } from "~/review/export-table";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { readCsv } from "../support/csv-reader";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The grant's follow-up over real HTTP against the built server: the staff page's forms from
// advance to settlement with four-eyes, Dutch messages for bad input, and who may see it.
let server: RunningServer;
let dossierId: string;
let reviewerUser: Awaited<ReturnType<typeof createUser>>;
let deciderUser: Awaited<ReturnType<typeof createUser>>;
let applicantUser: Awaited<ReturnType<typeof createUser>>;
let outsiderUser: Awaited<ReturnType<typeof createUser>>;

async function client(user: { email: string }) {
  const http = new HttpClient(server.url);
  await http.login(user.email);
  return http;
}

const page = (id = dossierId) => `/dossiers/${id}/betalingen`;
const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");

beforeAll(async () => {
  const call = await createProgrammeAndCall(prisma, {
    code: "OEF",
    opensAt: new Date("2025-11-01"),
    closesAt: new Date("2025-12-15"),
    settings: { phases: defaultPhases(phaseProfileFor("oefenkansen", "FUNDING"), { startsOn: "2026-01-01", endsOn: "2026-12-31" }) },
  });
  await prisma.call.update({ where: { id: call.id }, data: { budgetCents: 10_000_000 } });
  const organisation = await createOrganisation(prisma, { name: "Gemeente Betaal", nisCode: testNisCode() });
  const application = await createApplication(prisma, {
    callId: call.id,
    organisationId: organisation.id,
    status: "APPROVED",
    data: oefenkansenDraft(),
  });
  await prisma.application.update({ where: { id: application.id }, data: { grantedCents: 1_800_000, reference: "OEF-2026-0901" } });
  dossierId = application.id;
  reviewerUser = await createUser(prisma, { staffRoles: ["REVIEWER"] });
  deciderUser = await createUser(prisma, { staffRoles: ["DECIDER"] });
  applicantUser = await createUser(prisma, { memberOf: [organisation.id] });
  const other = await createOrganisation(prisma, { name: "Gemeente Elders", nisCode: testNisCode() });
  outsiderUser = await createUser(prisma, { memberOf: [other.id] });
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

describe("the follow-up of a grant", () => {
  it("is for AgII staff only; the applicant sees the phases on the dossier page", async () => {
    const applicant = await client(applicantUser);
    expect((await applicant.get(page())).status).toBe(403);
    expect((await applicant.post(page(), { form: "advance", phaseKey: "voorschot" })).status).toBe(403);
    const dossier = await text(await applicant.get(`/dossiers/${dossierId}`));
    expect(dossier).toContain("Na de beslissing");
    expect(dossier).toContain("Voorschot (60%)");
    expect(dossier).toContain("€ 10.800,00");
    expect(dossier).toContain("Eindverslag");
    const outsider = await client(outsiderUser);
    expect((await outsider.get(`/dossiers/${dossierId}`)).status).toBe(404);
    expect(await prisma.paymentOrder.count({ where: { applicationId: dossierId } })).toBe(0);
  });

  it("goes from the advance to the balance through the page's forms, four-eyes, with Dutch messages", async () => {
    const reviewer = await client(reviewerUser);
    const decider = await client(deciderUser);
    const before = await text(await reviewer.get(page()));
    expect(before).toContain("Voorschot (60%) voorbereiden");

    expect((await reviewer.post(page(), { form: "advance", phaseKey: "voorschot" })).status).toBe(200);
    const order = await prisma.paymentOrder.findFirstOrThrow({ where: { applicationId: dossierId } });
    expect(order).toMatchObject({ kind: "ADVANCE", amountCents: 1_080_000, status: "TO_APPROVE" });

    // The reviewer cannot approve; the decider can, and books the payment on a real date only.
    expect((await reviewer.post(page(), { form: "approve", orderId: order.id })).status).toBe(409);
    expect((await decider.post(page(), { form: "approve", orderId: order.id })).status).toBe(200);
    const badDate = await decider.post(page(), { form: "paid", orderId: order.id, paidOn: "2026-02-30" });
    expect(badDate.status).toBe(409);
    expect(await text(badDate)).toContain("Geef een geldige datum op, niet in de toekomst.");
    expect((await decider.post(page(), { form: "paid", orderId: order.id, paidOn: "2026-02-02" })).status).toBe(200);

    const bad = await reviewer.post(page(), { form: "settle", basis: "REACH", figure: "tweehonderd" });
    expect(bad.status).toBe(400);
    const badHtml = await text(bad);
    expect(badHtml).toContain("Geef een geheel aantal deelnemers op, bv. 280.");
    expect(badHtml).toContain('value="tweehonderd"');
    const settled = await reviewer.post(page(), { form: "settle", basis: "REACH", figure: "280" });
    expect(settled.status).toBe(200);
    const after = await text(settled);
    expect(after).toContain("De subsidie is afgerekend.");
    expect(after).toContain("€ 6.000,00");
    expect(after).toContain("Betaald op 2 februari 2026");
    const balance = await prisma.paymentOrder.findFirstOrThrow({ where: { applicationId: dossierId, kind: "BALANCE" } });
    expect(balance.amountCents).toBe(600_000);
  });

  it("exports the call's orders for finance: typed euro cells in XLSX, decimal comma in CSV, audited; staff only", async () => {
    const reviewer = await client(reviewerUser);
    const { callId } = await prisma.application.findUniqueOrThrow({ where: { id: dossierId }, select: { callId: true } });
    const overview = await text(await reviewer.get(`/te-beoordelen/oproepen/${callId}`));
    expect(overview).toContain("Vastgelegd in betalingsopdrachten");
    expect(overview).toContain("€ 16.800,00");

    const csv = await reviewer.get(`/te-beoordelen/oproepen/${callId}/betalingen.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = readCsv((await csv.text()).replace(/^\uFEFF/, ""));
    const header = rows[0]!;
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows).toHaveLength(3);
    expect(
      rows
        .slice(1)
        .map((row) => [column(row, "Soort"), column(row, "Bedrag (EUR, terugvordering negatief)"), column(row, "Bedrag (eurocent)")]),
    ).toEqual([
      ["Voorschot", "10800,00", "1080000"],
      ["Saldo", "6000,00", "600000"],
    ]);
    expect(column(rows[1]!, "Betaald of ontvangen op")).toBe("2026-02-02");

    const xlsx = await reviewer.get(`/te-beoordelen/oproepen/${callId}/betalingen.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("Betalingen")!;
    const headers = xlsxColumns(PAYMENT_EXPORT_COLUMNS).map((c) => c.header);
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]); // exceljs rows are 1-based
    const amount = sheet.getRow(2).getCell(headers.indexOf("Bedrag (EUR, terugvordering negatief)") + 1);
    expect(amount).toMatchObject({ type: ExcelJS.ValueType.Number, value: 10_800 });
    expect(amount.numFmt).toBe("[$€-813] #,##0.00");
    const paidOn = sheet.getRow(2).getCell(headers.indexOf("Betaald of ontvangen op") + 1);
    expect(paidOn.type).toBe(ExcelJS.ValueType.Date);
    expect(headers).not.toContain("Bedrag (eurocent)");
    expect(await prisma.auditEvent.count({ where: { action: "payment.export", entityId: callId } })).toBe(2);

    const applicant = await client(applicantUser);
    expect((await applicant.get(`/te-beoordelen/oproepen/${callId}/betalingen.xlsx`)).status).toBe(403);
  });

  it("answers a post without a known form with 400 and a Dutch message, never 500", async () => {
    const reviewer = await client(reviewerUser);
    const response = await reviewer.post(page(), { form: "betaal-alles" });
    expect(response.status).toBe(400);
    expect(await text(response)).toContain("Onbekende handeling.");
  });
});
