import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  acceptInvitation,
  describeInvitation,
  INVALID_LINK_MESSAGE,
  inviteColleague,
  requestPasswordReset,
  resetPassword,
} from "~/auth/accounts.server";
import { authenticate } from "~/auth/login.server";
import { SESSION_DURATION_MS } from "~/auth/session.server";
import { hashToken } from "~/auth/verification.server";
import { prisma } from "~/db.server";
import { startMailCatcher, type CaughtMessage, type MailCatcher } from "~/mail/catcher.server";
import { drainOutbox } from "~/mail/outbox-worker.server";
import { now, resetClock, setNow } from "~/utils/clock.server";
import { createOrganisation, createUser } from "../support/fixtures";

// Domain level, no HTTP: the real account functions against the test's own SQLite file, with
// the e-mail going through the real outbox and SMTP into a catcher on 127.0.0.1.
const BASE = "https://portaal.example";
const linkTo = (path: string) => `${BASE}${path}`;
const MINUTE = 60 * 1000;

let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
});

afterAll(async () => {
  await catcher.close();
});

beforeEach(() => {
  catcher.clear();
});

afterEach(() => {
  resetClock();
});

/** Sends whatever is queued and returns the messages to one address, exactly `count` of them. */
async function mailTo(address: string, count = 1): Promise<CaughtMessage[]> {
  await drainOutbox();
  const messages = await catcher.waitForMessages((m) => m.to.includes(address), { count, timeoutMs: 5_000 });
  expect(messages).toHaveLength(count);
  return messages;
}

function tokenIn(message: CaughtMessage, path: "wachtwoord-herstellen" | "uitnodiging"): string {
  const pattern = new RegExp(`${BASE.replaceAll(".", "\\.")}/${path}/([A-Za-z0-9_-]{20,})`);
  const match = pattern.exec(message.text);
  expect(match, message.text).not.toBeNull();
  // The HTML part carries the same link.
  expect(message.html).toContain(`${BASE}/${path}/${match![1]}`);
  return match![1]!;
}

/** The inviter as the organisation page passes it: the logged-in viewer. */
function asInviter(user: { id: string; firstName: string; lastName: string }) {
  return { userId: user.id, firstName: user.firstName, lastName: user.lastName };
}

async function createSession(userId: string) {
  return prisma.session.create({ data: { userId, expiresAt: new Date(now().getTime() + SESSION_DURATION_MS) } });
}

