import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { sendMail } from "./mailer.server";

/** Long enough for one SMTP exchange with its timeouts; after that the row counts as abandoned. */
export const LOCK_MS = 2 * 60 * 1000;
export const MAX_ATTEMPTS = 8;
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

/** Sends what is due, one message at a time. Safe to run in several processes at once. */
export async function drainOutbox({ batchSize = 50 }: { batchSize?: number } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retried: 0 };
  const candidates = await prisma.emailOutbox.findMany({
    where: dueWhere(now()),
    orderBy: { nextAttemptAt: "asc" },
    take: batchSize,
    select: { id: true },
  });
  for (const { id } of candidates) {
    const outcome = await deliver(id);
    if (outcome) result[outcome] += 1;
  }
  return result;
}

async function deliver(id: string): Promise<keyof DrainResult | null> {
  const at = now();
  const lockedUntil = new Date(at.getTime() + LOCK_MS);
  // The claim repeats the due condition: of two workers that saw the same row, only the one
  // whose update still matches gets count 1; the other skips it.
  const claim = await prisma.emailOutbox.updateMany({
    where: { id, ...dueWhere(at) },
    data: { status: "SENDING", lockedUntil },
  });
  if (claim.count !== 1) return null;

  const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
  // Every later write names our lock, so a worker that lost its lock cannot overwrite the
  // outcome of the worker that took the row over.
  const ours = { id, status: "SENDING", lockedUntil };
  try {
    await sendMail({
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      idempotencyKey: row.idempotencyKey,
    });
  } catch (error) {
    const attempts = row.attempts + 1;
    const failed = attempts >= MAX_ATTEMPTS;
    const retryAt = new Date(now().getTime() + backoffMs(attempts));
    await prisma.emailOutbox.updateMany({
      where: ours,
      data: {
        status: failed ? "FAILED" : "PENDING",
        attempts,
        lastError: describeError(error),
        nextAttemptAt: failed ? row.nextAttemptAt : retryAt,
        lockedUntil: null,
      },
    });
    if (failed) console.error(`[outbox] e-mail ${id} (${row.template}) definitief mislukt: ${describeError(error)}`);
    return failed ? "failed" : "retried";
  }
  const done = await prisma.emailOutbox.updateMany({
    where: ours,
    data: { status: "SENT", sentAt: now(), lockedUntil: null, lastError: null },
  });
  if (done.count !== 1) console.warn(`[outbox] e-mail ${id} verstuurd na het verlopen van de vergrendeling`);
  return "sent";
}

/** Short and single-line: enough to diagnose, small enough for the admin view. */
function describeError(error: unknown): string {
  const err = error as { code?: unknown; message?: unknown };
  const message = typeof err?.message === "string" ? err.message : String(error);
  const code = typeof err?.code === "string" ? `${err.code}: ` : "";
  return (code + message).replace(/\s+/g, " ").trim().slice(0, 300);
}

/**
 * Drains the outbox every `intervalMs`. The next run is scheduled only after the previous one
 * finished, so runs never overlap; an error is logged and the next run tries again.
 */
export function startOutboxWorker({ intervalMs = 2_000 }: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    running = drainOutbox()
      .then(
        () => undefined,
        (error: unknown) => console.error("[outbox] verzenden mislukt:", error),
      )
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, intervalMs);
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
