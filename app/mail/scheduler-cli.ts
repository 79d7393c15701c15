// `npm run mail:scheduler [-- --at <ISO instant>]`: queues the reminders due now (or at the given
// instant) once and stops. The server does this every hour by itself; this is for cron and tests.
import { configureDatabase, prisma } from "~/db.server";
import { now } from "~/utils/clock.server";
import { runScheduler } from "./scheduler.server";

const atIndex = process.argv.indexOf("--at");
const at = atIndex >= 0 ? new Date(process.argv[atIndex + 1] ?? "") : now();
if (Number.isNaN(at.getTime())) {
  console.error("--at verwacht een tijdstip, bv. 2026-01-08T08:00:00Z");
  process.exit(2);
}
await configureDatabase();
const result = await runScheduler(at);
console.log(JSON.stringify(result));
await prisma.$disconnect();
