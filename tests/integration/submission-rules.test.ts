import { afterAll, afterEach, describe, expect, it } from "vitest";
import { eligibilityFor, saveStep, startApplication } from "~/applications/drafts.server";
import { deadlinePassedMessage } from "~/applications/editability";
import { EXTENSION_MESSAGES, grantExtension } from "~/applications/extensions.server";
import { SUBMISSION_MESSAGES, submitApplication, withdrawApplication } from "~/applications/submission.server";
import { loadViewer } from "~/auth/viewer.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { resetClock, setNow } from "~/utils/clock.server";
import { endOfDay, startOfDay } from "~/utils/time";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";

// The deadline, extension, eligibility and submission rules of the domain, against the test's
// own SQLite file, with the portal clock set to the exact instants that matter.

let seq = 0;

/** The viewer the portal builds per request, for a user acting for one organisation. */
async function viewerFor(user: { id: string }, organisationId: string | null): Promise<Viewer> {
  const viewer = await loadViewer(user.id, organisationId);
  if (!viewer) throw new Error("Gebruiker bestaat niet");
  return viewer;
}

/** The real 2026 regierol dates: closes 15 January 2026 end of day, Brussels time. */
const REGIEROL_CLOSES = endOfDay("2026-01-15");
/** What an applicant reads after it, on every page and in every refusal (app/applications/editability.ts) */
const REGIEROL_LATE =
  "De indiendatum van deze oproep, 15 januari 2026 om 23:59, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.";

async function readyDossier(closesAt: Date, opensAt = startOfDay("2025-10-01")) {
  const organisation = await createOrganisation(prisma, { name: `Gemeente ${++seq}` });
  const user = await createUser(prisma, { memberOf: [organisation.id] });
  const call = await createProgrammeAndCall(prisma, { opensAt, closesAt });
  const application = await createApplication(prisma, { callId: call.id, organisationId: organisation.id, data: oefenkansenDraft() });
  const viewer = await viewerFor(user, organisation.id);
  return { organisation, user, call, application, viewer };
}

afterEach(() => resetClock());
afterAll(async () => prisma.$disconnect());

describe("the submission deadline", () => {
  it("counts a submit from its arrival: in at 23:59:59.900, its turn after midnight, accepted and stamped 23:59:59.900", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    const arrived = new Date("2026-01-15T23:59:59.900+01:00");
    setNow(new Date("2026-01-16T00:00:01.000+01:00")); // when the transaction gets its turn
    const result = await submitApplication({ viewer, applicationId: application.id, baseVersion: 1, receivedAt: arrived });
    expect(result.status).toBe("submitted");
    const stored = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.submittedAt).toEqual(arrived);
  });

  it("refuses a submit that arrives at 16 January 2026 00:00:00.000, however early it gets its turn", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    setNow(new Date("2026-01-15T23:59:58.000+01:00"));
    const result = await submitApplication({
      viewer,
      applicationId: application.id,
      baseVersion: 1,
      receivedAt: new Date("2026-01-16T00:00:00.000+01:00"),
    });
    expect(result).toEqual({ status: "refused", message: REGIEROL_LATE });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("DRAFT");
  });

  it("accepts a submission at 15 January 2026 23:59:59 Brussels time", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    setNow(new Date("2026-01-15T23:59:59.000+01:00"));
    const result = await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 });
    expect(result.status).toBe("submitted");
  });

  it("refuses a submission at 16 January 2026 00:00:00, with the message", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    setNow(new Date("2026-01-16T00:00:00.000+01:00"));
    const result = await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 });
    expect(result).toEqual({ status: "refused", message: REGIEROL_LATE });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("DRAFT");
  });

  it.each([
    // Summer time starts on 29 March 2026: the day has 23 hours. (The clock ticks on after setNow,
    // so the last accepted instant checked is 23:59:59.000.)
    ["2026-03-29", "2026-03-29T23:59:59.000+02:00", "2026-03-30T00:00:00.000+02:00"],
    // Winter time starts on 25 October 2026: the day has 25 hours.
    ["2026-10-25", "2026-10-25T23:59:59.000+01:00", "2026-10-26T00:00:00.000+01:00"],
  ])("closes at the end of %s in Brussels, across the DST change", async (day, lastAccepted, firstRefused) => {
    const accepted = await readyDossier(endOfDay(day));
    setNow(new Date(lastAccepted));
    expect((await submitApplication({ viewer: accepted.viewer, applicationId: accepted.application.id, baseVersion: 1 })).status).toBe(
      "submitted",
    );
    const refused = await readyDossier(endOfDay(day));
    setNow(new Date(firstRefused));
    expect(await submitApplication({ viewer: refused.viewer, applicationId: refused.application.id, baseVersion: 1 })).toEqual({
      status: "refused",
      message: deadlinePassedMessage(endOfDay(day), false),
    });
  });

  it("refuses saving a draft after the deadline, even from a page loaded before it", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    setNow(new Date("2026-01-16T00:00:01+01:00"));
    const result = await saveStep({
      viewer,
      applicationId: application.id,
      stepId: "rekening",
      values: { iban: "BE68 5390 0754 7034" },
      baseVersion: 1,
      baseFingerprint: "from-an-old-page",
    });
    expect(result).toEqual({ status: "refused", message: REGIEROL_LATE });
  });
});

