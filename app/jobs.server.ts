import { configureDatabase, prisma } from "./db.server";
import { startOutboxWorker } from "./mail/outbox-worker.server";
import { now } from "./utils/clock.server";

const HOUR_MS = 60 * 60 * 1000;

/** Expired sessions are useless after their end; removing them keeps the table small. */
export async function purgeExpiredSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: now() } } });
  return count;
}

/** Background work beside the web server: sending the e-mail outbox, tidying sessions. */
export async function startBackgroundJobs(): Promise<() => Promise<void>> {
  await configureDatabase();
  const purge = () => purgeExpiredSessions().catch((error: unknown) => console.error("Sessies opruimen mislukt:", error));
  void purge();
  const purgeTimer = setInterval(purge, HOUR_MS);
  purgeTimer.unref();
  const worker =
    process.env.OUTBOX_WORKER === "off"
      ? null
      : startOutboxWorker({ intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 2_000) });
  return async () => {
    clearInterval(purgeTimer);
    await worker?.stop();
  };
}
