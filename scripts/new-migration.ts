// `npm run db:migration -- <name>` writes the next migration of both histories (SQLite and
// PostgreSQL; Prisma cannot share one between providers) from the difference between each
// history and prisma/schema.prisma. `prisma migrate dev` is unreliable with the WebAssembly
// schema engine here (docs/decisions/0002, 0028). The PostgreSQL half replays its history in a
// shadow database on a PostgreSQL server: DATABASE_URL when it is one, or MIGRATION_POSTGRES_URL.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseProvider, prismaPaths, type DatabaseProvider } from "~/db/database-url";
import { POSTGRES_SCHEMA, SOURCE, postgresSchema } from "./db-schema.js";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Gebruik: npm run db:migration -- <naam>");
  process.exit(2);
}

function postgresUrl(): string {
  const candidates = [process.env.MIGRATION_POSTGRES_URL, process.env.DATABASE_URL];
  const url = candidates.find((candidate) => candidate && databaseProvider(candidate) === "postgresql");
  if (!url) {
    console.error(
      "Voor de PostgreSQL-migratie is een PostgreSQL-server nodig: zet MIGRATION_POSTGRES_URL " +
        "(bv. postgresql://postgres@127.0.0.1:5432/postgres; zie README, 'Productie').",
    );
    process.exit(2);
  }
  return url;
}

/** The SQL that takes a history to the schema, or null when they agree. */
function diff(provider: DatabaseProvider, url: string): string | null {
  const { schema, migrations } = prismaPaths(provider);
  const args = ["prisma", "migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script", "--exit-code"];
  try {
    execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: url } });
    return null;
  } catch (error) {
    // --exit-code: 2 means "there is a difference", which is what we want here.
    if (error instanceof Error && "status" in error && error.status === 2 && "stdout" in error) return String(error.stdout);
    throw error;
  }
}

writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SOURCE, "utf8")));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const sqliteScratch = `file:${path.join(os.tmpdir(), `agii-migration-${process.pid}.db`)}`;
const targets: Array<[DatabaseProvider, string]> = [
  ["sqlite", sqliteScratch],
  ["postgresql", postgresUrl()],
];
for (const [provider, url] of targets) {
  const sql = diff(provider, url);
  if (sql === null) {
    console.log(`${provider}: geen verschil tussen de migraties en het schema.`);
    continue;
  }
  const dir = path.join(prismaPaths(provider).migrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`${provider}: migratie geschreven in ${dir}/migration.sql`);
}
