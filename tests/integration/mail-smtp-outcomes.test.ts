import { createServer, type Server, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { retryEmail } from "~/mail/admin.server";
import { startMailCatcher } from "~/mail/catcher.server";
import { composeMail, messageIdFor } from "~/mail/mailer.server";
import { enqueueEmail, outboxStats } from "~/mail/outbox.server";
import { drainOutbox } from "~/mail/outbox-worker.server";
import { SmtpSession } from "~/mail/smtp-session.server";
import { now, resetClock, setNow } from "~/utils/clock.server";
import { createUser } from "../support/fixtures";

// What the worker does with each answer a real SMTP server on 127.0.0.1 can give: refusals
// before and after the message, a connection that dies after the final ".", a lost claim.
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
  await prisma.emailOutbox.deleteMany();
});

afterEach(async () => {
  resetClock();
  while (closers.length) await closers.pop()!();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

/** smtp-server that answers the envelope or the message with an error of our choice. */
async function refusingServer(stage: "rcpt" | "data", code: number, message: string): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onRcptTo(_address, _session, callback) {
      if (stage !== "rcpt") return callback();
      callback(Object.assign(new Error(message), { responseCode: code }));
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => callback(stage === "data" ? Object.assign(new Error(message), { responseCode: code }) : null));
    },
  });
  server.on("error", () => {});
  const port = await listen(server.server);
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return port;
}

/** A plain SMTP dialogue that takes the whole message and then hangs up without an answer. */
async function silentServer(): Promise<{ port: number; received: () => number }> {
  let received = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let inData = false;
    let buffer = "";
    socket.write("220 stil.example ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      if (inData) {
        if (buffer.includes("\r\n.\r\n")) {
          received += 1;
          socket.destroy(); // message complete, no "250"
        }
        return;
      }
      let index: number;
      while ((index = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (/^EHLO|^HELO/i.test(line)) socket.write("250 stil.example\r\n");
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write("354 go ahead\r\n");
          return;
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  const port = await listen(server);
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { port, received: () => received };
}

async function queue(key: string) {
  return prisma.$transaction((tx) =>
    enqueueEmail(tx, {
      idempotencyKey: key,
      template: "test",
      to: "lies@gemeente.example",
      subject: `Onderwerp ${key}`,
      text: "Tekst",
      html: "<p>Tekst</p>",
    }),
  );
}

const row = (key: string) => prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } });

describe("SMTP outcomes", () => {
  it("a recipient refused for good (5xx) fails at once, without waiting for more attempts", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await refusingServer("rcpt", 550, "Mailbox bestaat niet")}`;
    await queue("rcpt-550");
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await row("rcpt-550")).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null, smtpResponse: null });
    expect((await row("rcpt-550")).lastError).toContain("Mailbox bestaat niet");
  });

  it("a message refused after the final '.' with 4xx is not sent: it waits and is tried again", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await refusingServer("data", 451, "Tijdelijk probleem")}`;
    await queue("data-451");
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const after = await row("data-451");
    expect(after).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null, smtpResponse: null, lockedUntil: null });
    expect(after.lastError).toContain("Tijdelijk probleem");
  });

  it("a complete message without an answer stays SENT, unconfirmed, and an admin can send it again", async () => {
    const silent = await silentServer();
    process.env.SMTP_URL = `smtp://127.0.0.1:${silent.port}`;
    await queue("silent");
    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(silent.received()).toBe(1);
    const unconfirmed = await row("silent");
    expect(unconfirmed).toMatchObject({ status: "SENT", smtpResponse: null, lockedUntil: null });
    expect(unconfirmed.lastError).toMatch(/^Geen bevestiging van de mailserver/);
    expect((await outboxStats()).unconfirmed).toBe(1);
    // The worker never sends it again by itself.
    setNow(new Date(now().getTime() + 24 * 3_600_000));
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(silent.received()).toBe(1);

    // An administrator decides to send it again: audited, same Message-ID.
    const admin = await createUser(prisma, { staffRoles: ["ADMIN"] });
    const catcher = await startMailCatcher();
    closers.push(() => catcher.close());
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
    expect(await retryEmail(admin.id, unconfirmed.id)).toEqual({ ok: true });
    expect(await retryEmail(admin.id, unconfirmed.id)).toEqual({
      ok: false,
      message: "Dit bericht kan niet opnieuw verstuurd worden: het is niet (meer) mislukt.",
    });
    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, retried: 0 });
    const [message] = await catcher.waitForMessages();
    expect(message!.messageId).toBe(messageIdFor("silent"));
    expect((await row("silent")).smtpResponse).toMatch(/^250/);
    const audit = await prisma.auditEvent.findMany({ where: { action: "email.retry", entityId: unconfirmed.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", entityType: "EmailOutbox" });
  });

  it("a worker that lost its claim drops the message before the final '.', and the server keeps nothing", async () => {
    const catcher = await startMailCatcher();
    closers.push(() => catcher.close());
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
    const session = await SmtpSession.open();
    const mail = await composeMail({
      to: "lies@gemeente.example",
      subject: "Half",
      text: "Tekst",
      html: "<p>Tekst</p>",
      idempotencyKey: "half",
    });
    const outcome = await session.send(mail, async () => {
      throw new Error("claim verloren");
    });
    expect(outcome.kind).toBe("abandoned");
    expect(session.usable).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(catcher.messages()).toHaveLength(0);

    // A fresh session delivers the same message once, whole.
    const again = await SmtpSession.open();
    expect((await again.send(mail, async () => {})).kind).toBe("accepted");
    again.close();
    const [message] = await catcher.waitForMessages();
    expect(message!.subject).toBe("Half");
  });
});
