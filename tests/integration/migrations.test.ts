import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { databaseProvider, postgresConnection, prismaPaths } from "~/db/database-url";
import { postgresCliAdapter } from "../../prisma/cli-adapters";
import { postgresSchema, POSTGRES_SCHEMA, SOURCE } from "../../scripts/db-schema.js";
import { createEmptyDatabase } from "../support/databases";

// The schema and both migration histories through the real Prisma CLI, on the database of this
// run (CI runs the suite on SQLite and on PostgreSQL, so each history is checked in one run).
const provider = databaseProvider(inject("databases").baseUrl);
const run = promisify(execFile);

async function migrateDiff(url: string): Promise<{ code: number; stdout: string }> {
  const { schema, migrations } = prismaPaths(provider);
  const args = ["prisma", "migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script", "--exit-code"];
  try {
    const { stdout } = await run("npx", args, { env: { ...process.env, DATABASE_URL: url } });
    return { code: 0, stdout };
  } catch (error) {
    if (error instanceof Error && "code" in error && typeof error.code === "number") {
      return { code: error.code, stdout: "stdout" in error ? String(error.stdout) : "" };
    }
    throw error;
  }
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const { host, port, user, password, database } = postgresConnection(url);
  const client = new pg.Client({ host, port, user, password, database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function shadowDatabases(url: string): Promise<string[]> {
  const { rows } = await onServer(url, (c) =>
    c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%'"),
  );
  return rows.map((row) => row.datname);
}

describe("schema and migrations", () => {
  it("keeps the committed PostgreSQL schema generated from the one source", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchema(readFileSync(SOURCE, "utf8")));
  });

  it(`has a ${provider} migration history that builds exactly the schema`, async () => {
    const scratch = await createEmptyDatabase(inject("databases"));
    const shadowsBefore = provider === "postgresql" ? await shadowDatabases(scratch) : [];
    const { code, stdout } = await migrateDiff(scratch);
    expect(stdout, "run `npm run db:migration -- <name>`").toContain("This is an empty migration.");
    expect(code).toBe(0);
    if (provider === "postgresql") {
      // The history was replayed in a shadow database of the adapter's own, which it dropped
      // again; the database the CLI was pointed at got nothing.
      expect(await onServer(scratch, (c) => c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))).toHaveProperty(
        "rows",
        [],
      );
      expect(await shadowDatabases(scratch)).toEqual(shadowsBefore);
    }
  }, 120_000);

  describe.runIf(provider === "postgresql")("the Prisma CLI's PostgreSQL adapter (prisma/cli-adapters.ts)", () => {
    it("reads catalog columns of the types name and char, and runs a PL/pgSQL script as one", async () => {
      const url = await createEmptyDatabase(inject("databases"));
      const adapter = await postgresCliAdapter(url).connect();
      try {
        const result = await adapter.queryRaw({
          sql: "SELECT typname, typtype FROM pg_type WHERE typname = 'int4'",
          args: [],
          argTypes: [],
        });
        expect(result.rows).toEqual([["int4", "b"]]);
        await adapter.executeScript(`
          CREATE TABLE "Probe" ("id" INTEGER);
          CREATE FUNCTION "probe_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'refused; as it should';
          END;
          $$;
          CREATE TRIGGER "probe_no_insert" BEFORE INSERT ON "Probe" FOR EACH ROW EXECUTE FUNCTION "probe_refuse"();`);
        await expect(adapter.executeRaw({ sql: `INSERT INTO "Probe" VALUES (1)`, args: [], argTypes: [] })).rejects.toThrow();
      } finally {
        await adapter.dispose();
      }
    });
  });
});