describe("password reset", () => {
  it("queues nothing for an unknown address", async () => {
    const before = { outbox: await prisma.emailOutbox.count(), verifications: await prisma.verification.count() };
    await requestPasswordReset("niemand@onbekend.example", linkTo);
    expect(await prisma.emailOutbox.count()).toBe(before.outbox);
    expect(await prisma.verification.count()).toBe(before.verifications);
    await drainOutbox();
    expect(catcher.messages()).toEqual([]);
  });

  it("queues nothing for a deactivated account", async () => {
    const former = await createUser(prisma, { email: "vertrokken@gemeente.example", deactivated: true });
    await requestPasswordReset(former.email, linkTo);
    expect(await prisma.emailOutbox.count({ where: { toAddress: former.email } })).toBe(0);
    expect(await prisma.verification.count({ where: { email: former.email } })).toBe(0);
    await drainOutbox();
    expect(catcher.messages()).toEqual([]);
  });

  it("sends exactly one e-mail with a link that works once", async () => {
    const user = await createUser(prisma, { email: "an.peeters@gemeente.example" });
    await requestPasswordReset(user.email, linkTo);

    const [message] = await mailTo(user.email);
    expect(message!.subject).toBe("Uw wachtwoord herstellen");
    expect(message!.text).toContain("Beste Test,");
    const token = tokenIn(message!, "wachtwoord-herstellen");
    // Nothing else goes out on a second run of the worker.
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(catcher.messages()).toHaveLength(1);

    expect(await resetPassword(token, "een-nieuw-lang-wachtwoord")).toEqual({ ok: true });
    expect(await authenticate(user.email, "een-nieuw-lang-wachtwoord")).toEqual({ ok: true, userId: user.id });
    expect(await authenticate(user.email, user.password)).toEqual({ ok: false, reason: "invalid" });

    expect(await resetPassword(token, "nog-een-ander-wachtwoord")).toEqual({
      ok: false,
      message: "Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.",
    });
    expect(await authenticate(user.email, "een-nieuw-lang-wachtwoord")).toEqual({ ok: true, userId: user.id });
  });

  it("accepts a link just before it expires and refuses it after 60 minutes", async () => {
    const user = await createUser(prisma, { email: "bert.janssens@ocmw.example" });
    const start = now();
    await requestPasswordReset(user.email, linkTo);
    await requestPasswordReset(user.email, linkTo);
    const [first, second] = await mailTo(user.email, 2);
    const early = tokenIn(first!, "wachtwoord-herstellen");
    const late = tokenIn(second!, "wachtwoord-herstellen");
    expect(early).not.toBe(late);

    setNow(new Date(start.getTime() + 59 * MINUTE));
    expect(await resetPassword(early, "binnen-het-uur-gekozen")).toEqual({ ok: true });

    setNow(new Date(start.getTime() + 60 * MINUTE + 1_000));
    expect(await resetPassword(late, "te-laat-gekozen-wachtwoord")).toEqual({ ok: false, message: INVALID_LINK_MESSAGE });
    expect(await authenticate(user.email, "binnen-het-uur-gekozen")).toEqual({ ok: true, userId: user.id });
  });

  it("sends at most three links per address an hour, and again once that hour is over", async () => {
    const user = await createUser(prisma, { email: "drie-per-uur@gemeente.example" });
    const start = now();
    for (let i = 0; i < 5; i++) await requestPasswordReset(user.email, linkTo);
    await mailTo(user.email, 3);
    expect(await prisma.verification.count({ where: { email: user.email, type: "PASSWORD_RESET" } })).toBe(3);

    setNow(new Date(start.getTime() + 59 * MINUTE));
    await requestPasswordReset(user.email, linkTo);
    expect(await prisma.verification.count({ where: { email: user.email, type: "PASSWORD_RESET" } })).toBe(3);

    setNow(new Date(start.getTime() + 60 * MINUTE + 1_000));
    await requestPasswordReset(user.email, linkTo);
    expect(await prisma.verification.count({ where: { email: user.email, type: "PASSWORD_RESET" } })).toBe(4);
  });

  it("refuses a made-up token and an invitation token", async () => {
    expect(await resetPassword("verzonnen-token-dat-niet-bestaat", "wat-dan-ook-123")).toEqual({
      ok: false,
      message: INVALID_LINK_MESSAGE,
    });
    const organisation = await createOrganisation(prisma, { name: "Gemeente Kruisbeek" });
    const inviter = await createUser(prisma, { memberOf: [organisation.id] });
    const invited = await createUser(prisma, { email: "heeft-al-account@kruisbeek.example" });
    await inviteColleague(asInviter(inviter), organisation.id, { email: invited.email, firstName: "Ida", lastName: "Claes" }, linkTo);
    const [invitation] = await mailTo(invited.email);
    expect(await resetPassword(tokenIn(invitation!, "uitnodiging"), "wat-dan-ook-123")).toEqual({
      ok: false,
      message: INVALID_LINK_MESSAGE,
    });
  });

  it("ends every session of that user, and only of that user", async () => {
    const user = await createUser(prisma, { email: "carla.maes@vzw.example" });
    const colleague = await createUser(prisma, { email: "dirk.wouters@vzw.example" });
    await createSession(user.id);
    await createSession(user.id);
    const kept = await createSession(colleague.id);

    await requestPasswordReset(user.email, linkTo);
    const [message] = await mailTo(user.email);
    expect(await resetPassword(tokenIn(message!, "wachtwoord-herstellen"), "nieuw-wachtwoord-voor-carla")).toEqual({ ok: true });

    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.findMany({ where: { userId: colleague.id } })).toEqual([kept]);
    const audit = await prisma.auditEvent.findMany({ where: { action: "user.password-reset", entityId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, entityType: "User" });
  });

  it("lets only one of two simultaneous uses of a link succeed", async () => {
    const user = await createUser(prisma, { email: "eva.smets@igs.example" });
    await requestPasswordReset(user.email, linkTo);
    const token = tokenIn((await mailTo(user.email))[0]!, "wachtwoord-herstellen");
    const results = await Promise.all([resetPassword(token, "eerste-wachtwoord-1"), resetPassword(token, "tweede-wachtwoord-2")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, message: INVALID_LINK_MESSAGE }]);
  });

  it("stores only a hash of the token", async () => {
    const user = await createUser(prisma, { email: "frank.peeters@gemeente.example" });
    await requestPasswordReset(user.email, linkTo);
    const token = tokenIn((await mailTo(user.email))[0]!, "wachtwoord-herstellen");

    const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>('SELECT * FROM "Verification"');
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));
    expect(hashToken(token)).not.toBe(token);
    const row = rows.find((r) => r.email === user.email);
    expect(row).toMatchObject({ type: "PASSWORD_RESET", tokenHash: hashToken(token), userId: user.id, usedAt: null });
  });
});

