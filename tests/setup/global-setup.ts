import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Migrated, empty database that each test file copies: migrating once per run saves time. */
    templateDatabase: string;
    testDataDir: string;
  }
}

// One folder per run, so that two runs on one machine never share files.
export default function setup(project: TestProject): () => void {
  const dir = path.resolve(".cache/test", `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  // WAL is a property of the file, so every copy starts in it: a server started by a test then
  // needs no exclusive lock to switch (configureDatabase), which would collide with the test's
  // own writes.
  const db = new Database(template);
  db.pragma("journal_mode = WAL");
  db.close();
  project.provide("templateDatabase", template);
  project.provide("testDataDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
