import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { startMailCatcher, type MailCatcher } from "~/mail/catcher.server";
import { runScheduler } from "~/mail/scheduler.server";
import { endOfDay } from "~/utils/time";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { drainAll } from "../support/dossier-flow";

// The reminder scheduler against the real database and outbox, at chosen instants: reminders
// leave at 09:00 Brussels time, once, also across the changes to and from summer time.
const BASE = "https://portaal.example";
let catcher: MailCatcher;
let counter = 0;

beforeAll(async () => {
  process.env.PUBLIC_URL = BASE;
  catcher = await startMailCatcher();
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
});

afterAll(async () => {
  await catcher.close();
  delete process.env.PUBLIC_URL;
});

beforeEach(() => {
  catcher.clear();
});

async function callClosingOn(date: string, decisionDue?: string) {
  return createProgrammeAndCall(prisma, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: endOfDay(date),
  }).then((call) => (decisionDue ? prisma.call.update({ where: { id: call.id }, data: { decisionDueAt: endOfDay(decisionDue) } }) : call));
}

/** An organisation with one opted-in and one opted-out member, and a dossier in the call. */
async function organisationWithDossier(callId: string, status = "DRAFT") {
  counter += 1;
  const organisation = await createOrganisation(prisma, { name: `Gemeente Herinnering ${counter}` });
  const member = await createUser(prisma, { email: `lid.${counter}@gemeente.example`, memberOf: [organisation.id] });
  const optedOut = await createUser(prisma, { email: `uit.${counter}@gemeente.example`, memberOf: [organisation.id] });
  await prisma.membership.update({
    where: { userId_organisationId: { userId: optedOut.id, organisationId: organisation.id } },
    data: { emailOptIn: false },
  });
  const application = await createApplication(prisma, { callId, organisationId: organisation.id, status });
  return { organisation, member, optedOut, application };
}

function remindersFor(applicationId: string) {
  return prisma.emailOutbox.findMany({ where: { applicationId, template: "draft-reminder" }, orderBy: { createdAt: "asc" } });
}

describe("draft reminders", () => {
  it("fire at 09:00 Brussels 7 days and 1 day before the deadline, across the change to summer time, once each", async () => {
    const call = await callClosingOn("2026-03-31"); // summer time began on Sunday 29 March 2026
    const draft = await organisationWithDossier(call.id);
    const submitted = await organisationWithDossier(call.id, "SUBMITTED");
    const at = (iso: string) => runScheduler(new Date(iso));

    await at("2026-03-24T07:59:59Z"); // 08:59:59 CET
    expect(await remindersFor(draft.application.id)).toHaveLength(0);

    await at("2026-03-24T08:00:00Z"); // 09:00 CET
    await at("2026-03-24T08:00:00Z"); // the same run again
    await at("2026-03-24T15:00:00Z"); // an hourly run later that day
    const first = await remindersFor(draft.application.id);
    expect(first.map((r) => r.toAddress)).toEqual([draft.member.email]);
    expect(first[0]!.subject).toBe(`Herinnering: uw aanvraag voor ${call.title} is nog niet verstuurd`);

    await at("2026-03-30T06:59:59Z"); // 08:59:59 CEST
    expect(await remindersFor(draft.application.id)).toHaveLength(1);
    await at("2026-03-30T07:00:00Z"); // 09:00 CEST
    await at("2026-03-30T21:59:59Z"); // 23:59:59 CEST
    const both = await remindersFor(draft.application.id);
    expect(both).toHaveLength(2);
    expect(both[1]!.subject).toBe(`Laatste herinnering: uw aanvraag voor ${call.title} is nog niet verstuurd`);
    expect(both[1]!.textBody).toContain("u kunt versturen tot 31 maart 2026 om 23:59 (Belgische tijd)");
    expect(both[1]!.textBody).toContain(`${BASE}/dossiers/${draft.application.id}`);

    // Deadline day and after it: nothing more; a submitted dossier never got a reminder.
    await at("2026-03-31T08:00:00Z");
    await at("2026-04-01T08:00:00Z");
    expect(await remindersFor(draft.application.id)).toHaveLength(2);
    expect(await remindersFor(submitted.application.id)).toHaveLength(0);

    expect(await drainAll()).toBeGreaterThanOrEqual(2);
    const arrived = catcher.messages().filter((m) => m.to.includes(draft.member.email) || m.to.includes(draft.optedOut.email));
    expect(arrived.map((m) => m.to[0])).toEqual([draft.member.email, draft.member.email]);
  });

  it("across the change back to winter time, the 1-day reminder is at 08:00 UTC", async () => {
    const call = await callClosingOn("2026-10-27"); // winter time began on Sunday 25 October 2026
    const draft = await organisationWithDossier(call.id);
    await runScheduler(new Date("2026-10-20T06:59:59Z"));
    expect(await remindersFor(draft.application.id)).toHaveLength(0);
    await runScheduler(new Date("2026-10-20T07:00:00Z")); // 09:00 CEST
    expect(await remindersFor(draft.application.id)).toHaveLength(1);
    await runScheduler(new Date("2026-10-26T07:59:59Z")); // 08:59:59 CET
    expect(await remindersFor(draft.application.id)).toHaveLength(1);
    await runScheduler(new Date("2026-10-26T08:00:00Z")); // 09:00 CET
    expect(await remindersFor(draft.application.id)).toHaveLength(2);
  });

  it("follow an organisation's extended deadline, and a first run late that day still sends", async () => {
    const call = await callClosingOn("2026-05-05");
    const draft = await organisationWithDossier(call.id);
    const admin = await createUser(prisma, { staffRoles: ["ADMIN"] });
    await prisma.deadlineExtension.create({
      data: {
        callId: call.id,
        organisationId: draft.organisation.id,
        closesAt: endOfDay("2026-05-20"),
        reason: "Fusie.",
        grantedById: admin.id,
      },
    });
    // The call's own reminder days pass without a reminder for this organisation.
    await runScheduler(new Date("2026-04-28T08:00:00Z"));
    await runScheduler(new Date("2026-05-04T08:00:00Z"));
    expect(await remindersFor(draft.application.id)).toHaveLength(0);
    // After the call closed, its extension still counts: 7 days before 20 May, at 23:30 Brussels.
    await runScheduler(new Date("2026-05-13T21:30:00Z"));
    const [reminder] = await remindersFor(draft.application.id);
    expect(reminder!.textBody).toContain("u kunt versturen tot 20 mei 2026 om 23:59");
    expect(reminder!.textBody).toContain("verlengde termijn");
    // The day after, a missed reminder is not sent late.
    await prisma.emailOutbox.deleteMany({ where: { applicationId: draft.application.id } });
    await runScheduler(new Date("2026-05-14T08:00:00Z"));
    expect(await remindersFor(draft.application.id)).toHaveLength(0);
  });

  it("queue each reminder once when two processes run the scheduler at the same moment", async () => {
    const call = await callClosingOn("2026-06-15");
    const drafts = [];
    for (let i = 0; i < 4; i++) drafts.push(await organisationWithDossier(call.id));
    const run = () =>
      promisify(execFile)("npx", ["tsx", "app/mail/scheduler-cli.ts", "--at", "2026-06-08T07:30:00Z"], {
        env: { ...process.env, PUBLIC_URL: BASE },
      });
    const results = await Promise.all([run(), run()]);
    const queued = results.map(({ stdout }) => JSON.parse(stdout.trim().split("\n").pop()!) as { draftReminders: number });
    expect(queued[0]!.draftReminders + queued[1]!.draftReminders).toBe(4);
    for (const draft of drafts) expect(await remindersFor(draft.application.id)).toHaveLength(1);
  });
});

