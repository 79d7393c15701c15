import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { startMailCatcher, type CaughtMessage, type MailCatcher } from "~/mail/catcher.server";
import { messageIdFor } from "~/mail/mailer.server";
import { enqueueStatusEmails, notifyExtensionGranted } from "~/mail/notifications.server";
import { backoffMs } from "~/mail/outbox-worker.server";
import { now, resetClock, setNow } from "~/utils/clock.server";
import { endOfDay } from "~/utils/time";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { drainAll, move, submitDossier } from "../support/dossier-flow";
import { inspectPdf } from "../support/pdf-tools";

// Status changes through the real transition code, the real outbox and worker, into a real SMTP
// server on 127.0.0.1; assertions on what arrived there.
const BASE = "https://portaal.example";
let catcher: MailCatcher;
let call: { id: string; programmeId: string };
let reviewers: Array<{ id: string; email: string }>;
let decider: { id: string; email: string };
let admin: { id: string; email: string };
let counter = 0;

beforeAll(async () => {
  process.env.PUBLIC_URL = BASE;
  catcher = await startMailCatcher();
  call = await createProgrammeAndCall(prisma, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: endOfDay("2026-12-31"),
  });
  reviewers = [
    await createUser(prisma, { email: "els.beoordelaar@agii.example", staffRoles: ["REVIEWER"] }),
    await createUser(prisma, { email: "tom.beoordelaar@agii.example", staffRoles: ["REVIEWER"] }),
  ];
  await createUser(prisma, { email: "oud.beoordelaar@agii.example", staffRoles: ["REVIEWER"], deactivated: true });
  decider = await createUser(prisma, { email: "pieter.beslisser@agii.example", staffRoles: ["DECIDER"] });
  admin = await createUser(prisma, { email: "nadia.beheerder@agii.example", staffRoles: ["ADMIN"] });
});

afterAll(async () => {
  await catcher.close();
  delete process.env.PUBLIC_URL;
});

beforeEach(async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  catcher.clear();
});

afterEach(() => {
  resetClock();
});

/** A municipality with four members: opted in, opted out, deactivated, opted in. */
async function municipality() {
  counter += 1;
  const organisation = await createOrganisation(prisma, { name: `Gemeente Proef ${counter}` });
  const member = (name: string, extra: { deactivated?: boolean } = {}) =>
    createUser(prisma, { email: `${name}.${counter}@gemeente.example`, memberOf: [organisation.id], ...extra });
  const an = await member("an");
  const bert = await member("bert");
  const carla = await member("carla", { deactivated: true });
  const dirk = await member("dirk");
  await prisma.membership.update({
    where: { userId_organisationId: { userId: bert.id, organisationId: organisation.id } },
    data: { emailOptIn: false },
  });
  const application = await createApplication(prisma, { callId: call.id, organisationId: organisation.id });
  return { organisation, an, bert, carla, dirk, application, reference: `TST-2026-${String(counter).padStart(4, "0")}` };
}

function countPerAddress(messages: CaughtMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of messages) for (const address of message.to) counts[address] = (counts[address] ?? 0) + 1;
  return counts;
}

async function arrived(count: number, predicate: (m: CaughtMessage) => boolean = () => true) {
  await drainAll();
  const messages = await catcher.waitForMessages(predicate, { count, timeoutMs: 5_000 });
  // Nothing more than expected shows up a moment later either.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(catcher.messages().filter(predicate)).toHaveLength(count);
  return messages;
}

