import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "~/applications/submission.server";
import { loadViewer } from "~/auth/viewer.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { saveAssessment } from "~/review/assessment.server";
import { assignApplication } from "~/review/assignment.server";
import { answerInformationRequest, requestInformation } from "~/review/information.server";
import { proposeDecision } from "~/review/proposal.server";
import { rubricFor } from "~/review/rubric";
import { REVIEW_MESSAGES } from "~/review/rules";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The staff screens over real HTTP against the built server and the test's own database: the
// audit trail in sentences, the proposal beside the decision, refused empty scores, labels that
// agree with the server, the envelope warning, the queue's table first; and the assignee's
// e-mail when an applicant answers, in the outbox.
let server: RunningServer;
let call: { id: string };
let reviewerUser: Awaited<ReturnType<typeof createUser>>;
let deciderUser: Awaited<ReturnType<typeof createUser>>;
let reviewer: Viewer;
let seq = 0;
const SCORES = rubricFor("oefenkansen", {}).map((c) => ({ key: c.key, score: 4, motivation: `Goed onderbouwd (${c.label}).` }));

async function named(user: { id: string }, firstName: string, lastName: string) {
  await prisma.user.update({ where: { id: user.id }, data: { firstName, lastName } });
}

/** A submitted Oefenkansen dossier asking € 18.000,00, with its applicant. */
async function submittedDossier() {
  const organisation = await createOrganisation(prisma, { name: `Gemeente Scherm ${++seq}`, nisCode: testNisCode() });
  const user = await createUser(prisma, { memberOf: [organisation.id] });
  await named(user, "An", "Peeters");
  const application = await createApplication(prisma, { callId: call.id, organisationId: organisation.id, data: oefenkansenDraft() });
  const applicant = (await loadViewer(user.id, organisation.id))!;
  expect((await submitApplication({ viewer: applicant, applicationId: application.id, baseVersion: 1 })).status).toBe("submitted");
  return { id: application.id, applicant, user };
}

async function client(user: { email: string; password: string }) {
  const http = new HttpClient(server.url);
  await http.login(user.email);
  return http;
}

/** The page's text between two headings (tags kept). */
function between(html: string, from: string, to?: string): string {
  const start = html.indexOf(from);
  expect(start, from).toBeGreaterThan(-1);
  const end = to ? html.indexOf(to, start) : html.length;
  // React's text separators (<!-- -->) are not part of what a person reads.
  return html.slice(start, end > start ? end : html.length).replaceAll("<!-- -->", "");
}

