// Prepares a machine after `npm ci`: Prisma client, database migrations, seed data.
// The database is DATABASE_URL (default: the SQLite file prisma/dev.db).
import { execFileSync } from "node:child_process";

const run = (command, args) => execFileSync(command, args, { stdio: "inherit" });

run("npx", ["prisma", "generate"]);
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "seeds/seed.ts"]);