describe("e-mails on status changes", () => {
  it("a submission mails one receipt to every opted-in, active member, the submitter included", async () => {
    const d = await municipality();
    await submitDossier(prisma, d.application.id, d.an.id, d.reference);

    const messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
    const receipt = messages.find((m) => m.to.includes(d.an.email))!;
    const application = await prisma.application.findUniqueOrThrow({ where: { id: d.application.id } });
    expect(receipt.subject).toBe(`Ontvangstbewijs voor uw aanvraag ${d.reference}`);
    expect(receipt.text).toContain("Beste Test,");
    expect(receipt.text).toContain(`Dossier: ${d.reference}`);
    expect(receipt.text).toContain(`Controlegetal (SHA-256): ${application.contentHash}`);
    expect(receipt.text).toContain(`${BASE}/dossiers/${d.application.id}/ontvangstbewijs`);
    expect(receipt.text).toContain(`${BASE}/dossiers/${d.application.id}`);
    expect(receipt.html).toContain(`href="${BASE}/dossiers/${d.application.id}/ontvangstbewijs"`);

    // The outbox rows carry the application and the recipient's account.
    const rows = await prisma.emailOutbox.findMany({ where: { applicationId: d.application.id } });
    expect(rows.map((r) => r.userId).sort()).toEqual([d.an.id, d.dirk.id].sort());
    expect(rows.every((r) => r.status === "SENT" && r.template === "submission-receipt")).toBe(true);
    expect(messages.map((m) => m.messageId).sort()).toEqual(rows.map((r) => messageIdFor(r.idempotencyKey)).sort());
  });

  it("the submitting official gets the receipt even after opting out", async () => {
    const d = await municipality();
    await submitDossier(prisma, d.application.id, d.bert.id, d.reference);
    const messages = await arrived(3);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.bert.email]: 1, [d.dirk.email]: 1 });
    expect(messages.find((m) => m.to.includes(d.bert.email))!.text).toContain("Verstuurd door: Test Gebruiker");
  });

  it("writes one message per address, and nothing new when called again for the same change", async () => {
    const d = await municipality();
    // The same person twice, typed with other capitals: one e-mail, not two.
    await createUser(prisma, { email: d.an.email.toUpperCase(), memberOf: [d.organisation.id] });
    await submitDossier(prisma, d.application.id, d.an.id, d.reference);
    const again = await prisma.$transaction((tx) =>
      enqueueStatusEmails(tx, {
        applicationId: d.application.id,
        from: "DRAFT",
        to: "SUBMITTED",
        actorUserId: d.an.id,
        actorRole: "APPLICANT",
      }),
    );
    expect(again).toBe(2); // handed over again, but the keys already exist
    expect(await prisma.emailOutbox.count({ where: { applicationId: d.application.id } })).toBe(2);
    const messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
  });

  it("queues nothing when the status change rolls back", async () => {
    const d = await municipality();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.application.update({ where: { id: d.application.id }, data: { reference: d.reference, submittedById: d.an.id } });
        const { transitionApplication } = await import("~/applications/transition.server");
        await transitionApplication(
          { applicationId: d.application.id, to: "SUBMITTED", actor: { userId: d.an.id, role: "APPLICANT" } },
          tx,
        );
        throw new Error("opslag van de bijlage mislukt");
      }),
    ).rejects.toThrow("opslag van de bijlage mislukt");
    expect(await prisma.emailOutbox.count({ where: { applicationId: d.application.id } })).toBe(0);
  });

  it("follows the review: applicants hear about review and questions, reviewers about answers, deciders about proposals", async () => {
    const d = await municipality();
    const reviewer = { userId: reviewers[0]!.id, role: "REVIEWER" as const };
    await submitDossier(prisma, d.application.id, d.an.id, d.reference);
    await arrived(2);
    catcher.clear();

    await move(d.application.id, "IN_REVIEW", reviewer);
    let messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
    expect(messages[0]!.subject).toBe(`Uw aanvraag ${d.reference} is in behandeling`);
    catcher.clear();

    await move(d.application.id, "INFO_REQUESTED", reviewer, "Voeg het meerjarenplan 2026-2031 toe <graag als PDF>.");
    messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
    expect(messages[0]!.subject).toBe(`Bijkomende informatie gevraagd voor dossier ${d.reference}`);
    expect(messages[0]!.text).toContain("Voeg het meerjarenplan 2026-2031 toe <graag als PDF>.");
    expect(messages[0]!.html).toContain("Voeg het meerjarenplan 2026-2031 toe &lt;graag als PDF&gt;.");
    catcher.clear();

    // The applicant answers: the reviewers hear of it (the deactivated one not), the applicants do not.
    await move(d.application.id, "IN_REVIEW", { userId: d.an.id, role: "APPLICANT" });
    messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [reviewers[0]!.email]: 1, [reviewers[1]!.email]: 1 });
    expect(messages[0]!.subject).toBe(`Antwoord ontvangen voor dossier ${d.reference}`);
    catcher.clear();

    // The proposal is internal: the decider hears of it, the applicant not, nor the proposing reviewer.
    await move(d.application.id, "PROPOSED", reviewer, "Voorstel: goedkeuren, sterk plan.");
    messages = await arrived(1);
    expect(countPerAddress(messages)).toEqual({ [decider.email]: 1 });
    expect(messages[0]!.text).toContain("Voorstel: goedkeuren, sterk plan.");
    catcher.clear();

    // Sent back by the decider: every active reviewer hears of it, the applicants do not.
    await move(d.application.id, "IN_REVIEW", { userId: decider.id, role: "DECIDER" }, "Budget nog eens nakijken.");
    messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [reviewers[0]!.email]: 1, [reviewers[1]!.email]: 1 });
    expect(messages.every((m) => !m.to.includes(d.an.email) && !m.to.includes(admin.email))).toBe(true);
  });

  it("a decision carries the PDF letter that arrives at the SMTP server as an attachment", async () => {
    const d = await municipality();
    await submitDossier(prisma, d.application.id, d.an.id, d.reference);
    await move(d.application.id, "IN_REVIEW", { userId: reviewers[0]!.id, role: "REVIEWER" });
    await move(d.application.id, "PROPOSED", { userId: reviewers[0]!.id, role: "REVIEWER" }, "Gedeeltelijk goedkeuren.");
    await drainAll();
    catcher.clear();

    await prisma.application.update({ where: { id: d.application.id }, data: { requestedCents: 5_000_000, grantedCents: 3_750_000 } });
    await move(
      d.application.id,
      "PARTIALLY_APPROVED",
      { userId: decider.id, role: "DECIDER" },
      "Het gevraagde bereik is te hoog ingeschat.",
    );
    const messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
    for (const message of messages) {
      expect(message.subject).toBe(`Beslissing over uw aanvraag ${d.reference}: gedeeltelijk goedgekeurd`);
      expect(message.text).toContain("Toegekend bedrag: € 37.500,00");
      expect(message.text).toContain("Het gevraagde bereik is te hoog ingeschat.");
      expect(message.attachments).toHaveLength(1);
      const [letter] = message.attachments;
      expect(letter!.filename).toBe(`beslissing-${d.reference}.pdf`);
      expect(letter!.contentType).toBe("application/pdf");
      expect(letter!.content.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
      const pdf = await inspectPdf(letter!.content);
      expect(pdf.info["Title"]).toBe(`Beslissing dossier ${d.reference}`);
      expect(pdf.text).toContain(d.reference);
      expect(pdf.text).toContain("€ 37.500,00");
      expect(pdf.text).toContain("Het gevraagde bereik is te hoog ingeschat.");
    }
    const stored = await prisma.emailAttachment.findMany({ where: { email: { applicationId: d.application.id, template: "decision" } } });
    expect(stored).toHaveLength(2);
    expect(stored[0]!.sha256).toBe(stored[1]!.sha256);
  });

  it("a positive decision in a recognition programme is a recognition e-mail, with its letter", async () => {
    const d = await municipality();
    await prisma.programme.update({
      where: { id: call.programmeId },
      data: { kind: "RECOGNITION", name: "Erkenning partnerorganisaties" },
    });
    try {
      await submitDossier(prisma, d.application.id, d.an.id, d.reference);
      await move(d.application.id, "IN_REVIEW", { userId: reviewers[0]!.id, role: "REVIEWER" });
      await move(d.application.id, "PROPOSED", { userId: reviewers[0]!.id, role: "REVIEWER" }, "Erkennen.");
      await drainAll();
      catcher.clear();
      await move(d.application.id, "APPROVED", { userId: decider.id, role: "DECIDER" }, "Geen overlap met andere partners.");
      const messages = await arrived(2);
      expect(messages[0]!.subject).toBe(`Uw organisatie is erkend (dossier ${d.reference})`);
      expect((await inspectPdf(messages[0]!.attachments[0]!.content)).text).toContain("als partnerorganisatie");
    } finally {
      await prisma.programme.update({ where: { id: call.programmeId }, data: { kind: "FUNDING" } });
    }
  });

  it("withdrawal and reopening tell the applicants, with who withdrew and why it was reopened", async () => {
    const d = await municipality();
    await submitDossier(prisma, d.application.id, d.an.id, d.reference);
    await drainAll();
    catcher.clear();
    await move(d.application.id, "DRAFT", { userId: reviewers[0]!.id, role: "REVIEWER" }, "Verkeerde bijlage opgeladen.");
    let messages = await arrived(2);
    expect(messages[0]!.subject).toBe(`Uw aanvraag ${d.reference} is teruggezet naar concept`);
    expect(messages[0]!.text).toContain("Verkeerde bijlage opgeladen.");
    expect(messages[0]!.text).toContain("opnieuw versturen tot 31 december 2026 om 23:59");
    catcher.clear();

    await move(d.application.id, "WITHDRAWN", { userId: d.dirk.id, role: "APPLICANT" });
    messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
    expect(messages[0]!.text).toContain("werd ingetrokken door Test Gebruiker");
  });

  it("an extension tells the organisation's members the new deadline and the reason", async () => {
    const d = await municipality();
    const closesAt = endOfDay("2027-01-15");
    await prisma.$transaction(async (tx) => {
      await tx.deadlineExtension.create({
        data: { callId: call.id, organisationId: d.organisation.id, closesAt, reason: "Fusie van gemeenten.", grantedById: admin.id },
      });
      expect(
        await notifyExtensionGranted(tx, { callId: call.id, organisationId: d.organisation.id, closesAt, reason: "Fusie van gemeenten." }),
      ).toBe(2);
      // Same extension twice: same keys, nothing new.
      await notifyExtensionGranted(tx, { callId: call.id, organisationId: d.organisation.id, closesAt, reason: "Fusie van gemeenten." });
    });
    const messages = await arrived(2);
    expect(countPerAddress(messages)).toEqual({ [d.an.email]: 1, [d.dirk.email]: 1 });
    expect(messages[0]!.text).toContain("Nieuwe termijn: 15 januari 2027 om 23:59 (Belgische tijd)");
    expect(messages[0]!.text).toContain("Fusie van gemeenten.");
    expect(messages[0]!.text).toContain(`${BASE}/dossiers/${d.application.id}`);
  });

  it("an extension for an organisation without a dossier yet links to its dossier list", async () => {
    const organisation = await createOrganisation(prisma, { name: "Gemeente Nog Niets" });
    const member = await createUser(prisma, { email: "lid@nog-niets.example", memberOf: [organisation.id] });
    const closesAt = endOfDay("2027-01-15");
    await prisma.$transaction((tx) =>
      notifyExtensionGranted(tx, { callId: call.id, organisationId: organisation.id, closesAt, reason: "Overmacht." }),
    );
    const [message] = await arrived(1, (m) => m.to.includes(member.email));
    expect(message!.text).toContain("Dossier: nog geen aanvraag gestart");
    expect(message!.text).toContain(`${BASE}/mijn-dossiers`);
  });
});

