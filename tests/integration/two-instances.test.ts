import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, databaseProvider } from "~/db.server";
import { startMailCatcher, type MailCatcher } from "~/mail/catcher.server";
import { messageIdFor } from "~/mail/mailer.server";
import { prepareBurst, type Burst } from "../support/deadline-burst";
import { startServer, type RunningServer } from "../support/server";

// Two portal processes on one PostgreSQL database, each with its own e-mail worker and reminder
// scheduler, behind no proxy: the set-up the README describes for production. A submission burst
// and status changes are split over both; every submission must exist once and every e-mail
// must arrive once. (SQLite is served by one process only: there is nothing to test there.)
const ORGANISATIONS = 40;
const postgres = databaseProvider() === "postgresql";
const db = createPrismaClient();
let catcher: MailCatcher;
let servers: RunningServer[] = [];
let burst: Burst;
let dossiers: Burst["calls"][string]["dossiers"];
let callId: string;

beforeAll(async () => {
  if (!postgres) return;
  catcher = await startMailCatcher({ maxMessages: 5_000 });
  burst = await prepareBurst(db, { organisations: ORGANISATIONS, now: new Date(), closesAt: new Date(Date.now() + 3 * 24 * 3600_000) });
  ({ callId, dossiers } = burst.calls.DAG!);
  const env = { SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, OUTBOX_INTERVAL_MS: "50", RATE_LIMIT_PER_MINUTE: "100000" };
  // Nobody logs in (the sessions are made in the database), so no identity provider.
  servers = await Promise.all([startServer(env, { login: "password" }), startServer(env, { login: "password" })]);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await catcher?.close();
  await db.$disconnect();
});

function post(server: RunningServer, path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return fetch(new URL(path, server.url), {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: new URL(server.url).origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(postgres)("two instances on one PostgreSQL database", () => {
  it("numbers every submission once, even when each is sent to both instances at the same moment", async () => {
    const answers = await Promise.all(
      dossiers.flatMap((dossier) =>
        servers.map((server) =>
          post(server, `/dossiers/${dossier.applicationId}/overzicht`, dossier.cookie, { baseVersion: String(dossier.version) }),
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toMatch(/^\/dossiers\/\w+\/ontvangstbewijs/);
    }
    const applications = await db.application.findMany({ where: { callId: callId }, select: { status: true, reference: true } });
    expect(applications.map((a) => a.status)).toEqual(Array(ORGANISATIONS).fill("SUBMITTED"));
    const numbers = applications.map((a) => Number(a.reference!.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: ORGANISATIONS }, (_, i) => i + 1));
    const audit = await db.auditEvent.count({ where: { action: "application.status", after: { contains: "SUBMITTED" } } });
    expect(audit).toBe(ORGANISATIONS);
  }, 120_000);

  it("moves each dossier once when reviewers on both instances take it at the same moment", async () => {
    const answers = await Promise.all(
      dossiers.flatMap((dossier) =>
        servers.map((server) =>
          post(server, `/dossiers/${dossier.applicationId}/beoordeling`, burst.reviewerCookie, {
            form: "assign",
            assigneeId: burst.reviewerId,
          }),
        ),
      ),
    );
    for (const answer of answers) expect(answer.status).toBeLessThan(500);
    const statuses = await db.application.groupBy({ by: ["status"], where: { callId: callId }, _count: { _all: true } });
    expect(statuses).toEqual([{ status: "IN_REVIEW", _count: { _all: ORGANISATIONS } }]);
    const moves = await db.auditEvent.count({ where: { action: "application.status", after: { contains: "IN_REVIEW" } } });
    expect(moves).toBe(ORGANISATIONS);
  }, 120_000);

  it("delivers every queued e-mail exactly once, whichever worker sent it", async () => {
    const queued = await db.emailOutbox.findMany({ select: { idempotencyKey: true, template: true } });
    // One receipt and one "review started" per dossier (one official each), nothing else.
    expect(queued.filter((m) => m.template === "submission-receipt")).toHaveLength(ORGANISATIONS);
    expect(queued.filter((m) => m.template === "review-started")).toHaveLength(ORGANISATIONS);
    const sent = await until(
      () => db.emailOutbox.count({ where: { status: "SENT", smtpResponse: { not: null } } }),
      (count) => count === queued.length,
    );
    expect(sent).toBe(queued.length);
    const arrived = await catcher.waitForMessages(undefined, { count: queued.length, timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would show up now
    const messageIds = catcher.messages().map((m) => m.messageId);
    expect(messageIds).toHaveLength(arrived.length);
    expect(new Set(messageIds).size).toBe(queued.length);
    expect([...messageIds].sort()).toEqual(queued.map((m) => messageIdFor(m.idempotencyKey)).sort());
  }, 120_000);

  it("shares the rate-limit counters: attempts on both instances count together", async () => {
    const limited = await Promise.all(
      servers.map(() =>
        startServer(
          { RATE_LIMIT_AUTH_PER_MINUTE: "6", RATE_LIMIT_SYNC_MS: "50", OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" },
          { login: "password" },
        ),
      ),
    );
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        // Each instance writes its counts and reads the others' every 50 ms here (1 s by default).
        await new Promise((resolve) => setTimeout(resolve, 200));
        const server = limited[i % 2]!;
        const answer = await fetch(new URL("/aanmelden", server.url), {
          method: "POST",
          redirect: "manual",
          headers: { origin: new URL(server.url).origin, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: "niemand@gemeente.example", password: "fout-wachtwoord" }),
        });
        statuses.push(answer.status);
      }
      // Six attempts in all are let through (three per instance), then both refuse.
      expect(statuses.slice(0, 6).every((status) => status !== 429)).toBe(true);
      expect(statuses.slice(6)).toEqual([429, 429]);
    } finally {
      await Promise.all(limited.map((server) => server.stop()));
    }
  }, 60_000);
});
