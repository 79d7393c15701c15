import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { startMailCatcher, type MailCatcher } from "~/mail/catcher.server";
import { messageIdFor } from "~/mail/mailer.server";
import { enqueueEmail, outboxStats, type EnqueueEmailInput } from "~/mail/outbox.server";
import { backoffMs, drainOutbox, LOCK_MS, MAX_ATTEMPTS, startOutboxWorker } from "~/mail/outbox-worker.server";
import { now, resetClock, setNow } from "~/utils/clock.server";
import { passwordResetEmail } from "../../emails/password-reset";

// Real SMTP (the catcher on a random local port) and the real SQLite test database: no mocks.
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
});

afterAll(async () => {
  await catcher.close();
});

beforeEach(async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  catcher.clear();
  await prisma.emailOutbox.deleteMany();
});

afterEach(() => {
  resetClock();
});

/** A port nobody listens on: bind a free one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function resetMail(key: string, to: string): EnqueueEmailInput {
  return {
    idempotencyKey: key,
    template: "password-reset",
    to,
    ...passwordResetEmail({
      firstName: "An",
      resetUrl: `https://portaal.example/wachtwoord-herstellen/${key}`,
      expiresAt: new Date(now().getTime() + 3_600_000),
    }),
  };
}

async function enqueue(input: EnqueueEmailInput) {
  return prisma.$transaction((tx) => enqueueEmail(tx, input));
}

function outboxRow(key: string) {
  return prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } });
}

/**
 * Keeps this process's event loop about fully busy until `until` (performance.now() time), in
 * 10 ms slices with room for I/O in between, as a web server is during a deadline's burst.
 * With `done`, checked between slices, it stops early once that holds.
 */
