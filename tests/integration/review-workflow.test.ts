import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "~/applications/submission.server";
import { loadViewer } from "~/auth/viewer.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { saveAssessment } from "~/review/assessment.server";
import { assignApplication } from "~/review/assignment.server";
import { decideProposal } from "~/review/decision.server";
import { answerInformationRequest, requestInformation } from "~/review/information.server";
import { DECISION_LETTER_FIELD } from "~/review/letter.server";
import { addReviewNote } from "~/review/notes.server";
import { proposeDecision } from "~/review/proposal.server";
import { rubricFor } from "~/review/rubric";
import { REVIEW_MESSAGES } from "~/review/rules";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { flowed, inspectPdf } from "../support/pdf-tools";
import { startServer, type RunningServer } from "../support/server";

// The AgII workflow from submitted to decided, against the test's own SQLite file: who may do
// what, the envelope under concurrency, the audit trail, and what the applicant gets to see.

let reviewer: Viewer;
let otherReviewer: Viewer;
let decider: Viewer;
let reviewerAndDecider: Viewer;
let call: { id: string };
let seq = 0;

async function viewer(user: { id: string }, organisationId: string | null = null): Promise<Viewer> {
  return (await loadViewer(user.id, organisationId))!;
}

const SCORES = rubricFor("oefenkansen", {}).map((c) => ({ key: c.key, score: 4, motivation: `Goed onderbouwd (${c.label}).` }));

/** A submitted Oefenkansen dossier asking € 18.000,00, and its applicant. */
async function submittedDossier(callId = call.id) {
  const organisation = await createOrganisation(prisma, { name: `Gemeente ${++seq}`, nisCode: testNisCode() });
  const user = await createUser(prisma, { memberOf: [organisation.id], password: "correct-horse-battery-staple" });
  const application = await createApplication(prisma, { callId, organisationId: organisation.id, data: oefenkansenDraft() });
  const applicant = await viewer(user, organisation.id);
  expect((await submitApplication({ viewer: applicant, applicationId: application.id, baseVersion: 1 })).status).toBe("submitted");
  return { application, applicant, user, organisation };
}

/** Takes a dossier into review, scores it and proposes. */
async function proposed(
  applicationId: string,
  outcome: "APPROVED" | "PARTIALLY_APPROVED" | "REFUSED" = "APPROVED",
  amountCents: number | null = null,
) {
  expect(await assignApplication({ viewer: reviewer, applicationId, assigneeId: reviewer.userId })).toEqual({ ok: true });
  expect(await saveAssessment({ viewer: reviewer, applicationId, scores: SCORES })).toEqual({ ok: true });
  expect(await proposeDecision({ viewer: reviewer, applicationId, outcome, amountCents, motivation: "Voldoet aan de criteria." })).toEqual({
    ok: true,
  });
}

beforeAll(async () => {
  call = await createProgrammeAndCall(prisma, {
    code: "OEF",
    opensAt: new Date("2020-01-01"),
    closesAt: new Date("2100-01-01"),
  });
  await prisma.call.update({ where: { id: call.id }, data: { budgetCents: 5_000_000 } });
  reviewer = await viewer(await createUser(prisma, { staffRoles: ["REVIEWER"] }));
  otherReviewer = await viewer(await createUser(prisma, { staffRoles: ["REVIEWER"] }));
  decider = await viewer(await createUser(prisma, { staffRoles: ["DECIDER"] }));
  reviewerAndDecider = await viewer(await createUser(prisma, { staffRoles: ["REVIEWER", "DECIDER"] }));
});

afterAll(async () => prisma.$disconnect());

