import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "~/applications/submission.server";
import { loadViewer } from "~/auth/viewer.server";
import { LETTER_FORM_MESSAGES } from "~/calls/letter-form";
import { prisma } from "~/db.server";
import { ORGANISATION_LETTER_MESSAGES } from "~/admin/organisation-letter-form";
import type { Viewer } from "~/domain/permissions";
import { saveAssessment } from "~/review/assessment.server";
import { assignApplication } from "~/review/assignment.server";
import { DECISION_LETTER_FIELD } from "~/review/letter.server";
import { proposeDecision } from "~/review/proposal.server";
import { rubricFor } from "~/review/rubric";
import { oefenkansenDraft } from "../support/answers";
import { callEditForm } from "../support/call-edit-form";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { flowed, inspectPdf } from "../support/pdf-tools";
import { startServer, type RunningServer } from "../support/server";

// Issue 12: administrators edit a call's letter texts, an organisation's organ and address and
// a decider's function over real HTTP; the preview and the next real letter carry them, read
// with pdftotext and checked with qpdf.

let server: RunningServer;
let call: { id: string };
let admin: Awaited<ReturnType<typeof createUser>>;
let decider: Awaited<ReturnType<typeof createUser>>;
let reviewer: Viewer;
let reviewerUser: Awaited<ReturnType<typeof createUser>>;
let official: Awaited<ReturnType<typeof createUser>>;
let organisation: { id: string; name: string };

const OWN_APPEAL = [
  "U kunt binnen 30 dagen een bezwaar indienen bij de Testcommissie voor Oefenkansen, Voorbeeldlaan 7, 1000 Brussel.",
  "Daarna staat een beroep open bij de Raad voor Testgeschillen.",
];
const UNSAVED_APPEAL = "Deze beroepsweg is nog niet bewaard en staat alleen in het voorbeeld.";

/** React's escaping of text in markup: what a message looks like in the page's HTML. */
const escaped = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const fieldError = (field: string, message: string) =>
  `<p id="veld-${field}-error" class="field-error"><span class="visually-hidden">Fout: </span>${escaped(message)}</p>`;
const html = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");

async function client(user: { email: string }) {
  const http = new HttpClient(server.url);
  await http.login(user.email);
  return http;
}

async function pdfOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await inspectPdf(Buffer.from(await response.arrayBuffer()));
  expect(pdf.qpdfCheck.ok, pdf.qpdfCheck.output).toBe(true);
  return pdf;
}

