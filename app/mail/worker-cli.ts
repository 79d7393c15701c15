// `npm run mail:worker`: the outbox worker as a process of its own, e.g. beside web servers
// started with OUTBOX_WORKER=off. `--once` sends what is due and stops (cron, tests).
import { configureDatabase, prisma } from "~/db.server";
import { drainOutbox, startOutboxWorker } from "./outbox-worker.server";

const once = process.argv.includes("--once");
await configureDatabase();

if (once) {
  let total = 0;
  for (;;) {
    const { sent } = await drainOutbox();
    total += sent;
    if (sent === 0) break; // nothing due, or the SMTP server is unreachable
  }
  console.log(`E-mailwachtrij verwerkt: ${total} verstuurd.`);
  await prisma.$disconnect();
} else {
  const worker = startOutboxWorker({ intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 2_000) });
  console.log("E-mailverzender gestart. Stoppen met Ctrl+C.");
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} ontvangen: het bericht dat nu vertrekt wordt nog afgewerkt.`);
    await worker.stop();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void stop(signal));
  process.on("SIGTERM", (signal) => void stop(signal));
}