describe("from submitted to decided", () => {
  it("goes through assignment, scores, a request for information, an answer, a proposal and a decision, every step audited", async () => {
    const { application, applicant } = await submittedDossier();
    const id = application.id;
    const auditBefore = await prisma.auditEvent.count({ where: { applicationId: id } });

    expect(await assignApplication({ viewer: reviewer, applicationId: id, assigneeId: reviewer.userId })).toEqual({ ok: true });
    expect(await assignApplication({ viewer: otherReviewer, applicationId: id, assigneeId: otherReviewer.userId })).toEqual({
      ok: false,
      field: "reason",
      message: REVIEW_MESSAGES.reassignReason,
    });
    expect(await saveAssessment({ viewer: reviewer, applicationId: id, scores: SCORES.slice(0, 2) })).toEqual({ ok: true });
    expect(await proposeDecision({ viewer: reviewer, applicationId: id, outcome: "APPROVED", amountCents: null, motivation: "x" })).toEqual(
      {
        ok: false,
        message: REVIEW_MESSAGES.assessmentIncomplete,
      },
    );
    expect(
      await requestInformation({
        viewer: reviewer,
        applicationId: id,
        questions: "Hoeveel leerders per activiteit?",
        dueDate: "2099-12-31",
      }),
    ).toEqual({
      ok: true,
    });
    expect(
      await answerInformationRequest({ viewer: applicant, applicationId: id, answer: "Ongeveer 150 per activiteit.", files: [] }),
    ).toEqual({
      ok: true,
    });
    expect(await saveAssessment({ viewer: reviewer, applicationId: id, scores: SCORES })).toEqual({ ok: true });
    expect(
      await proposeDecision({
        viewer: reviewer,
        applicationId: id,
        outcome: "PARTIALLY_APPROVED",
        amountCents: 1_200_000,
        motivation: "Bereik deels onderbouwd.",
      }),
    ).toEqual({ ok: true });
    expect(await decideProposal({ viewer: decider, applicationId: id, choice: "decide", motivation: "Conform het voorstel." })).toEqual({
      ok: true,
    });

    const decided = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(decided).toMatchObject({ status: "PARTIALLY_APPROVED", grantedCents: 1_200_000, decisionMotivation: "Conform het voorstel." });
    const history = await prisma.informationRequest.findMany({ where: { applicationId: id } });
    expect(history.map((r) => [r.questions, r.answer])).toEqual([["Hoeveel leerders per activiteit?", "Ongeveer 150 per activiteit."]]);

    const actions = (
      await prisma.auditEvent.findMany({ where: { applicationId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], skip: auditBefore })
    ).map((e) => (e.action === "application.status" ? `status:${JSON.parse(e.after!).status}` : e.action));
    expect(actions).toEqual([
      "application.assigned",
      "status:IN_REVIEW",
      ...SCORES.slice(0, 2).map(() => "assessment.score"),
      "status:INFO_REQUESTED",
      "status:IN_REVIEW",
      ...SCORES.slice(2).map(() => "assessment.score"),
      "status:PROPOSED",
      "status:PARTIALLY_APPROVED",
      "attachment.generated",
      "application.decision",
    ]);

    // The letter is stored with the dossier and attached to the applicant's decision e-mail.
    const letter = await prisma.attachment.findFirstOrThrow({ where: { applicationId: id, fieldKey: DECISION_LETTER_FIELD } });
    expect(letter.mimeType).toBe("application/pdf");
    const mail = await prisma.emailOutbox.findFirstOrThrow({
      where: { applicationId: id, template: "decision" },
      include: { attachments: true },
    });
    expect(mail.attachments[0]!.filename).toBe(letter.fileName);
  });

  it("refuses a decision by the reviewer who proposed, even when they also hold the decider role", async () => {
    const { application } = await submittedDossier();
    await assignApplication({ viewer: reviewerAndDecider, applicationId: application.id, assigneeId: reviewerAndDecider.userId });
    await saveAssessment({ viewer: reviewerAndDecider, applicationId: application.id, scores: SCORES });
    await proposeDecision({
      viewer: reviewerAndDecider,
      applicationId: application.id,
      outcome: "APPROVED",
      amountCents: null,
      motivation: "Goed.",
    });
    expect(
      await decideProposal({ viewer: reviewerAndDecider, applicationId: application.id, choice: "decide", motivation: "Ok." }),
    ).toEqual({
      ok: false,
      message: "U hebt dit voorstel zelf gedaan. Een andere beslisser moet erover beslissen (vier-ogenprincipe).",
    });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("PROPOSED");
  });

  it("refuses a decision by a reviewer", async () => {
    const { application } = await submittedDossier();
    await proposed(application.id);
    expect(await decideProposal({ viewer: otherReviewer, applicationId: application.id, choice: "decide", motivation: "Ok." })).toEqual({
      ok: false,
      message: "Alleen een beslisser van het agentschap kan beslissen.",
    });
  });

  it("never lets two simultaneous decisions exceed the call's envelope", async () => {
    const tight = await createProgrammeAndCall(prisma, { opensAt: new Date("2020-01-01"), closesAt: new Date("2100-01-01") });
    // Room for one grant of € 18.000,00, not for two.
    await prisma.call.update({ where: { id: tight.id }, data: { budgetCents: 3_000_000 } });
    const first = await submittedDossier(tight.id);
    const second = await submittedDossier(tight.id);
    await proposed(first.application.id);
    await proposed(second.application.id);
    const results = await Promise.all([
      decideProposal({ viewer: decider, applicationId: first.application.id, choice: "decide", motivation: "Conform." }),
      decideProposal({ viewer: decider, applicationId: second.application.id, choice: "decide", motivation: "Conform." }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      message: "Dit bedrag past niet meer in het budget van de oproep: er blijft € 12.000,00 over van € 30.000,00.",
    });
    const granted = await prisma.application.aggregate({ where: { callId: tight.id, status: "APPROVED" }, _sum: { grantedCents: true } });
    expect(granted._sum.grantedCents).toBe(1_800_000);
  });

  it("keeps a partial approval between nothing and the requested amount", async () => {
    const { application } = await submittedDossier();
    await assignApplication({ viewer: reviewer, applicationId: application.id, assigneeId: reviewer.userId });
    await saveAssessment({ viewer: reviewer, applicationId: application.id, scores: SCORES });
    expect(
      await proposeDecision({
        viewer: reviewer,
        applicationId: application.id,
        outcome: "PARTIALLY_APPROVED",
        amountCents: 1_800_000,
        motivation: "x",
      }),
    ).toEqual({
      ok: false,
      field: "amount",
      message: "Een gedeeltelijke goedkeuring is meer dan € 0,00 en minder dan het gevraagde bedrag (€ 18.000,00).",
    });
  });
});

describe("what the applicant sees", () => {
  let server: RunningServer;
  beforeAll(async () => {
    // This test writes to the database itself; the server's background jobs would be a second
    // writer on the same SQLite file (the portal runs them in its one server process).
    server = await startServer({ OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" });
  });
  afterAll(async () => server?.stop());

  it("lets the applicant download a PDF/A letter that names the organisation and the decider exactly", async () => {
    const organisationName = "Kültür ve Dayanışma Derneği vzw";
    const own = await createProgrammeAndCall(prisma, {
      opensAt: new Date("2020-01-01"),
      closesAt: new Date("2100-01-01"),
      eligibleKinds: ["VZW"],
      settings: { letter: { contact: { name: "Team Oefenkansen", email: "oefenkansen@agii.example" } } },
    });
    const organisation = await prisma.organisation.create({
      data: {
        name: organisationName,
        kind: "VZW",
        kboNumber: "0200000043",
        province: "Oost-Vlaanderen",
        addressStreet: "Sleepstraat 12",
        addressPostalCode: "9000",
        addressCity: "Gent",
      },
    });
    const user = await createUser(prisma, { memberOf: [organisation.id] });
    const application = await createApplication(prisma, { callId: own.id, organisationId: organisation.id, data: oefenkansenDraft() });
    expect(
      (await submitApplication({ viewer: await viewer(user, organisation.id), applicationId: application.id, baseVersion: 1 })).status,
    ).toBe("submitted");
    const named = await createUser(prisma, { staffRoles: ["DECIDER"] });
    await prisma.user.update({
      where: { id: named.id },
      data: { firstName: "Łukasz", lastName: "Wiśniewski", jobTitle: "afdelingshoofd Lokaal Integratiebeleid" },
    });
    await proposed(application.id);
    expect(
      await decideProposal({
        viewer: await viewer(named),
        applicationId: application.id,
        choice: "decide",
        motivation: "Conform het voorstel.",
      }),
    ).toEqual({ ok: true });

    const letter = await prisma.attachment.findFirstOrThrow({ where: { applicationId: application.id, fieldKey: DECISION_LETTER_FIELD } });
    const client = new HttpClient(server.url);
    await client.login(user.email);
    const download = await client.get(`/bijlagen/${letter.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    const pdf = await inspectPdf(Buffer.from(await download.arrayBuffer()));
    expect(pdf.qpdfCheck.ok, pdf.qpdfCheck.output).toBe(true);
    expect(pdf.fonts.every((font) => font.embedded)).toBe(true);
    expect(pdf.xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(pdf.info["Tagged"]).toBe("yes");
    const lines = pdf.text.split("\n");
    expect(lines).toContain(`Aan de raad van bestuur van ${organisationName}`);
    expect(lines).toContain("Łukasz Wiśniewski");
    expect(lines).toContain("afdelingshoofd Lokaal Integratiebeleid");
    expect(flowed(pdf.text)).toContain("Sleepstraat 12 9000 Gent");
    expect(flowed(pdf.text)).toContain("Neem contact op met Team Oefenkansen, oefenkansen@agii.example");
  });

  it("never shows scores, their motivations, the proposal or internal notes to the applicant", async () => {
    const { application, user } = await submittedDossier();
    await assignApplication({ viewer: reviewer, applicationId: application.id, assigneeId: reviewer.userId });
    await saveAssessment({
      viewer: reviewer,
      applicationId: application.id,
      scores: SCORES.map((s) => ({ ...s, motivation: "GEHEIME-SCOREMOTIVERING" })),
    });
    await addReviewNote({ viewer: reviewer, applicationId: application.id, text: "GEHEIME-NOTITIE over de aanvrager" });
    await proposeDecision({
      viewer: reviewer,
      applicationId: application.id,
      outcome: "REFUSED",
      amountCents: null,
      motivation: "GEHEIM-VOORSTEL",
    });

    const client = new HttpClient(server.url);
    await client.login(user.email);
    for (const path of [`/dossiers/${application.id}`, `/dossiers/${application.id}.data`, `/dossiers/${application.id}/overzicht`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      for (const secret of ["GEHEIME-SCOREMOTIVERING", "GEHEIME-NOTITIE", "GEHEIM-VOORSTEL"])
        expect(body, `${path}: ${secret}`).not.toContain(secret);
    }
    const review = await client.get(`/dossiers/${application.id}/beoordeling`);
    expect(review.status).toBe(403);

    const staff = new HttpClient(server.url);
    const staffUser = await createUser(prisma, { staffRoles: ["REVIEWER"] });
    await staff.login(staffUser.email);
    const staffPage = await (await staff.get(`/dossiers/${application.id}/beoordeling`)).text();
    expect(staffPage).toContain("GEHEIME-NOTITIE over de aanvrager");
    expect(staffPage).toContain("GEHEIME-SCOREMOTIVERING");
  });
});