beforeAll(async () => {
  call = await createProgrammeAndCall(prisma, { code: "OEF", opensAt: new Date("2020-01-01"), closesAt: new Date("2100-01-01") });
  // € 30.000,00: room for one dossier of € 18.000,00, not for a second.
  await prisma.call.update({ where: { id: call.id }, data: { budgetCents: 3_000_000 } });
  reviewerUser = await createUser(prisma, { staffRoles: ["REVIEWER"] });
  await named(reviewerUser, "Els", "Vermeulen");
  deciderUser = await createUser(prisma, { staffRoles: ["DECIDER"] });
  await named(deciderUser, "Pieter", "Claes");
  reviewer = (await loadViewer(reviewerUser.id, null))!;
  server = await startServer({ OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" });
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

describe("the review page", () => {
  it("tells the audit trail in sentences, with the stored details folded away", async () => {
    const { id } = await submittedDossier();
    const colleague = await createUser(prisma, { staffRoles: ["REVIEWER"] });
    await named(colleague, "Jan", "Peeters");
    expect(await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: colleague.id })).toEqual({ ok: true });

    const html = await (await (await client(reviewerUser)).get(`/dossiers/${id}/beoordeling`)).text();
    const trail = between(html, ">Audittrail</h2>", "</ol>");
    expect(trail).toContain("An Peeters diende de aanvraag in.");
    expect(trail).toContain("Els Vermeulen wees het dossier toe aan Jan Peeters.");
    expect(trail).toContain("Jan Peeters nam het dossier in behandeling.");
    // Ids and JSON only inside the folded details.
    const visible = trail.replace(/<details>[\s\S]*?<\/details>/g, "");
    expect(visible).not.toContain(colleague.id);
    expect(visible).not.toMatch(/\{&quot;|\{"/);
    expect(trail).toContain("<details><summary>Details</summary>");
    expect(trail).toContain(colleague.id);
  });

  it("refuses 'Scores bewaren' with nothing filled in, with the message next to the field and in a summary", async () => {
    const { id } = await submittedDossier();
    await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: reviewer.userId });
    const http = await client(reviewerUser);
    const fields = new URLSearchParams([["form", "assess"], ...SCORES.map((s) => ["criterion", s.key])]);
    for (const s of SCORES) fields.append(`motivation-${s.key}`, "");
    const response = await http.post(`/dossiers/${id}/beoordeling`, fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).not.toContain("De scores zijn bewaard.");
    expect(html).toContain("Er is een probleem");
    expect(html).toContain(`href="#veld-score-${SCORES[0]!.key}"`);
    expect(html).toContain(`<p class="field-error" id="fout-${SCORES[0]!.key}">${REVIEW_MESSAGES.noScores}</p>`);
    expect(await prisma.assessment.count({ where: { applicationId: id } })).toBe(0);
  });

  it("shows the decider the proposal's motivation, amount and scores beside the decision form", async () => {
    const { id } = await submittedDossier();
    await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: reviewer.userId });
    expect(await saveAssessment({ viewer: reviewer, applicationId: id, scores: SCORES })).toEqual({ ok: true });
    expect(
      await proposeDecision({
        viewer: reviewer,
        applicationId: id,
        outcome: "PARTIALLY_APPROVED",
        amountCents: 1_234_567,
        motivation: "Het bereik is deels onderbouwd; de helft van de activiteiten volstaat.",
      }),
    ).toEqual({ ok: true });

    const html = await (await (await client(deciderUser)).get(`/dossiers/${id}/beoordeling`)).text();
    const panel = between(html, 'class="decision-panel"', ">Interne notities</h2>");
    expect(panel).toContain("Gedeeltelijk goedkeuren</strong> voor € 12.345,67, door Els Vermeulen");
    expect(panel).toContain("Het bereik is deels onderbouwd; de helft van de activiteiten volstaat.");
    for (const criterion of rubricFor("oefenkansen", {})) expect(panel).toContain(criterion.label);
    expect(panel).toContain(`${SCORES.length * 4} / ${rubricFor("oefenkansen", {}).reduce((sum, c) => sum + c.maxScore, 0)}`);
    expect(panel).toContain('id="beslissen"');
  });

  it("warns the reviewer, computed by the server, when a proposal exceeds what the envelope has left", async () => {
    const first = await submittedDossier();
    const second = await submittedDossier();
    for (const { id } of [first, second]) {
      await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: reviewer.userId });
      await saveAssessment({ viewer: reviewer, applicationId: id, scores: SCORES });
    }
    // Someone else's grant already took € 18.000,00 of the € 30.000,00.
    await prisma.application.update({ where: { id: first.id }, data: { status: "APPROVED", grantedCents: 1_800_000 } });
    const http = await client(reviewerUser);

    const before = await (await http.get(`/dossiers/${second.id}/beoordeling`)).text();
    expect(before).toContain(
      "Het gevraagde bedrag (€ 18.000,00) is meer dan er nog vrij is in het budget van de oproep: € 12.000,00 van € 30.000,00.",
    );
    expect(
      await proposeDecision({
        viewer: reviewer,
        applicationId: second.id,
        outcome: "APPROVED",
        amountCents: null,
        motivation: "Sterk plan.",
      }),
    ).toEqual({ ok: true });
    const after = await (await http.get(`/dossiers/${second.id}/beoordeling`)).text();
    expect(between(after, 'id="voorstel-beoordelaar"')).toContain(
      "Dit voorstel (€ 18.000,00) is meer dan er nog vrij is in het budget van de oproep: € 12.000,00 van € 30.000,00. Een beslisser kan het zo niet goedkeuren.",
    );
  });

  it("marks the reassignment reason as required, as the server treats it", async () => {
    const { id } = await submittedDossier();
    await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: reviewer.userId });
    const colleague = await createUser(prisma, { staffRoles: ["REVIEWER"] });
    const http = await client(reviewerUser);
    const html = await (await http.get(`/dossiers/${id}/beoordeling`)).text();
    const label = between(html, 'for="veld-reason"', "</label>");
    expect(label).toContain("Reden van de nieuwe toewijzing");
    expect(label).not.toContain("optioneel");
    expect(html).toContain("Het dossier is nu toegewezen aan Els Vermeulen.");
    const refused = await http.post(`/dossiers/${id}/beoordeling`, { form: "assign", assigneeId: colleague.id, reason: "" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(REVIEW_MESSAGES.reassignReason);
  });
});

