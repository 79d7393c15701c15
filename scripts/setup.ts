// Prepares a machine after `npm ci`: the Prisma client for DATABASE_URL's database, the database
// itself (PostgreSQL: created when missing), its migrations and the seed data.
// DATABASE_URL defaults to the SQLite file prisma/dev.db.
import { execFileSync } from "node:child_process";
import { databaseProvider, databaseUrl } from "~/db/database-url";
import { ensurePostgresDatabase } from "./postgres";

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: "inherit" });

const url = databaseUrl();
console.log(`Database: ${databaseProvider(url) === "sqlite" ? "SQLite" : "PostgreSQL"}`);
run("npx", ["prisma", "generate"]);
if (databaseProvider(url) === "postgresql") await ensurePostgresDatabase(url);
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "seeds/seed.ts"]);
