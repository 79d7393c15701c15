import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, prisma } from "~/db.server";
import { createEmptyDatabase } from "../support/databases";
import { createOrganisation, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// `npm run db:backup` while the portal runs and writes, then `npm run db:restore` into another
// database, and a portal started on the restored one: the real scripts, the real database tools.
const run = promisify(execFile);
const servers: RunningServer[] = [];
let official: { email: string; password: string };

beforeAll(async () => {
  const organisation = await createOrganisation(prisma, { name: "Gemeente Back-up", nisCode: "46029" });
  official = await createUser(prisma, { email: "herstel@gemeente.example", memberOf: [organisation.id] });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

function npmRun(script: string, args: string[], databaseUrl: string) {
  return run("npm", ["run", "--silent", script, "--", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

describe("backup and restore", () => {
  it("backs up a running portal and restores it into another database that serves the same data", async () => {
    const live = await startServer({ OUTBOX_WORKER: "off" });
    servers.push(live);
    const client = new HttpClient(live.url);
    await client.login(official.email);
    // The portal keeps writing (sessions, audit, rate-limit counters) while the backup is taken.
    const writes = Promise.all(Array.from({ length: 5 }, () => new HttpClient(live.url).login(official.email)));
    const file = path.join(inject("testDataDir"), `backup-${process.pid}-${Date.now()}.bak`);
    const backup = await npmRun("db:backup", [file], process.env.DATABASE_URL!);
    await writes;
    expect(backup.stdout).toContain(`Back-up geschreven: ${file}`);

    const restoredUrl = await createEmptyDatabase(inject("databases"));
    await run("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: restoredUrl } }); // a database that already has the schema
    const restore = await npmRun("db:restore", [file], restoredUrl);
    expect(restore.stdout).toContain(`Teruggezet uit ${file}.`);

    const restored = createPrismaClient(restoredUrl);
    try {
      expect(await restored.user.findUnique({ where: { email: official.email }, select: { email: true } })).toEqual({
        email: official.email,
      });
      expect(await restored.organisation.count({ where: { name: "Gemeente Back-up" } })).toBe(1);
    } finally {
      await restored.$disconnect();
    }
    const copy = await startServer({ DATABASE_URL: restoredUrl, OUTBOX_WORKER: "off" });
    servers.push(copy);
    const again = new HttpClient(copy.url);
    await again.login(official.email);
    expect((await again.get("/mijn-dossiers")).status).toBe(200);
  }, 120_000);

  it("refuses to restore a file that is not a sound backup", async () => {
    const target = await createEmptyDatabase(inject("databases"));
    const junk = path.join(inject("testDataDir"), "geen-backup.bak");
    await import("node:fs/promises").then((fs) => fs.writeFile(junk, "dit is geen databank"));
    await expect(npmRun("db:restore", [junk], target)).rejects.toThrow();
  });
});