/** A port nobody listens on, that a server can take later. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("with the SMTP server down", () => {
  it("keeps the e-mails of several status changes waiting and delivers each exactly once when it is back", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const dossiers = [await municipality(), await municipality(), await municipality()];
    for (const d of dossiers) await submitDossier(prisma, d.application.id, d.an.id, d.reference);
    const ids = dossiers.map((d) => d.application.id);

    // Three runs against the closed port: nothing is lost, nothing leaves, no row gives up.
    for (let run = 0; run < 3; run++) {
      await drainAll();
      setNow(new Date(now().getTime() + backoffMs(8)));
    }
    const waiting = await prisma.emailOutbox.findMany({ where: { applicationId: { in: ids } } });
    expect(waiting).toHaveLength(6);
    expect(waiting.every((row) => row.status === "PENDING")).toBe(true);
    expect(waiting.some((row) => row.lastError?.includes("ECONNREFUSED"))).toBe(true);

    // The server comes back on the same address.
    const back = await startMailCatcher({ smtpPort: port });
    try {
      setNow(new Date(now().getTime() + backoffMs(8)));
      expect(await drainAll()).toBe(6);
      expect(await drainAll()).toBe(0);
      await back.waitForMessages(() => true, { count: 6 });
      const expected = Object.fromEntries(
        dossiers.flatMap((d) => [
          [d.an.email, 1],
          [d.dirk.email, 1],
        ]),
      );
      expect(countPerAddress(back.messages())).toEqual(expected);
      expect(new Set(back.messages().map((m) => m.messageId)).size).toBe(6);
      const rows = await prisma.emailOutbox.findMany({ where: { applicationId: { in: ids } } });
      expect(rows.every((row) => row.status === "SENT" && row.smtpResponse?.startsWith("250"))).toBe(true);
    } finally {
      await back.close();
    }
  });
});