describe("invitations", () => {
  it("sends one e-mail with a link, and a newcomer who accepts gets an account and a membership", async () => {
    const organisation = await createOrganisation(prisma, { name: "Stad Mechelen", nisCode: "12025" });
    const inviter = await createUser(prisma, { email: "gert@mechelen.example", memberOf: [organisation.id] });
    const email = "hanne.nieuw@mechelen.example";

    expect(await inviteColleague(asInviter(inviter), organisation.id, { email, firstName: "Hanne", lastName: "Nieuw" }, linkTo)).toEqual({
      ok: true,
    });
    const [message] = await mailTo(email);
    expect(message!.subject).toBe("Uitnodiging voor Stad Mechelen in het Subsidieportaal");
    expect(message!.text).toContain("Test Gebruiker nodigt u uit om mee de subsidiedossiers van Stad Mechelen te beheren");
    const token = tokenIn(message!, "uitnodiging");
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(catcher.messages()).toHaveLength(1);

    expect(await describeInvitation(token)).toEqual({ email, organisationName: "Stad Mechelen", hasAccount: false });

    const result = await acceptInvitation(token, { firstName: "Hanne", lastName: "Nieuw", password: "hanne-haar-wachtwoord" });
    expect(result.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(result).toEqual({ ok: true, userId: user.id, organisationId: organisation.id });
    expect(user).toMatchObject({ firstName: "Hanne", lastName: "Nieuw", deactivatedAt: null });
    expect(user.memberships.map((m) => m.organisationId)).toEqual([organisation.id]);
    expect(await authenticate(email, "hanne-haar-wachtwoord")).toEqual({ ok: true, userId: user.id });
    expect(await authenticate(email, "een-ander-wachtwoord")).toEqual({ ok: false, reason: "invalid" });

    // The link works once.
    expect(await describeInvitation(token)).toBeNull();
    expect(await acceptInvitation(token, { firstName: "Hanne", lastName: "Nieuw", password: "nog-eens-proberen" })).toEqual({
      ok: false,
      message: INVALID_LINK_MESSAGE,
    });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("refuses to invite someone who is already a member, and sends nothing", async () => {
    const organisation = await createOrganisation(prisma, { name: "Gemeente Ranst" });
    const inviter = await createUser(prisma, { memberOf: [organisation.id] });
    const member = await createUser(prisma, { email: "iris@ranst.example", memberOf: [organisation.id] });
    const auditBefore = await prisma.auditEvent.count();
    const verificationsBefore = await prisma.verification.count();

    expect(
      await inviteColleague(asInviter(inviter), organisation.id, { email: member.email, firstName: "Iris", lastName: "Lid" }, linkTo),
    ).toEqual({ ok: false, field: "email", message: "Deze persoon is al lid van uw organisatie." });

    expect(await prisma.verification.count()).toBe(verificationsBefore);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
    expect(await prisma.emailOutbox.count({ where: { toAddress: member.email } })).toBe(0);
  });

  it("lets an existing account accept only when logged in with the invited address", async () => {
    const organisation = await createOrganisation(prisma, { name: "OCMW Zoersel", kind: "OCMW" });
    const inviter = await createUser(prisma, { memberOf: [organisation.id] });
    const invited = await createUser(prisma, { email: "jan@ander-bestuur.example" });
    const someoneElse = await createUser(prisma, { email: "karel@ander-bestuur.example" });

    await inviteColleague(asInviter(inviter), organisation.id, { email: invited.email, firstName: "Jan", lastName: "Aerts" }, linkTo);
    const token = tokenIn((await mailTo(invited.email))[0]!, "uitnodiging");
    expect(await describeInvitation(token)).toEqual({ email: invited.email, organisationName: "OCMW Zoersel", hasAccount: true });

    expect(await acceptInvitation(token, { loggedInUserId: someoneElse.id })).toEqual({
      ok: false,
      message: "Deze uitnodiging is voor jan@ander-bestuur.example. Meld u aan met dat e-mailadres.",
    });
    // Nor can the address be claimed by creating a second account.
    expect(await acceptInvitation(token, { firstName: "Jan", lastName: "Kaper", password: "kaper-wachtwoord-123" })).toEqual({
      ok: false,
      message: "Er bestaat al een account met dit e-mailadres. Meld u eerst aan.",
    });
    expect(
      await prisma.membership.count({ where: { organisationId: organisation.id, userId: { in: [invited.id, someoneElse.id] } } }),
    ).toBe(0);

    // The refusals did not use up the link: the right person can still accept it.
    expect(await acceptInvitation(token, { loggedInUserId: invited.id })).toEqual({
      ok: true,
      userId: invited.id,
      organisationId: organisation.id,
    });
    expect(await prisma.membership.count({ where: { organisationId: organisation.id, userId: invited.id } })).toBe(1);
    expect(await authenticate(invited.email, invited.password)).toEqual({ ok: true, userId: invited.id });
  });

  it("refuses invitations into a merged organisation, and invitations sent before the merger", async () => {
    const successor = await createOrganisation(prisma, { name: "Gemeente Lierde-Zottegem", province: "Oost-Vlaanderen" });
    const merged = await createOrganisation(prisma, { name: "Gemeente Lierde", province: "Oost-Vlaanderen" });
    const inviter = await createUser(prisma, { memberOf: [merged.id] });
    await inviteColleague(asInviter(inviter), merged.id, { email: "lotte@lierde.example", firstName: "Lotte", lastName: "Vroeg" }, linkTo);
    const early = tokenIn((await mailTo("lotte@lierde.example"))[0]!, "uitnodiging");

    await prisma.organisation.update({ where: { id: merged.id }, data: { successorId: successor.id, mergedAt: now() } });

    const auditBefore = await prisma.auditEvent.count();
    expect(
      await inviteColleague(
        asInviter(inviter),
        merged.id,
        { email: "maarten@lierde.example", firstName: "Maarten", lastName: "Laat" },
        linkTo,
      ),
    ).toEqual({ ok: false, field: "form", message: "Deze organisatie is opgegaan in een fusie en kan geen leden meer uitnodigen." });
    expect(await prisma.emailOutbox.count({ where: { toAddress: "maarten@lierde.example" } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);

    expect(await acceptInvitation(early, { firstName: "Lotte", lastName: "Vroeg", password: "lotte-wachtwoord-1" })).toEqual({
      ok: false,
      message: INVALID_LINK_MESSAGE,
    });
    expect(await prisma.user.count({ where: { email: "lotte@lierde.example" } })).toBe(0);
  });

  it("refuses an invitation after seven days", async () => {
    const organisation = await createOrganisation(prisma, { name: "Gemeente Wijnegem" });
    const inviter = await createUser(prisma, { memberOf: [organisation.id] });
    const start = now();
    await inviteColleague(
      asInviter(inviter),
      organisation.id,
      { email: "nele@wijnegem.example", firstName: "Nele", lastName: "Traag" },
      linkTo,
    );
    const token = tokenIn((await mailTo("nele@wijnegem.example"))[0]!, "uitnodiging");
    setNow(new Date(start.getTime() + 7 * 24 * 60 * MINUTE + 1_000));
    expect(await describeInvitation(token)).toBeNull();
    expect(await acceptInvitation(token, { firstName: "Nele", lastName: "Traag", password: "nele-wachtwoord-1" })).toEqual({
      ok: false,
      message: INVALID_LINK_MESSAGE,
    });
  });

  it("writes an audit event for every invitation and every acceptance", async () => {
    const organisation = await createOrganisation(prisma, { name: "Vzw Samenleven", kind: "VZW" });
    const inviter = await createUser(prisma, { memberOf: [organisation.id] });
    const audit = () => prisma.auditEvent.findMany({ where: { organisationId: organisation.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });

    await inviteColleague(
      asInviter(inviter),
      organisation.id,
      { email: "olivia@samenleven.example", firstName: "Olivia", lastName: "Een" },
      linkTo,
    );
    await inviteColleague(
      asInviter(inviter),
      organisation.id,
      { email: "pieter@samenleven.example", firstName: "Pieter", lastName: "Twee" },
      linkTo,
    );
    const invitations = await audit();
    expect(invitations).toHaveLength(2);
    for (const event of invitations) {
      expect(event).toMatchObject({
        actorId: inviter.id,
        actorRole: "APPLICANT",
        action: "organisation.invitation",
        entityType: "Organisation",
        entityId: organisation.id,
        applicationId: null,
        before: null,
      });
    }
    expect(invitations.map((event) => JSON.parse(event.after!)).sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: "olivia@samenleven.example", firstName: "Olivia", lastName: "Een" },
      { email: "pieter@samenleven.example", firstName: "Pieter", lastName: "Twee" },
    ]);

    const token = tokenIn((await mailTo("olivia@samenleven.example"))[0]!, "uitnodiging");
    const accepted = await acceptInvitation(token, { firstName: "Olivia", lastName: "Een", password: "olivia-wachtwoord-1" });
    expect(accepted.ok).toBe(true);
    const events = await audit();
    expect(events).toHaveLength(3);
    const joined = events.find((e) => e.action === "organisation.member-joined");
    expect(joined).toMatchObject({
      actorId: accepted.ok ? accepted.userId : "",
      actorRole: "APPLICANT",
      entityType: "Organisation",
      entityId: organisation.id,
    });
    expect(JSON.parse(joined!.after!)).toEqual({ userId: accepted.ok ? accepted.userId : "", invitedById: inviter.id });

    // A refused acceptance writes nothing.
    await acceptInvitation(token, { firstName: "Olivia", lastName: "Een", password: "olivia-wachtwoord-1" });
    expect(await audit()).toHaveLength(3);
  });
});

describe("the audit trail", () => {
  it("refuses UPDATE and DELETE, even as raw SQL", async () => {
    const organisation = await createOrganisation(prisma, { name: "Gemeente Schilde" });
    const inviter = await createUser(prisma, { memberOf: [organisation.id] });
    await inviteColleague(
      asInviter(inviter),
      organisation.id,
      { email: "quinten@schilde.example", firstName: "Quinten", lastName: "Q" },
      linkTo,
    );
    const [event] = await prisma.auditEvent.findMany({ where: { organisationId: organisation.id } });
    expect(event).toBeDefined();

    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'vervalst' WHERE "id" = ${event!.id}`).rejects.toThrow(
      /AuditEvent is append-only/,
    );
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${event!.id}`).rejects.toThrow(/AuditEvent is append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/AuditEvent is append-only/);
    await expect(prisma.auditEvent.update({ where: { id: event!.id }, data: { reason: "vervalst" } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany()).rejects.toThrow();

    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event!.id } })).toEqual(event);
  });
});