describe("decision deadline reminders", () => {
  it("tell reviewers and deciders 14 and 3 days before how many dossiers are undecided", async () => {
    const call = await callClosingOn("2026-02-15", "2026-04-30");
    const open = [await organisationWithDossier(call.id, "SUBMITTED"), await organisationWithDossier(call.id, "PROPOSED")];
    const decided = await organisationWithDossier(call.id, "APPROVED");
    await prisma.application.update({ where: { id: open[0]!.application.id }, data: { reference: "TST-2026-0101" } });
    const reviewer = await createUser(prisma, { email: "els@agii.example", staffRoles: ["REVIEWER"] });
    const decider = await createUser(prisma, { email: "pieter@agii.example", staffRoles: ["DECIDER", "REVIEWER"] });
    await createUser(prisma, { email: "nadia@agii.example", staffRoles: ["ADMIN"] });
    await createUser(prisma, { email: "weg@agii.example", staffRoles: ["REVIEWER"], deactivated: true });
    const staffReminders = () =>
      prisma.emailOutbox.findMany({
        where: { template: "decision-deadline-reminder", textBody: { contains: call.title } },
        orderBy: { toAddress: "asc" },
      });

    await runScheduler(new Date("2026-04-16T06:59:00Z")); // 08:59 CEST, 14 days before
    expect(await staffReminders()).toHaveLength(0);
    await runScheduler(new Date("2026-04-16T07:00:00Z"));
    await runScheduler(new Date("2026-04-16T12:00:00Z"));
    const first = await staffReminders();
    expect(first.map((r) => r.toAddress)).toEqual([reviewer.email, decider.email].sort());
    expect(first[0]!.subject).toBe(`Beslistermijn ${call.title}: nog 14 dagen, 2 dossiers zonder beslissing`);
    expect(first[0]!.textBody).toContain("uiterlijk op 30 april 2026");
    expect(first[0]!.textBody).toContain("TST-2026-0101");
    expect(first[0]!.textBody).toContain(`${BASE}/dossiers/${open[1]!.application.id}`);
    expect(first[0]!.textBody).not.toContain(decided.application.id);

    // Three days before, with everything decided, nobody needs a reminder.
    await prisma.application.updateMany({ where: { callId: call.id }, data: { status: "APPROVED" } });
    await runScheduler(new Date("2026-04-27T07:00:00Z"));
    expect(await staffReminders()).toHaveLength(2);

    await prisma.application.update({ where: { id: open[0]!.application.id }, data: { status: "IN_REVIEW" } });
    await runScheduler(new Date("2026-04-27T07:00:00Z"));
    const all = await staffReminders();
    expect(all).toHaveLength(4);
    expect(all.some((r) => r.subject === `Beslistermijn ${call.title}: nog 3 dagen, 1 dossier zonder beslissing`)).toBe(true);
    // After the decision date: nothing.
    await runScheduler(new Date("2026-05-01T07:00:00Z"));
    expect(await staffReminders()).toHaveLength(4);
  });
});