describe("an extension for one organisation", () => {
  it("lets that organisation submit after the call's deadline, audited with the reason", async () => {
    const { application, viewer, organisation } = await readyDossier(REGIEROL_CLOSES);
    const reviewerUser = await createUser(prisma, { staffRoles: ["REVIEWER"] });
    const reviewer = await viewerFor(reviewerUser, null);
    setNow(new Date("2026-01-14T10:00:00+01:00"));
    const granted = await grantExtension({
      viewer: reviewer,
      applicationId: application.id,
      date: "2026-01-22",
      time: "12:00",
      reason: "Gemeenteraad keurde het meerjarenplan pas op 20 januari goed.",
    });
    expect(granted).toEqual({ ok: true, closesAt: new Date("2026-01-22T12:00:59.999+01:00") });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "deadline.extended", organisationId: organisation.id } });
    expect(audit.reason).toBe("Gemeenteraad keurde het meerjarenplan pas op 20 januari goed.");
    expect(JSON.parse(audit.before!)).toEqual({ closesAt: REGIEROL_CLOSES.toISOString() });
    expect(audit.actorRole).toBe("REVIEWER");
    // The organisation's members are told, in the same transaction.
    const mails = await prisma.emailOutbox.findMany({ where: { template: "extension-granted", toAddress: viewer.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain("Gemeenteraad keurde het meerjarenplan pas op 20 januari goed.");

    setNow(new Date("2026-01-22T12:00:59+01:00"));
    expect((await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 })).status).toBe("submitted");
  });

  it("names the organisation's extended deadline once that has passed too", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    const reviewer = await viewerFor(await createUser(prisma, { staffRoles: ["REVIEWER"] }), null);
    setNow(new Date("2026-01-14T10:00:00+01:00"));
    await grantExtension({ viewer: reviewer, applicationId: application.id, date: "2026-01-22", time: "12:00", reason: "Overmacht" });
    setNow(new Date("2026-01-22T12:01:00+01:00"));
    expect(await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 })).toEqual({
      status: "refused",
      message:
        "De verlengde indiendatum voor uw organisatie, 22 januari 2026 om 12:00, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.",
    });
  });

  it("still closes for the others at the call's deadline", async () => {
    const other = await readyDossier(REGIEROL_CLOSES);
    const extended = await readyDossier(REGIEROL_CLOSES);
    const admin = await viewerFor(await createUser(prisma, { staffRoles: ["ADMIN"] }), null);
    setNow(new Date("2026-01-10T10:00:00+01:00"));
    await grantExtension({ viewer: admin, applicationId: extended.application.id, date: "2026-02-01", time: "23:59", reason: "Overmacht" });
    setNow(new Date("2026-01-16T09:00:00+01:00"));
    expect((await submitApplication({ viewer: other.viewer, applicationId: other.application.id, baseVersion: 1 })).status).toBe("refused");
  });

  it("refuses an extension before the call's own deadline, or by an applicant", async () => {
    const { application, viewer } = await readyDossier(REGIEROL_CLOSES);
    const reviewer = await viewerFor(await createUser(prisma, { staffRoles: ["REVIEWER"] }), null);
    setNow(new Date("2026-01-10T10:00:00+01:00"));
    expect(
      await grantExtension({ viewer: reviewer, applicationId: application.id, date: "2026-01-15", time: "12:00", reason: "x" }),
    ).toEqual({
      ok: false,
      field: "date",
      message: EXTENSION_MESSAGES.beforeCallDeadline(REGIEROL_CLOSES),
    });
    expect(EXTENSION_MESSAGES.beforeCallDeadline(REGIEROL_CLOSES)).toBe(
      "De nieuwe deadline moet na de gewone deadline van de oproep liggen (15 januari 2026 om 23:59).",
    );
    expect(await grantExtension({ viewer, applicationId: application.id, date: "2026-02-01", time: "12:00", reason: "x" })).toMatchObject({
      ok: false,
      message: EXTENSION_MESSAGES.notAllowed,
    });
  });
});

