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
  project.provide("templateDatabase", template);
  project.provide("testDataDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
