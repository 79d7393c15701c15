// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// committed migrations and prisma/schema.prisma. `prisma migrate dev` is unreliable with the
// WebAssembly schema engine here (docs/decisions/0002-prisma-6-wasm-engine.md).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Gebruik: npm run db:migration -- <naam>");
  process.exit(2);
}
const dir = "prisma/migrations";
const hasMigrations =
  existsSync(dir) && readdirSync(dir).some((entry) => /^\d{14}_/.test(entry));
const from = hasMigrations ? ["--from-migrations", dir] : ["--from-empty"];
let sql;
try {
  sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  console.log("Geen verschil tussen de migraties en het schema.");
  process.exit(0);
} catch (error) {
  // --exit-code: 2 means "there is a difference", which is what we want here.
  if (error.status !== 2) throw error;
  sql = error.stdout;
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, "migration.sql"), sql);
if (!existsSync(path.join(dir, "migration_lock.toml"))) {
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`Migratie geschreven: ${target}/migration.sql`);
