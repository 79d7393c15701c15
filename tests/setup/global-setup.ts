import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { databaseUrl } from "~/db/database-url";
import { createTemplateDatabase, databaseSet, dropDatabases, type DatabaseSet } from "../support/databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's databases (provider, folder, name prefix): see tests/support/databases.ts */
    databases: DatabaseSet;
    /** Migrated, empty database that each test file copies: migrating once per run saves time. */
    templateDatabase: string;
    testDataDir: string;
  }
}

// One folder (and one database name prefix) per run, so that two runs on one machine never share.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = path.resolve(".cache/test", `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const set = databaseSet(databaseUrl(), dir, String(process.pid));
  await dropDatabases(set); // left behind by a run that was killed with this pid
  const template = await createTemplateDatabase(set);
  project.provide("databases", set);
  project.provide("templateDatabase", template);
  project.provide("testDataDir", dir);
  return async () => {
    await dropDatabases(set);
    rmSync(dir, { recursive: true, force: true });
  };
}
