// Several web processes on one machine (WEB_CONCURRENCY), for PostgreSQL: one Node.js process
// uses one core, and at a deadline the portal's own JavaScript is what the submits wait for
// (docs/decisions/0048). The primary only starts, watches and stops its web processes; Node's
// cluster module hands the connections to them in turn.
import cluster from "node:cluster";

/** How many web processes server.js runs (WEB_CONCURRENCY, default 1). */
export function webProcesses(env = process.env) {
  const count = Number(env.WEB_CONCURRENCY ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error(`WEB_CONCURRENCY moet een geheel getal van 1 tot 64 zijn, niet "${env.WEB_CONCURRENCY}".`);
    process.exit(1);
  }
  return count;
}

export function runPrimary(count, env = process.env) {
  // SQLite is one process with one connection (docs/decisions/0029).
  if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "")) {
    console.error("WEB_CONCURRENCY groter dan 1 vraagt PostgreSQL (DATABASE_URL=postgresql://…): SQLite is één proces.");
    process.exit(1);
  }
  let stopping = false;
  const start = (index) => {
    // The e-mail outbox and the reminders run in the first process only: every instance may run
    // them safely (0029), but on one machine a second copy only takes CPU from the requests.
    const background = index === 0 ? {} : { OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" };
    const worker = cluster.fork({ ...background, WEB_PROCESS: String(index + 1) });
    let listening = false;
    worker.once("listening", () => (listening = true));
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      if (!listening) {
        // It stopped before it served anything (a setting is missing, the build is absent):
        // starting it again would fail the same way.
        console.error(`Webproces ${index + 1} stopte bij het starten (${signal ?? code}); het portaal stopt.`);
        stop(typeof code === "number" && code !== 0 ? code : 1);
        return;
      }
      console.error(`Webproces ${index + 1} stopte (${signal ?? code}); een nieuw start.`);
      start(index);
    });
  };
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());
    let running = workers.length;
    if (running === 0) process.exit(code);
    for (const worker of workers) {
      worker.once("exit", () => {
        running -= 1;
        if (running === 0) process.exit(code);
      });
      worker.process.kill("SIGTERM");
    }
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  for (let index = 0; index < count; index += 1) start(index);
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
}
