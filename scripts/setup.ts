// Prepares a machine after `npm ci`: the Prisma client for DATABASE_URL's database, the database
// itself (PostgreSQL: created when missing), its migrations and the seed data; outside production
// also a self-signed demo certificate for the letters' electronic seal (docs/decisions/0044).
// DATABASE_URL defaults to the SQLite file prisma/dev.db.
import { execFileSync } from "node:child_process";
import { databaseProvider, databaseUrl } from "~/db/database-url";
import { DEMO_SEAL, demoSealEnvironment, ensureDemoSealCertificate } from "~/documents/demo-seal.server";
import { ensurePostgresDatabase } from "./postgres";

const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });

const url = databaseUrl();
console.log(`Database: ${databaseProvider(url) === "sqlite" ? "SQLite" : "PostgreSQL"}`);
run("npx", ["prisma", "generate"]);
if (databaseProvider(url) === "postgresql") await ensurePostgresDatabase(url);
run("npx", ["prisma", "migrate", "deploy"]);
if (process.env.NODE_ENV !== "production" && !process.env.LETTER_SEAL_P12 && ensureDemoSealCertificate()) {
  console.log(`Demozegel voor de beslissingsbrieven aangemaakt: ${DEMO_SEAL.path}`);
}
// The seed makes the letters of decided sample dossiers: sealed like the running portal's.
run("npx", ["tsx", "seeds/seed.ts"], demoSealEnvironment());
