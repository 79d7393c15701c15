/**
 * Real databases for tests and benchmarks, on the provider DATABASE_URL names: SQLite files in
 * a folder of the run, or databases on the PostgreSQL server of DATABASE_URL (its user needs
 * CREATEDB). A run migrates one template once; every test file gets its own copy of it.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, postgresConnection, withDatabase } from "~/db/database-url";

export function migrate(url: string): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const { host, port, user, password } = postgresConnection(url);
  const client = new pg.Client({ host, port, user, password, database: "postgres" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL names: lower case, at most 63 characters. */
function databaseName(prefix: string, label: string): string {
  return `${prefix}_${label}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .slice(0, 63);
}

export type DatabaseSet = {
  /** The provider's base URL (DATABASE_URL of the run) */
  baseUrl: string;
  /** Folder of the run: SQLite files, uploads */
  dir: string;
  /** Run-unique prefix of the PostgreSQL database names */
  prefix: string;
};

export function databaseSet(baseUrl: string, dir: string, runId: string): DatabaseSet {
  return { baseUrl, dir, prefix: `agii_t${runId}` };
}

/** An empty database (no tables) of the set's provider. */
export async function createEmptyDatabase(set: DatabaseSet, label = randomUUID().slice(0, 8)): Promise<string> {
  if (databaseProvider(set.baseUrl) === "sqlite") {
    const file = path.join(set.dir, `${label}.db`);
    writeFileSync(file, "");
    return `file:${file}`;
  }
  const name = databaseName(set.prefix, label);
  await onServer(set.baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(set.baseUrl, name);
}

/** The run's template: migrated once. SQLite files start in WAL mode (see configureDatabase). */
export async function createTemplateDatabase(set: DatabaseSet): Promise<string> {
  const url = await createEmptyDatabase(set, "template");
  migrate(url);
  if (databaseProvider(url) === "sqlite") {
    // WAL is a property of the file, so every copy starts in it: a server started by a test then
    // needs no exclusive lock to switch, which would collide with the test's own writes.
    const db = new Database(url.slice("file:".length));
    db.pragma("journal_mode = WAL");
    db.close();
  }
  return url;
}

/** A copy of the template for one test file (or one benchmark run). */
export async function cloneDatabase(set: DatabaseSet, templateUrl: string, label = randomUUID().slice(0, 8)): Promise<string> {
  if (databaseProvider(templateUrl) === "sqlite") {
    const file = path.join(set.dir, `${label}.db`);
    copyFileSync(templateUrl.slice("file:".length), file);
    return `file:${file}`;
  }
  const name = databaseName(set.prefix, label);
  const template = postgresConnection(templateUrl).database;
  await onServer(set.baseUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(set.baseUrl, name);
}

/** Drops every PostgreSQL database of the run (SQLite files go with the run's folder). */
export async function dropDatabases(set: DatabaseSet): Promise<void> {
  if (databaseProvider(set.baseUrl) === "sqlite") return;
  await onServer(set.baseUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${set.prefix}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
