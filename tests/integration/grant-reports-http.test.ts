import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { GrantPhase } from "~/grants/phases";
import { brusselsDate, startOfDay } from "~/utils/time";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// A grant's reports over real HTTP against the built server (docs/decisions/0057): who may see
// them, the deadline by the request's arrival, submission, a request for information and the
// resubmission, four-eyes on the final report's acceptance, and the settlement from it.
let server: RunningServer;
let dossierId: string;
let applicantUser: Awaited<ReturnType<typeof createUser>>;
let outsiderUser: Awaited<ReturnType<typeof createUser>>;
let reviewerUser: Awaited<ReturnType<typeof createUser>>;
let deciderUser: Awaited<ReturnType<typeof createUser>>;
let secondDeciderUser: Awaited<ReturnType<typeof createUser>>;

async function client(user: { email: string }) {
  const http = new HttpClient(server.url);
  await http.login(user.email);
  return http;
}

const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
const report = (phaseKey: string, rest = "") => `/dossiers/${dossierId}/verslagen/${phaseKey}${rest}`;
const payments = () => `/dossiers/${dossierId}/betalingen`;
const row = () =>
  prisma.grantReport.findUniqueOrThrow({ where: { applicationId_phaseKey: { applicationId: dossierId, phaseKey: "eindverslag" } } });

