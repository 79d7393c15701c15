import { sweepStaleTempFiles } from "./attachments/file-hygiene.server";
import { configureDatabase, prisma } from "./db.server";
import { startOutboxWorker } from "./mail/outbox-worker.server";
import { runScheduler } from "./mail/scheduler.server";
import { flushRateLimits, purgeExpiredRateLimits } from "./security/rate-limit-store.server";
import { now } from "./utils/clock.server";

const HOUR_MS = 60 * 60 * 1000;
// The longest a busy web process keeps its e-mail worker waiting (docs/decisions/0046).
const OUTBOX_MAX_YIELD_MS = Number(process.env.OUTBOX_MAX_YIELD_MS ?? 10_000);
/** How often expired sessions and rate-limit counters and stale upload temp files are removed */
export const TIDY_INTERVAL_MS = HOUR_MS;

/** Expired sessions are useless after their end; removing them keeps the table small. */
export async function purgeExpiredSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: now() } } });
  return count;
}

/**
 * Runs the reminder scheduler now and then just after every full hour, so a 09:00 reminder
 * leaves at about 09:00. Runs never overlap; a failed run is logged and the next one retries.
 */
export function startReminderScheduler(): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    running = runScheduler(now())
      .then(
        () => undefined,
        (error: unknown) => console.error("[herinneringen] plannen mislukt:", error),
      )
      .finally(() => {
        running = undefined;
        if (stopped) return;
        const untilNextHour = HOUR_MS - (now().getTime() % HOUR_MS);
        timer = setTimeout(tick, untilNextHour + 5_000);
        timer.unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Upload temp files left by a process that stopped mid-upload; logged when there were any. */
async function sweepTempFiles(): Promise<void> {
  try {
    const removed = await sweepStaleTempFiles();
    if (removed.length > 0) console.log(`[bijlagen] ${removed.length} onafgewerkte upload(s) opgeruimd.`);
  } catch (error) {
    console.error("[bijlagen] onafgewerkte uploads opruimen mislukt:", error);
  }
}

/** Background work beside the web server: the e-mail outbox, reminders, tidying sessions, counters and temp files. */
export async function startBackgroundJobs(web: { requestPeak?: () => number } = {}): Promise<() => Promise<void>> {
  await configureDatabase();
  const purge = () =>
    Promise.all([purgeExpiredSessions(), purgeExpiredRateLimits()]).catch((error: unknown) =>
      console.error("Sessies en tellers opruimen mislukt:", error),
    );
  // Both parts log their own errors: nothing waits for the result.
  const tidy = (): void => void Promise.all([purge(), sweepTempFiles()]);
  void tidy();
  const purgeTimer = setInterval(tidy, TIDY_INTERVAL_MS);
  purgeTimer.unref();
  // OUTBOX_WORKER=off when the worker runs as its own process (npm run mail:worker).
  const worker =
    process.env.OUTBOX_WORKER === "off"
      ? null
      : startOutboxWorker({
          intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 2_000),
          yieldTo: { maxWaitMs: OUTBOX_MAX_YIELD_MS, requestPeak: web.requestPeak },
        });
  const scheduler = process.env.REMINDER_SCHEDULER === "off" ? null : startReminderScheduler();
  return async () => {
    clearInterval(purgeTimer);
    await Promise.all([worker?.stop(), scheduler?.stop(), flushRateLimits()]);
  };
}
