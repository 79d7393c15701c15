import { prisma } from "~/db.server";
import { sql } from "~/db/sql";
import { sqlDb } from "~/db/sql.server";
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { waitUntilQuiet, type QuietOptions } from "~/utils/event-loop.server";
import { composeMail, type ComposedMail } from "./mailer.server";
import { SmtpSession } from "./smtp-session.server";
import { isRecord } from "~/utils/guards";

/** Long enough for one SMTP exchange with its timeouts; after that the row counts as abandoned. */
export const LOCK_MS = 2 * 60 * 1000;
export const MAX_ATTEMPTS = 8;
const DRAIN_BATCH = 50;
const BASE_BACKOFF_MS = 30 * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** Wait before the next try after `attempts` failures: 30 s, 1 min, 2 min, ... at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** Due: waiting and its time has come, or claimed by a worker that died (lock expired). */
function dueWhere(at: Date): Prisma.EmailOutboxWhereInput {
  return {
    OR: [
      { status: "PENDING", nextAttemptAt: { lte: at } },
      { status: "SENDING", lockedUntil: { lt: at } },
    ],
  };
}

export type DrainResult = { sent: number; failed: number; retried: number };

/**
 * Sends what is due over one SMTP connection, one message at a time. Safe to run in several
 * processes at once: every row is claimed first. When the SMTP server cannot be reached, the
 * rest of the batch is left alone (their attempts are not used up) until the next run.
 */
export async function drainOutbox({ batchSize = DRAIN_BATCH }: { batchSize?: number } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retried: 0 };
  // Read with their content in one query: a queued message never changes, only its state does.
  const candidates = await prisma.emailOutbox.findMany({
    where: dueWhere(now()),
    orderBy: { nextAttemptAt: "asc" },
    take: batchSize,
    include: { attachments: true },
  });
  const connection = new LazySession();
  try {
    for (const row of candidates) {
      const outcome = await deliver(row, connection);
      if (outcome.result) result[outcome.result] += 1;
      if (outcome.unreachable) break;
    }
  } finally {
    connection.close();
  }
  return result;
}

/** Opens the SMTP connection at the first message that needs it, and again after a failure. */
class LazySession {
  #session: SmtpSession | null = null;