describe("submitting", () => {
  it("submits once when the same draft is submitted twice at the same moment", async () => {
    const { application, viewer, call } = await readyDossier(new Date("2030-01-01T00:00:00Z"));
    const results = await Promise.all([
      submitApplication({ viewer, applicationId: application.id, baseVersion: 1 }),
      submitApplication({ viewer, applicationId: application.id, baseVersion: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["already-submitted", "submitted"]);
    expect((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).lastReference).toBe(1);
    expect(await prisma.auditEvent.count({ where: { applicationId: application.id, after: '{"status":"SUBMITTED"}' } })).toBe(1);
  });

  it("refuses a submission of a version that a colleague changed since, with the message", async () => {
    const { application, viewer } = await readyDossier(new Date("2030-01-01T00:00:00Z"));
    await prisma.application.update({ where: { id: application.id }, data: { version: 2 } });
    expect(await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 })).toEqual({
      status: "refused",
      message: SUBMISSION_MESSAGES.stale,
    });
  });

  it("refuses an incomplete draft and says which steps miss what", async () => {
    const { application, viewer } = await readyDossier(new Date("2030-01-01T00:00:00Z"));
    await prisma.application.update({
      where: { id: application.id },
      data: { data: JSON.stringify({ ...oefenkansenDraft(), iban: "BE00" }) },
    });
    const result = await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 });
    expect(result).toEqual({ status: "incomplete", issuesByStep: { rekening: [{ path: ["iban"], message: "Geef een geldig IBAN op." }] } });
  });

  it("refuses edits after submission with the message", async () => {
    const { application, viewer } = await readyDossier(new Date("2030-01-01T00:00:00Z"));
    await submitApplication({ viewer, applicationId: application.id, baseVersion: 1 });
    const current = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    const result = await saveStep({
      viewer,
      applicationId: application.id,
      stepId: "rekening",
      values: { iban: "BE71 0961 2345 6769" },
      baseVersion: current.version,
      baseFingerprint: "",
    });
    expect(result).toEqual({ status: "refused", message: "Deze aanvraag is verstuurd en kan niet meer gewijzigd worden." });
  });

  it("allows withdrawal until the deadline, not after", async () => {
    const first = await readyDossier(REGIEROL_CLOSES);
    setNow(new Date("2026-01-15T12:00:00+01:00"));
    await submitApplication({ viewer: first.viewer, applicationId: first.application.id, baseVersion: 1 });
    expect(await withdrawApplication({ viewer: first.viewer, applicationId: first.application.id })).toEqual({ ok: true });
    const second = await readyDossier(REGIEROL_CLOSES);
    await submitApplication({ viewer: second.viewer, applicationId: second.application.id, baseVersion: 1 });
    setNow(new Date("2026-01-16T00:00:00+01:00"));
    expect(await withdrawApplication({ viewer: second.viewer, applicationId: second.application.id })).toEqual({
      ok: false,
      message: SUBMISSION_MESSAGES.withdrawAfterDeadline,
    });
  });
});

describe("who may start an application", () => {
  it("refuses an organisation kind the call is not for, with the message", async () => {
    const vzw = await createOrganisation(prisma, { name: "Vzw Brug", kind: "VZW" });
    const user = await createUser(prisma, { memberOf: [vzw.id] });
    const call = await createProgrammeAndCall(prisma, {
      opensAt: new Date("2020-01-01"),
      closesAt: new Date("2030-01-01"),
      eligibleKinds: ["GEMEENTE", "VGC"],
    });
    const result = await startApplication(await viewerFor(user, vzw.id), call.id);
    expect(result).toEqual({
      ok: false,
      message: "Een vzw kan geen aanvraag indienen voor deze oproep. Ze staat open voor: gemeente, vlaamse gemeenschapscommissie.",
    });
  });

  it("refuses a municipality that merged into another, naming the successor", async () => {
    const pajottegem = await createOrganisation(prisma, { name: "Pajottegem", nisCode: "23106" });
    const gooik = await prisma.organisation.create({
      data: {
        name: "Gooik",
        kind: "GEMEENTE",
        nisCode: "23024",
        province: "Vlaams-Brabant",
        successorId: pajottegem.id,
        mergedAt: new Date("2025-01-01"),
      },
    });
    const user = await createUser(prisma, { memberOf: [gooik.id] });
    const call = await createProgrammeAndCall(prisma, { opensAt: new Date("2020-01-01"), closesAt: new Date("2030-01-01") });
    expect(await startApplication(await viewerFor(user, gooik.id), call.id)).toEqual({
      ok: false,
      message: "Deze organisatie is opgegaan in Pajottegem. Dien de aanvraag in namens Pajottegem.",
    });
  });

  it("accepts drafts only from the opening of the call", async () => {
    const organisation = await createOrganisation(prisma, { name: "Gemeente Later" });
    const user = await createUser(prisma, { memberOf: [organisation.id] });
    const call = await createProgrammeAndCall(prisma, { opensAt: startOfDay("2026-02-01"), closesAt: endOfDay("2026-03-01") });
    const viewer = await viewerFor(user, organisation.id);
    setNow(new Date("2026-01-31T23:59:59+01:00"));
    expect(await eligibilityFor(viewer, call.id)).toEqual({ kind: "cannot", message: "Deze oproep staat nu niet open voor aanvragen." });
    setNow(new Date("2026-02-01T00:00:00+01:00"));
    expect((await startApplication(viewer, call.id)).ok).toBe(true);
  });
});
