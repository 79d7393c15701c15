// Run by bench/burst.ts in a process of its own: sends the queued e-mails as the outbox worker
// does and prints the CPU time that took, after `BENCH_WARM_UP` messages that warm the code up
// (not counted). Prints one JSON line: { sent, cpuMs }.
import { configureDatabase, prisma } from "~/db.server";
import { drainOutbox } from "~/mail/outbox-worker.server";

await configureDatabase();
await drainOutbox({ batchSize: Number(process.env.BENCH_WARM_UP ?? 20) });
const started = process.cpuUsage();
let sent = 0;
for (;;) {
  const result = await drainOutbox();
  sent += result.sent;
  if (result.sent + result.failed + result.retried === 0) break;
}
const used = process.cpuUsage(started);
console.log(JSON.stringify({ sent, cpuMs: (used.user + used.system) / 1000 }));
await prisma.$disconnect();
