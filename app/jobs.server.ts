import { configureDatabase } from "./db.server";
import { startOutboxWorker } from "./mail/outbox-worker.server";

/** Background work that runs beside the web server: for now, sending the e-mail outbox. */
export async function startBackgroundJobs(): Promise<() => Promise<void>> {
  await configureDatabase();
  if (process.env.OUTBOX_WORKER === "off") return async () => {};
  const worker = startOutboxWorker({ intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 2_000) });
  return () => worker.stop();
}
