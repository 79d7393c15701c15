import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { prepareStatusEmails, type StatusChange } from "~/mail/notifications.server";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";

// The submit renders its receipts before its dossier has a reference, with a stand-in that is
// replaced once the dossier is numbered (record 0049). These tests hold that to the only thing
// that matters: the messages are exactly those rendered with the reference itself.

afterAll(async () => prisma.$disconnect());

async function submittedDossier(code: string, organisationName: string) {
  const organisation = await createOrganisation(prisma, { name: organisationName });
  const user = await createUser(prisma, { memberOf: [organisation.id] });
  // A second member: every member gets the receipt.
  await createUser(prisma, { memberOf: [organisation.id] });
  const call = await createProgrammeAndCall(prisma, {
    code,
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2027-01-15T22:59:59Z"),
  });
  const application = await createApplication(prisma, {
    callId: call.id,
    organisationId: organisation.id,
    status: "SUBMITTED",
    data: oefenkansenDraft(),
  });
  await prisma.application.update({
    where: { id: application.id },
    data: { submittedAt: new Date("2027-01-15T22:59:59.900Z"), submittedById: user.id, contentHash: "ab".repeat(32), version: 2 },
  });
  const change: StatusChange = {
    applicationId: application.id,
    from: "DRAFT",
    to: "SUBMITTED",
    actorUserId: user.id,
    actorRole: "APPLICANT",
  };
  return { application, change };
}

/** The messages as `queue` renders and stores them once the dossier has `reference`. */
async function renderedWithReference(applicationId: string, change: StatusChange, reference: string) {
  await prisma.application.update({ where: { id: applicationId }, data: { reference } });
  await (await prepareStatusEmails(prisma, change)).queue();
  const rows = await prisma.emailOutbox.findMany({ where: { applicationId }, orderBy: { toAddress: "asc" } });
  return rows.map((row) => ({ to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody }));
}

async function renderedBeforeNumbering(change: StatusChange, referenceLength: number, reference: string) {
  const early = (await prepareStatusEmails(prisma, change)).renderBeforeNumbering(referenceLength);
  return early
    .messages(reference)
    .map((message) => ({ to: message.to, subject: message.subject, text: message.text, html: message.html }))
    .sort((a, b) => a.to.localeCompare(b.to));
}

describe("receipts rendered before the dossier is numbered", () => {
  it("are exactly the receipts rendered with the reference, for every member, with characters HTML escapes", async () => {
    const { application, change } = await submittedDossier("NUMA", `Kültür & "Dayanışma" <Derneği> vzw`);
    const reference = "NUMA-2027-0042";
    const early = await renderedBeforeNumbering(change, reference.length, reference);
    expect(early).toHaveLength(2);
    expect(early[0]?.subject).toContain(reference);
    expect(early[0]?.html).toContain(reference);
    expect(early.map((message) => message.text + message.html).join("")).not.toContain("\uE000");
    expect(early).toEqual(await renderedWithReference(application.id, change, reference));
  });

  it("are rendered with the reference itself when it is longer than expected (a 10,000th dossier)", async () => {
    const { application, change } = await submittedDossier("NUMB", "Gemeente Lier");
    const reference = "NUMB-2027-10000";
    const early = await renderedBeforeNumbering(change, reference.length - 1, reference);
    expect(early[0]?.text).toContain(reference);
    expect(early).toEqual(await renderedWithReference(application.id, change, reference));
  });

  it("are rendered with the reference itself when the typed text holds the stand-in's character", async () => {
    const reference = "NUMC-2027-0007";
    // A name that a blind replacement would turn into the reference.
    const name = `Gemeente ${"\uE000".repeat(reference.length)}`;
    const { application, change } = await submittedDossier("NUMC", name);
    const early = await renderedBeforeNumbering(change, reference.length, reference);
    expect(early[0]?.text).toContain(name);
    expect(early).toEqual(await renderedWithReference(application.id, change, reference));
  });
});
