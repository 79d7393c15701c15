// Small load-generation helpers for the benchmarks: latency statistics, a pool of concurrent
// clients, the CPU time of another process (and its children), and a free port. Figures only; nothing asserts.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export type Stats = { count: number; p50: number; p95: number; p99: number; max: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Runs `work` for every item with `concurrency` clients, like that many users at once. */
export async function withClients<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
  return performance.now() - started;
}

/** The process and its descendants (a server with WEB_CONCURRENCY > 1 has web processes under it). */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) {
    const tasks = `/proc/${pids[index]}/task`;
    for (const task of safeList(tasks)) pids.push(...safeRead(`${tasks}/${task}/children`).split(" ").filter(Boolean).map(Number));
  }
  return pids;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // the process has just ended
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

/** The parent of a process, or null when it is not on this machine (Linux /proc). */
export function parentPid(pid: number): number | null {
  const stat = safeRead(`/proc/${pid}/stat`);
  return stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : null;
}

/** User + system CPU time of a process and its descendants so far, in milliseconds (Linux /proc). */
export function processCpuMs(pid: number): number {
  let ticks = 0;
  for (const one of processTree(pid)) {
    const stat = safeRead(`/proc/${one}/stat`);
    if (!stat) continue;
    // Fields after the command name (which may hold spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, and cutime, cstime of children that ended (fields 14 to 17): PostgreSQL's
    // backends end with their connection and are counted in their postmaster's.
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process and its descendants, in MB. */
export function processRssMb(pid: number): number {
  let kb = 0;
  for (const one of processTree(pid)) kb += Number(/VmRSS:\s+(\d+)/.exec(safeRead(`/proc/${one}/status`))?.[1] ?? 0);
  return kb / 1024;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