  async get(): Promise<SmtpSession> {
    if (this.#session?.usable) return this.#session;
    this.#session?.close();
    this.#session = null;
    this.#session = await SmtpSession.open();
    return this.#session;
  }

  close(): void {
    this.#session?.close();
    this.#session = null;
  }
}

type DeliverOutcome = { result: keyof DrainResult | null; unreachable?: boolean };

type OutboxRow = Prisma.EmailOutboxGetPayload<{ include: { attachments: true } }>;

async function deliver(row: OutboxRow, connection: LazySession): Promise<DeliverOutcome> {
  const { id } = row;
  const at = now();
  const lockedUntil = new Date(at.getTime() + LOCK_MS);
  // The claim repeats the due condition: of two workers that saw the same row, only the one
  // whose update still matches gets count 1; the other skips it. Naming the attempts we read
  // also skips a row another worker tried in the meantime (its backoff is then not ours to set).
  // The state changes of a message are plain SQL on the fast lane (app/db/sql.server.ts): three
  // per message, for every message of a deadline day.
  const db = await sqlDb();
  const claimed = await db.execute(sql`
    UPDATE "EmailOutbox" SET "status" = 'SENDING', "lockedUntil" = ${lockedUntil}
    WHERE "id" = ${id} AND "attempts" = ${row.attempts}
      AND (("status" = 'PENDING' AND "nextAttemptAt" <= ${at}) OR ("status" = 'SENDING' AND "lockedUntil" < ${at}))`);
  if (claimed !== 1) return { result: null };
  // Every later write names our lock, so a worker that lost its lock cannot overwrite the
  // outcome of the worker that took the row over.
  const ours = sql`"id" = ${id} AND "lockedUntil" = ${lockedUntil}`;

  const giveUp = async (error: unknown, permanent = false): Promise<DeliverOutcome> => {
    const attempts = row.attempts + 1;
    const failed = permanent || attempts >= MAX_ATTEMPTS;
    // SENT too: the row was marked just before a final "." that never went out.
    await db.execute(sql`
      UPDATE "EmailOutbox" SET "status" = ${failed ? "FAILED" : "PENDING"}, "attempts" = ${attempts}, "lastError" = ${describeError(error)},
        "nextAttemptAt" = ${failed ? row.nextAttemptAt : new Date(now().getTime() + backoffMs(attempts))}, "lockedUntil" = NULL, "sentAt" = NULL
      WHERE ${ours} AND "status" IN ('SENDING', 'SENT')`);
    if (failed) console.error(`[outbox] e-mail ${id} (${row.template}) definitief mislukt: ${describeError(error)}`);
    return { result: failed ? "failed" : "retried" };
  };

  let session: SmtpSession;
  let mail: ComposedMail;
  try {
    mail = await composeMail({
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      replyTo: row.replyTo,
      idempotencyKey: row.idempotencyKey,
      attachments: row.attachments,
    });
  } catch (error) {
    return giveUp(error, true);
  }
  try {
    session = await connection.get();
  } catch (error) {
    return { ...(await giveUp(error)), unreachable: true };
  }

  // Marked SENT before the final "." (not after the server's reply): if this process dies in
  // between, the message is not sent a second time. See docs/decisions/0013.
  const outcome = await session.send(mail, async () => {
    const marked = await db.execute(
      sql`UPDATE "EmailOutbox" SET "status" = 'SENT', "sentAt" = ${now()} WHERE ${ours} AND "status" = 'SENDING'`,
    );
    if (marked !== 1) throw new Error("De vergrendeling van dit bericht is verlopen; een andere verzender nam het over.");
  });

  switch (outcome.kind) {
    case "accepted":
      await db.execute(sql`
        UPDATE "EmailOutbox" SET "lockedUntil" = NULL, "lastError" = NULL, "smtpResponse" = ${outcome.response.slice(0, 300)}
        WHERE ${ours} AND "status" = 'SENT'`);
      return { result: "sent" };
    case "unconfirmed":
      // Left SENT: sending again could deliver it twice. The admin page lists it for a decision.
      await db.execute(sql`
        UPDATE "EmailOutbox" SET "lockedUntil" = NULL, "lastError" = ${`Geen bevestiging van de mailserver: ${describeError(outcome.error)}`.slice(0, 300)}
        WHERE ${ours} AND "status" = 'SENT'`);
      console.warn(`[outbox] e-mail ${id} verstuurd zonder bevestiging: ${describeError(outcome.error)}`);
      return { result: "sent" };
    case "abandoned":
      console.warn(`[outbox] e-mail ${id} niet afgewerkt: ${describeError(outcome.error)}`);
      return { result: null };
    case "not-sent":
    case "rejected":
      return giveUp(outcome.error, outcome.permanent);
  }
}

/** Short and single-line: enough to diagnose, small enough for the admin view. */
function describeError(error: unknown): string {
  const fields = isRecord(error) ? error : {};
  const message = typeof fields.message === "string" ? fields.message : String(error);
  const code = typeof fields.code === "string" ? `${fields.code}: ` : "";
  return (code + message).replace(/\s+/g, " ").trim().slice(0, 300);
}

/**
 * Drains the outbox every `intervalMs`. The next run is scheduled only after the previous one
 * finished, so runs never overlap; an error is logged and the next run tries again. With
 * `yieldTo`, a worker inside the web process waits until the requests leave its thread mostly
 * idle (at most `maxWaitMs`) before each batch: the e-mails of a deadline's submits follow the
 * burst instead of slowing it down (docs/decisions/0046).
 */
export function startOutboxWorker({ intervalMs = 2_000, yieldTo }: { intervalMs?: number; yieldTo?: QuietOptions } = {}): {
  stop(): Promise<void>;
} {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const quiet = () => (yieldTo ? waitUntilQuiet({ ...yieldTo, cancelled: () => stopped }) : Promise.resolve(0));

  const tick = () => {
    running = quiet()
      .then(() => drainOutbox())
      .then(
        // A whole batch handled means more is probably waiting (a deadline's receipts): go on at once.
        ({ sent, failed, retried }) => sent + failed + retried >= DRAIN_BATCH,
        (error: unknown) => {
          console.error("[outbox] verzenden mislukt:", error);
          return false;
        },
      )
      .then((more) => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, more ? 0 : intervalMs);
      });
  };
  timer = setTimeout(tick, 0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