async function keepEventLoopBusy(until: number, done?: () => Promise<boolean>): Promise<string> {
  while (performance.now() < until) {
    const sliceEnd = Math.min(until, performance.now() + 10);
    while (performance.now() < sliceEnd) {
      // work, as a render would
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (done && (await done())) return "done before the busy spell ended";
  }
  return "busy spell over";
}

describe("e-mail outbox", () => {
  it("delivers a queued message once, with the right recipient, subject and text", async () => {
    await enqueue(resetMail("reset:1", "an.peeters@gemeente.example"));

    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, retried: 0 });
    const [message] = await catcher.waitForMessages((m) => m.to.includes("an.peeters@gemeente.example"));
    expect(message!.to).toEqual(["an.peeters@gemeente.example"]);
    expect(message!.subject).toBe("Uw wachtwoord herstellen");
    expect(message!.text).toContain("Beste An,");
    expect(message!.text).toContain("https://portaal.example/wachtwoord-herstellen/reset:1");
    expect(message!.html).toContain("Nieuw wachtwoord kiezen");
    expect(message!.from).toContain("noreply@subsidieportaal.agii.example");
    expect(message!.messageId).toBe(messageIdFor("reset:1"));

    const row = await outboxRow("reset:1");
    expect(row).toMatchObject({ status: "SENT", attempts: 0, lockedUntil: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    // Nothing is due any more: a second run sends nothing.
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(catcher.messages()).toHaveLength(1);
  });

  it("keeps one row and sends one e-mail when the same key is queued twice", async () => {
    await enqueue(resetMail("reset:twice", "bert@ocmw.example"));
    await enqueue({ ...resetMail("reset:twice", "bert@ocmw.example"), subject: "Tweede versie" });

    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: "reset:twice" } })).toBe(1);
    expect((await outboxRow("reset:twice")).subject).toBe("Uw wachtwoord herstellen");

    await drainOutbox();
    await enqueue(resetMail("reset:twice", "bert@ocmw.example")); // a late retry after sending
    await drainOutbox();
    expect(catcher.messages().map((m) => m.subject)).toEqual(["Uw wachtwoord herstellen"]);
    expect((await outboxRow("reset:twice")).status).toBe("SENT");
  });

  it("queues nothing when the transaction of the state change rolls back", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, resetMail("reset:rolled-back", "carla@vzw.example"));
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");
    expect(await prisma.emailOutbox.count()).toBe(0);
  });

  it("keeps a message PENDING with a backoff while SMTP is down, then delivers it exactly once", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    await enqueue(resetMail("reset:down", "dirk@igs.example"));

    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const failed = await outboxRow("reset:down");
    expect(failed.status).toBe("PENDING");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(failed.lockedUntil).toBeNull();
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(now().getTime());
    expect(failed.nextAttemptAt.getTime()).toBeLessThanOrEqual(now().getTime() + backoffMs(1));

    // Not due yet: no new attempt, even once a mail server is reachable.
    const late = await startMailCatcher();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${late.smtpPort}`;
      expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect((await outboxRow("reset:down")).attempts).toBe(1);

      setNow(new Date(failed.nextAttemptAt.getTime() + 1_000));
      expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });

      const messages = await late.waitForMessages((m) => m.to.includes("dirk@igs.example"));
      expect(messages).toHaveLength(1);
      expect(late.messages()).toHaveLength(1);
      expect(await outboxRow("reset:down")).toMatchObject({ status: "SENT", attempts: 1 });
    } finally {
      await late.close();
    }
  });

  it("backs off exponentially and gives up after the last attempt", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    await enqueue(resetMail("reset:never", "eva@gemeente.example"));

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = now().getTime();
      const result = await drainOutbox();
      const row = await outboxRow("reset:never");
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(result.retried).toBe(1);
        expect(row.status).toBe("PENDING");
        const wait = row.nextAttemptAt.getTime() - before;
        expect(wait).toBeGreaterThanOrEqual(backoffMs(attempt));
        expect(wait).toBeLessThan(backoffMs(attempt) + 5_000);
        setNow(new Date(row.nextAttemptAt.getTime() + 1));
      } else {
        expect(result.failed).toBe(1);
        expect(row.status).toBe("FAILED");
      }
    }
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(20)).toBe(3_600_000);

    // A failed message is not retried any more.
    setNow(new Date(now().getTime() + 24 * 3_600_000));
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await outboxStats()).toMatchObject({ FAILED: 1, PENDING: 0 });
  });

  it("takes over a message left in SENDING by a crashed worker once its lock expired", async () => {
    const base = { template: "password-reset", subject: "Achtergebleven", textBody: "tekst", htmlBody: "<p>html</p>" };
    await prisma.emailOutbox.create({
      data: {
        ...base,
        idempotencyKey: "crashed",
        toAddress: "frank@vgc.example",
        status: "SENDING",
        lockedUntil: new Date(now().getTime() - 1_000),
      },
    });
    await prisma.emailOutbox.create({
      data: {
        ...base,
        idempotencyKey: "busy",
        toAddress: "greet@vgc.example",
        status: "SENDING",
        lockedUntil: new Date(now().getTime() + LOCK_MS),
      },
    });

    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(catcher.messages().map((m) => m.to)).toEqual([["frank@vgc.example"]]);
    expect(await outboxRow("crashed")).toMatchObject({ status: "SENT", lockedUntil: null });
    // Still locked by a living worker: left alone until that lock expires.
    expect((await outboxRow("busy")).status).toBe("SENDING");

    setNow(new Date(now().getTime() + LOCK_MS + 1_000));
    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(catcher.messages()).toHaveLength(2);
  });

  it("never lets two workers send the same message", async () => {
    const keys = Array.from({ length: 6 }, (_, index) => `race:${index}`);
    for (const key of keys) await enqueue(resetMail(key, `${key.replace(":", "-")}@race.example`));

    const [a, b] = await Promise.all([drainOutbox(), drainOutbox()]);
    expect(a.sent + b.sent).toBe(keys.length);
    const messages = await catcher.waitForMessages(() => true, { count: keys.length });
    expect(messages).toHaveLength(keys.length);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(keys.length);
  });

  it("runs in the background until stopped", async () => {
    const worker = startOutboxWorker({ intervalMs: 20 });
    try {
      await enqueue(resetMail("reset:worker", "hilde@gemeente.example"));
      await catcher.waitForMessages((m) => m.to.includes("hilde@gemeente.example"), { timeoutMs: 5_000 });
    } finally {
      await worker.stop();
    }
    expect((await outboxRow("reset:worker")).status).toBe("SENT");
  });

  it("waits while its process is busy serving, and sends once it is quiet", async () => {
    const busyUntil = performance.now() + 1_000;
    const busy = keepEventLoopBusy(busyUntil);
    const worker = startOutboxWorker({ intervalMs: 20, yieldTo: { windowMs: 50, maxWaitMs: 10_000 } });
    try {
      await enqueue(resetMail("reset:busy", "ivo@gemeente.example"));
      await busy;
      expect((await outboxRow("reset:busy")).status).toBe("PENDING");
      await catcher.waitForMessages((m) => m.to.includes("ivo@gemeente.example"), { timeoutMs: 5_000 });
    } finally {
      await worker.stop();
    }
  });

  it("waits while the web server has many requests open, even with its thread idle", async () => {
    // Submits waiting on PostgreSQL leave the thread idle between their statements: the number
    // of requests open is what tells the worker that a burst is going on.
    let open = 40;
    let peak = open;
    const requestPeak = () => {
      const seen = peak;
      peak = open;
      return seen;
    };
    const worker = startOutboxWorker({ intervalMs: 20, yieldTo: { windowMs: 50, maxWaitMs: 10_000, requestPeak } });
    try {
      await enqueue(resetMail("reset:open", "ivo@gemeente.example"));
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await outboxRow("reset:open")).status).toBe("PENDING");
      // A few requests at once is everyday traffic, not a burst.
      open = 3;
      await catcher.waitForMessages((m) => m.to.includes("ivo@gemeente.example"), { timeoutMs: 5_000 });
    } finally {
      await worker.stop();
    }
  });

  it("sends during a busy spell without yieldTo, and after maxWaitMs with it", async () => {
    for (const yieldTo of [undefined, { windowMs: 50, maxWaitMs: 300 }]) {
      const key = `reset:busy-${yieldTo ? "capped" : "plain"}`;
      await enqueue(resetMail(key, "ivo@gemeente.example"));
      const busy = keepEventLoopBusy(performance.now() + 3_000, async () => (await outboxRow(key)).status === "SENT");
      const worker = startOutboxWorker({ intervalMs: 20, yieldTo });
      try {
        expect(await busy).toBe("done before the busy spell ended");
      } finally {
        await worker.stop();
      }
    }
  });

  it("reports counts per status and the oldest waiting message", async () => {
    expect(await outboxStats()).toEqual({ PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, oldestPendingAt: null, unconfirmed: 0 });
    setNow(new Date("2026-03-02T08:00:00Z"));
    await enqueue(resetMail("stats:1", "ina@example.be"));
    setNow(new Date("2026-03-02T09:00:00Z"));
    await enqueue(resetMail("stats:2", "jo@example.be"));

    const stats = await outboxStats();
    expect(stats).toMatchObject({ PENDING: 2, SENDING: 0, SENT: 0, FAILED: 0 });
    // The portal clock keeps ticking after setNow, so allow the milliseconds the test took.
    const oldest = stats.oldestPendingAt!.getTime();
    expect(oldest).toBeGreaterThanOrEqual(Date.parse("2026-03-02T08:00:00Z"));
    expect(oldest).toBeLessThan(Date.parse("2026-03-02T08:01:00Z"));
  });
});