beforeAll(async () => {
  const inADay = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const phases: GrantPhase[] = [
    { kind: "ADVANCE", key: "voorschot", title: "Voorschot (60%)", sharePercent: 60 },
    {
      kind: "REPORT",
      key: "tussentijds",
      title: "Tussentijds verslag",
      reportKind: "INTERIM",
      formKey: "verslag-oefenkansen",
      formVersion: 1,
      opensAt: startOfDay("2026-01-01").toISOString(),
      // Its last accepted instant is now: every request below arrives after it.
      dueAt: new Date().toISOString(),
    },
    {
      kind: "REPORT",
      key: "eindverslag",
      title: "Eindverslag",
      reportKind: "FINAL",
      formKey: "verslag-oefenkansen",
      formVersion: 1,
      opensAt: startOfDay("2026-01-01").toISOString(),
      dueAt: inADay.toISOString(),
    },
    { kind: "SETTLEMENT", key: "afrekening", title: "Afrekening", basis: "REACH" },
  ];
  const call = await createProgrammeAndCall(prisma, {
    code: "OEF",
    opensAt: new Date("2025-11-01"),
    closesAt: new Date("2025-12-15"),
    settings: { phases },
  });
  const organisation = await createOrganisation(prisma, { name: "Gemeente Verslag", nisCode: testNisCode() });
  const application = await createApplication(prisma, {
    callId: call.id,
    organisationId: organisation.id,
    status: "APPROVED",
    data: oefenkansenDraft(),
  });
  await prisma.application.update({ where: { id: application.id }, data: { grantedCents: 1_800_000, reference: "OEF-2026-0951" } });
  dossierId = application.id;
  applicantUser = await createUser(prisma, { memberOf: [organisation.id] });
  const other = await createOrganisation(prisma, { name: "Gemeente Anders", nisCode: testNisCode() });
  outsiderUser = await createUser(prisma, { memberOf: [other.id] });
  reviewerUser = await createUser(prisma, { staffRoles: ["REVIEWER"] });
  deciderUser = await createUser(prisma, { staffRoles: ["DECIDER"] });
  secondDeciderUser = await createUser(prisma, { staffRoles: ["DECIDER"] });
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

describe("the reports of a grant", () => {
  it("are for the dossier's organisation only; the timeline links to the open report", async () => {
    const outsider = await client(outsiderUser);
    expect((await outsider.get(report("eindverslag", "/stap/bereik"))).status).toBe(404);
    expect((await outsider.post(report("eindverslag", "/stap/bereik"), { intent: "save", bereikteDeelnemers: "1" })).status).toBe(404);
    const reviewer = await client(reviewerUser);
    expect((await reviewer.get(report("eindverslag", "/stap/bereik"))).status).toBe(404);
    const applicant = await client(applicantUser);
    const dossier = await text(await applicant.get(`/dossiers/${dossierId}`));
    expect(dossier).toContain(`href="${report("eindverslag")}"`);
    expect(dossier).toContain("Verslag invullen");
    expect(await prisma.grantReport.count({ where: { applicationId: dossierId } })).toBe(0);
  });

  it("refuses a report whose deadline passed, by the request's arrival", async () => {
    const applicant = await client(applicantUser);
    const late = await applicant.post(report("tussentijds", "/overzicht"), { baseVersion: "0" });
    expect(late.status).toBe(409);
    expect(await text(late)).toContain("De termijn voor dit verslag is verstreken op");
    const save = await applicant.post(report("tussentijds", "/stap/bereik"), { intent: "save", baseVersion: "0", bereikteDeelnemers: "5" });
    expect(save.status).toBe(403);
    expect(await prisma.grantReport.count({ where: { applicationId: dossierId, phaseKey: "tussentijds" } })).toBe(0);
  });

  it("is filled with the wizard (Dutch messages next to the field) and submitted, with an e-mail", async () => {
    const applicant = await client(applicantUser);
    const page = await text(await applicant.get(report("eindverslag", "/stap/bereik")));
    expect(page).toContain("Aantal deelnemers dat aan een oefenkans deelnam");
    const wrong = await applicant.post(report("eindverslag", "/stap/bereik"), {
      intent: "next",
      baseVersion: "0",
      bereikteDeelnemers: "veel",
    });
    expect(wrong.status).toBe(400);
    const wrongHtml = await text(wrong);
    expect(wrongHtml).toContain('value="veel"');
    expect(wrongHtml).toMatch(/geheel getal|getal/i);
    const first = await applicant.post(report("eindverslag", "/stap/bereik"), {
      intent: "next",
      baseVersion: "1",
      bereikteDeelnemers: "250",
    });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(report("eindverslag", "/stap/verslag"));
    const second = await applicant.post(report("eindverslag", "/stap/verslag"), {
      intent: "next",
      baseVersion: String((await row()).version),
      verslag: "Wekelijkse praattafels in de bibliotheek.",
      verklaringJuist: "on",
    });
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe(report("eindverslag", "/overzicht"));
    const submitted = await applicant.post(report("eindverslag", "/overzicht"), { baseVersion: String((await row()).version) });
    expect(submitted.status).toBe(302);
    const stored = await row();
    expect(stored).toMatchObject({ status: "SUBMITTED", submittedById: applicantUser.id });
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.emailOutbox.count({ where: { applicationId: dossierId, template: "report-submitted" } })).toBeGreaterThan(0);
  });

  it("goes back to the applicant with questions and is resubmitted", async () => {
    const reviewer = await client(reviewerUser);
    const dueDate = brusselsDate(new Date(Date.now() + 3 * 24 * 60 * 60 * 1000));
    const missing = await reviewer.post(payments(), { form: "report-info", phaseKey: "eindverslag", questions: "", dueDate });
    expect(missing.status).toBe(400);
    const asked = await reviewer.post(payments(), {
      form: "report-info",
      phaseKey: "eindverslag",
      questions: "Telt u de deelnemers van de zomerwerking mee?",
      dueDate,
    });
    expect(asked.status).toBe(200);
    expect((await row()).status).toBe("INFO_REQUESTED");
    expect(await prisma.emailOutbox.count({ where: { applicationId: dossierId, template: "report-info-requested" } })).toBeGreaterThan(0);

    const applicant = await client(applicantUser);
    expect(await text(await applicant.get(report("eindverslag", "/stap/bereik")))).toContain(
      "Telt u de deelnemers van de zomerwerking mee?",
    );
    const changed = await applicant.post(report("eindverslag", "/stap/bereik"), {
      intent: "next",
      baseVersion: String((await row()).version),
      bereikteDeelnemers: "280",
    });
    expect(changed.status).toBe(302);
    expect((await applicant.post(report("eindverslag", "/overzicht"), { baseVersion: String((await row()).version) })).status).toBe(302);
    expect((await row()).status).toBe("SUBMITTED");
  });

  it("is accepted with four eyes: proposed, then accepted by another decider; the settlement uses its reach", async () => {
    const reviewer = await client(reviewerUser);
    const decider = await client(deciderUser);
    const secondDecider = await client(secondDeciderUser);
    const direct = await decider.post(payments(), { form: "report-accept", phaseKey: "eindverslag" });
    expect(direct.status).toBe(409);
    expect(await text(direct)).toContain("Een eindverslag wordt eerst ter goedkeuring voorgesteld");
    expect((await decider.post(payments(), { form: "report-propose", phaseKey: "eindverslag" })).status).toBe(200);
    expect((await row()).status).toBe("ACCEPTANCE_PROPOSED");
    const own = await decider.post(payments(), { form: "report-accept", phaseKey: "eindverslag" });
    expect(own.status).toBe(409);
    expect(await text(own)).toContain("Een eindverslag keurt een andere persoon goed");
    expect((await reviewer.post(payments(), { form: "report-accept", phaseKey: "eindverslag" })).status).toBe(409);
    expect((await secondDecider.post(payments(), { form: "report-accept", phaseKey: "eindverslag" })).status).toBe(200);
    expect((await row()).status).toBe("ACCEPTED");
    expect(await prisma.emailOutbox.count({ where: { applicationId: dossierId, template: "report-accepted" } })).toBeGreaterThan(0);

    const page = await text(await reviewer.get(payments()));
    expect(page).toContain("Uit het goedgekeurde eindverslag: 280 bereikte deelnemers.");
    // The typed figure is not asked for: the accepted report's reach counts.
    expect((await reviewer.post(payments(), { form: "settle" })).status).toBe(200);
    const balance = await prisma.paymentOrder.findFirstOrThrow({ where: { applicationId: dossierId, kind: "BALANCE" } });
    expect(balance.amountCents).toBe(280 * 6000);

    const actions = await prisma.auditEvent.findMany({
      where: { applicationId: dossierId, entityType: "GrantReport" },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "report.submitted",
      "report.info-requested",
      "report.submitted",
      "report.acceptance-proposed",
      "report.accepted",
    ]);
  });
});