beforeAll(async () => {
  call = await createProgrammeAndCall(prisma, { code: "OEF", opensAt: new Date("2020-01-01"), closesAt: new Date("2100-01-01") });
  await prisma.call.update({ where: { id: call.id }, data: { budgetCents: 5_000_000 } });
  admin = await createUser(prisma, { staffRoles: ["ADMIN"] });
  decider = await createUser(prisma, { staffRoles: ["DECIDER"] });
  reviewerUser = await createUser(prisma, { staffRoles: ["REVIEWER"] });
  reviewer = (await loadViewer(reviewerUser.id, null))!;
  organisation = await createOrganisation(prisma, { name: "Interlokale Vereniging Scheldeland", kind: "IGS", kboNumber: "0412345614" });
  official = await createUser(prisma, { memberOf: [organisation.id] });
  server = await startServer({ OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" });
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

describe("the letter texts of a call", () => {
  it("are shown in the editor as the letter uses them: the programme's legal basis and default routes", async () => {
    const page = await html(await (await client(admin)).get(`/beheer/oproepen/${call.id}`));
    expect(page).toContain("Beslissingsbrief");
    expect(page).toMatch(/<textarea[^>]*name="letterLegalBasis"[^>]*>Testbesluit<\/textarea>/);
    expect(page).toContain("Raad van State, afdeling Bestuursrechtspraak");
    expect(page).toContain(`/beheer/oproepen/${call.id}/voorbeeldbrief`);
  });

  it("shows bad texts again with a Dutch message next to the field, keeps what was typed and saves nothing", async () => {
    const before = (await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings;
    const tooMany = Array.from({ length: 11 }, (_, index) => `Punt ${index + 1} van een te lange lijst.`).join("\n\n");
    const response = await (
      await client(admin)
    ).post(
      `/beheer/oproepen/${call.id}`,
      await callEditForm(prisma, call.id, {
        letterAppealRoutes: tooMany,
        letterContactName: "Team Test",
        letterContactEmail: "geen-adres",
      }),
    );
    expect(response.status).toBe(400);
    const page = await html(response);
    expect(page).toContain(fieldError("letterAppealRoutes", LETTER_FORM_MESSAGES.tooManyPoints));
    expect(page).toContain(fieldError("letterContactEmail", LETTER_FORM_MESSAGES.email));
    expect(page).toContain('class="error-summary"');
    expect(page).toContain("Punt 11 van een te lange lijst.");
    expect(page).toContain('value="geen-adres"');
    expect(page).toContain('value="Team Test"');
    expect((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings).toBe(before);
  });

  it("saves the administrator's appeal routes and only what differs from the programme", async () => {
    const response = await (
      await client(admin)
    ).post(`/beheer/oproepen/${call.id}`, await callEditForm(prisma, call.id, { letterAppealRoutes: OWN_APPEAL.join("\n\n") }));
    expect(response.status).toBe(200);
    expect(await html(response)).toContain("De oproep is bijgewerkt.");
    const settings = JSON.parse((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings) as Record<string, unknown>;
    expect(settings.letter).toEqual({ appealRoutes: OWN_APPEAL });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: call.id, action: "call.updated" },
      orderBy: { at: "desc" },
    });
    expect(audit.after).toContain("Testcommissie voor Oefenkansen");
  });

  it("previews the saved texts on a made-up dossier marked VOORBEELD, unsealed, for administrators", async () => {
    const pdf = await pdfOf(await (await client(admin)).get(`/beheer/oproepen/${call.id}/voorbeeldbrief`));
    const text = flowed(pdf.text);
    expect(pdf.info["Title"]).toContain("VOORBEELD");
    expect(text).toContain("VOORBEELD – geen beslissing.");
    expect(text.match(/VOORBEELD · Agentschap Integratie en Inburgering/g)?.length).toBe(Number(pdf.info["Pages"]));
    for (const route of OWN_APPEAL) expect(text).toContain(route);
    expect(text).not.toContain("Raad van State");
    expect(text).toContain("Deze beslissing steunt op: Testbesluit.");
    expect(text).toContain("Aan het college van burgemeester en schepenen van Voorbeeldstad");
    expect(text).not.toContain(organisation.name);
    expect(text).toContain("Het is niet elektronisch verzegeld.");
  });

  it("previews unsaved texts posted from the editor, without saving them", async () => {
    const before = (await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings;
    const body = await callEditForm(prisma, call.id, { letterAppealRoutes: UNSAVED_APPEAL, letterLegalBasis: "Decreet A\n\nOproep B" });
    const pdf = await pdfOf(await (await client(admin)).post(`/beheer/oproepen/${call.id}/voorbeeldbrief`, body));
    const text = flowed(pdf.text);
    expect(text).toContain(UNSAVED_APPEAL);
    expect(text).not.toContain(OWN_APPEAL[0]);
    expect(text).toContain("Deze beslissing steunt op: • Decreet A • Oproep B");
    expect((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings).toBe(before);
  });

  it("answers a bad preview post in plain Dutch without a PDF", async () => {
    const body = await callEditForm(prisma, call.id, { letterContactEmail: "nergens", letterContactName: "" });
    const response = await (await client(admin)).post(`/beheer/oproepen/${call.id}/voorbeeldbrief`, body);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`Contact voor vragen: e-mailadres: ${LETTER_FORM_MESSAGES.email}`);
  });

  it("refuses the preview to everyone but administrators", async () => {
    const path = `/beheer/oproepen/${call.id}/voorbeeldbrief`;
    for (const user of [reviewerUser, decider, official]) {
      const http = await client(user);
      const get = await http.get(path);
      expect(get.status, user.email).toBe(403);
      expect(get.headers.get("content-type")).not.toBe("application/pdf");
      expect((await http.post(path, await callEditForm(prisma, call.id))).status).toBe(403);
    }
    const anonymous = await new HttpClient(server.url).get(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/aanmelden/);
    expect((await (await client(admin)).get("/beheer/oproepen/bestaat-niet/voorbeeldbrief")).status).toBe(404);
  });
});

describe("an organisation's organ and address, and the signatory's function", () => {
  it("refuses an incomplete address and an organ without article in Dutch next to the field, keeping the input", async () => {
    const response = await (
      await client(admin)
    ).post(`/beheer/organisaties/${organisation.id}`, {
      intent: "letter-details",
      boardName: "Beheerscomité",
      addressStreet: "Kaai 3",
      addressPostalCode: "92000",
      addressCity: "",
    });
    expect(response.status).toBe(400);
    const page = await html(response);
    expect(page).toContain(fieldError("boardName", ORGANISATION_LETTER_MESSAGES.boardArticle));
    expect(page).toContain(fieldError("addressPostalCode", ORGANISATION_LETTER_MESSAGES.postalCode));
    expect(page).toContain(fieldError("addressCity", ORGANISATION_LETTER_MESSAGES.addressIncomplete));
    expect(page).toContain('value="92000"');
    expect(page).toContain('value="Kaai 3"');
    expect(await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      boardName: null,
      addressStreet: null,
    });
  });

  it("end up in the next decision letter, with the call's appeal routes", async () => {
    const adminClient = await client(admin);
    const saved = await adminClient.post(`/beheer/organisaties/${organisation.id}`, {
      intent: "letter-details",
      boardName: "het beheerscomité",
      addressStreet: "Kaai 3",
      addressPostalCode: "9200",
      addressCity: "Dendermonde",
    });
    expect(saved.status).toBe(200);
    expect(await html(saved)).toContain("Het adres en het bestuursorgaan zijn bewaard.");
    const job = await adminClient.post(`/beheer/gebruikers/${decider.id}`, { intent: "job-title", jobTitle: "diensthoofd Subsidies" });
    expect(job.status).toBe(200);
    expect(await html(job)).toContain("De functie is bewaard.");
    expect(await prisma.auditEvent.count({ where: { entityId: organisation.id, action: "organisation.updated" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: decider.id, action: "user.job-title" } })).toBe(1);

    // A dossier of the organisation, submitted and proposed; the decider decides over HTTP.
    await prisma.call.update({ where: { id: call.id }, data: { eligibleKinds: { create: { organisationKind: "IGS" } } } });
    const application = await createApplication(prisma, { callId: call.id, organisationId: organisation.id, data: oefenkansenDraft() });
    const applicant = (await loadViewer(official.id, organisation.id))!;
    expect((await submitApplication({ viewer: applicant, applicationId: application.id, baseVersion: 1 })).status).toBe("submitted");
    expect(await assignApplication({ viewer: reviewer, applicationId: application.id, assigneeId: reviewer.userId })).toEqual({ ok: true });
    const scores = rubricFor("oefenkansen", {}).map((c) => ({ key: c.key, score: 4, motivation: "Goed." }));
    expect(await saveAssessment({ viewer: reviewer, applicationId: application.id, scores })).toEqual({ ok: true });
    expect(
      await proposeDecision({
        viewer: reviewer,
        applicationId: application.id,
        outcome: "APPROVED",
        amountCents: null,
        motivation: "Voldoet.",
      }),
    ).toEqual({ ok: true });
    const decided = await (
      await client(decider)
    ).post(`/dossiers/${application.id}/beoordeling`, { form: "decide", choice: "decide", motivation: "Conform het voorstel." });
    expect(decided.status).toBe(200);

    const letter = await prisma.attachment.findFirstOrThrow({ where: { applicationId: application.id, fieldKey: DECISION_LETTER_FIELD } });
    const pdf = await pdfOf(await (await client(official)).get(`/bijlagen/${letter.id}`));
    const lines = pdf.text.split("\n");
    const text = flowed(pdf.text);
    expect(lines).toContain(`Aan het beheerscomité van ${organisation.name}`);
    expect(text).toContain("Kaai 3 9200 Dendermonde");
    expect(text).toContain("Geachte leden van het beheerscomité,");
    expect(lines).toContain("diensthoofd Subsidies");
    for (const route of OWN_APPEAL) expect(text).toContain(route);
    expect(text).not.toContain("Raad van State");
    expect(text).not.toContain("VOORBEELD");
  });
});
