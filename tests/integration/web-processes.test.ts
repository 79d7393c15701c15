import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { databaseProvider } from "~/db.server";
import { startServer } from "../support/server";

// WEB_CONCURRENCY: server.js runs several web processes on one PostgreSQL database (server/cluster.js).
const postgres = databaseProvider() === "postgresql";

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("several web processes", () => {
  it("refuses a value that is not a number of processes", async () => {
    await expect(startServer({ WEB_CONCURRENCY: "twee" }, { login: "password" })).rejects.toThrow(/WEB_CONCURRENCY moet een geheel getal/);
  });

  it.runIf(!postgres)("refuses them on SQLite, which is one process", async () => {
    await expect(startServer({ WEB_CONCURRENCY: "2" }, { login: "password" })).rejects.toThrow(/vraagt PostgreSQL/);
  });

  it.runIf(postgres)(
    "serves from each, starts a new one when one dies, and stops them all",
    async () => {
      const server = await startServer({ WEB_CONCURRENCY: "2" }, { login: "password" });
      try {
        const first = await until(
          () => children(server.pid),
          (pids) => pids.length === 2,
        );
        expect(first).toHaveLength(2);
        // Both must listen before one is killed: with PORT=0, the port is shared only while at
        // least one process holds it, and a lone survivor's restart would get another port.
        const listening = await until(
          () => server.output().match(/luistert op/g)?.length ?? 0,
          (count) => count >= 2,
        );
        expect(listening).toBe(2);
        const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/healthz/live`).then((r) => r.status)));
        expect(answers.every((status) => status === 200)).toBe(true);

        process.kill(first[0]!, "SIGKILL");
        const after = await until(
          () => children(server.pid),
          (pids) => pids.length === 2 && !pids.includes(first[0]!),
        );
        expect(after).toHaveLength(2);
        expect(after).not.toContain(first[0]);
        const again = await until(
          () => server.output().match(/luistert op/g)?.length ?? 0,
          (count) => count >= 3,
        );
        expect(again).toBe(3);
        expect((await fetch(`${server.url}/healthz/live`)).status).toBe(200);
        expect(server.output()).toMatch(/Webproces \d stopte \(SIGKILL\); een nieuw start/);
      } finally {
        await server.stop();
      }
      expect(children(server.pid)).toEqual([]);
    },
    60_000,
  );
});
