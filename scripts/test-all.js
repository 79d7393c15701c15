// The whole test suite, as run by CI: formatting, lint, type check, build, the wizard's
// JavaScript budget, unit + integration tests (Vitest, real databases, real HTTP, real SMTP),
// end-to-end tests (Playwright in Chromium). The database is DATABASE_URL's: SQLite files by
// default, or databases on a PostgreSQL server (its user needs CREATEDB); CI runs both.
import { execFileSync } from "node:child_process";

const steps = [
  ["Formatting", "npm", ["run", "--silent", "format:check"]],
  ["PostgreSQL-schema bij", "node", ["scripts/db-schema.js", "--check"]],
  ["Prisma client", "npx", ["prisma", "generate"]],
  // After the Prisma client: the type-aware rules read its types.
  ["Lint", "npm", ["run", "--silent", "lint"]],
  ["Typecheck", "npx", ["tsc", "--noEmit"]],
  ["Build", "npx", ["remix", "build"]],
  ["Bundle budget", "npx", ["tsx", "bench/bundle-size.ts"]],
  ["Vitest", "npx", ["vitest", "run"]],
  ["Playwright", "npx", ["playwright", "test"]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    execFileSync(command, args, { stdio: "inherit" });
  } catch {
    console.error(`\n${name} mislukt.`);
    process.exit(1);
  }
  console.log(`=== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}