describe("a recognition's decision", () => {
  it("asks for the end of the recognition as required, and the server refuses it empty", async () => {
    const recognition = await createProgrammeAndCall(prisma, {
      kind: "RECOGNITION",
      formKey: "erkenning",
      eligibleKinds: ["VZW"],
      opensAt: new Date("2020-01-01"),
      closesAt: new Date("2100-01-01"),
      settings: { recognitionStartsOn: "2027-01-01" },
    });
    const organisation = await createOrganisation(prisma, { name: "vzw Scherm", kind: "VZW" });
    const application = await createApplication(prisma, { callId: recognition.id, organisationId: organisation.id, status: "PROPOSED" });
    await prisma.application.update({
      where: { id: application.id },
      data: {
        reference: "ERK-2026-0001",
        proposedOutcome: "APPROVED",
        proposedById: reviewerUser.id,
        proposedAt: new Date(),
        assigneeId: reviewerUser.id,
      },
    });
    const http = await client(deciderUser);
    const html = await (await http.get(`/dossiers/${application.id}/beoordeling`)).text();
    const label = between(html, 'for="veld-recognitionEndsOn"', "</label>");
    expect(label).toContain("Einde van de erkenning");
    expect(label).not.toContain("optioneel");
    expect(html).toContain("De erkenning begint op 1 januari 2027.");
    const refused = await http.post(`/dossiers/${application.id}/beoordeling`, {
      form: "decide",
      choice: "decide",
      motivation: "Erkend.",
      recognitionEndsOn: "",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(REVIEW_MESSAGES.periodRequired);
  });
});

describe("the queue", () => {
  it("puts the table of dossiers before the shortcuts, deadlines and recognition links", async () => {
    const html = await (await (await client(reviewerUser)).get("/te-beoordelen")).text();
    const table = html.indexOf("<table");
    expect(table).toBeGreaterThan(-1);
    for (const block of ["Snel naar</h2>", "Beslissingstermijnen</h2>"]) expect(html.indexOf(block), block).toBeGreaterThan(table);
  });
});

describe("an applicant's answer", () => {
  it("queues an e-mail to the assigned reviewer with the question and the answer, in the answer's transaction", async () => {
    const { id, applicant, user } = await submittedDossier();
    await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: reviewer.userId });
    expect(
      await requestInformation({
        viewer: reviewer,
        applicationId: id,
        questions: "Hoeveel leerders per activiteit?",
        dueDate: "2099-12-31",
      }),
    ).toEqual({ ok: true });

    // The applicant answers through the portal, as a browser posts the form.
    const http = await client(user);
    const form = new FormData();
    form.append("answer", "Ongeveer 150 per activiteit.");
    const response = await http.postForm(`/dossiers/${id}/antwoord`, form);
    expect(response.status).toBe(302);
    void applicant;

    const mails = await prisma.emailOutbox.findMany({ where: { applicationId: id, template: "answer-to-assignee" } });
    expect(mails.map((m) => m.toAddress)).toEqual([reviewerUser.email]);
    expect(mails[0]!.subject).toMatch(/^Antwoord op uw vraag voor dossier OEF-/);
    expect(mails[0]!.textBody).toContain("Hoeveel leerders per activiteit?");
    expect(mails[0]!.textBody).toContain("Ongeveer 150 per activiteit.");
    expect(mails[0]!.textBody).toContain(`/dossiers/${id}/beoordeling`);
    // The assignee's message replaces the notice to every reviewer, so nobody gets it twice.
    expect(await prisma.emailOutbox.count({ where: { applicationId: id, template: "answer-received" } })).toBe(0);

    // A refused answer (nothing open any more) queues nothing more.
    expect(await answerInformationRequest({ viewer: applicant, applicationId: id, answer: "Nog eens.", files: [] })).toMatchObject({
      ok: false,
    });
    expect(await prisma.emailOutbox.count({ where: { applicationId: id, template: "answer-to-assignee" } })).toBe(1);
  });
});
