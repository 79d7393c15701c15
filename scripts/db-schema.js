// prisma/schema.prisma (SQLite) is the one schema source; prisma/postgresql/schema.prisma is
// generated from it and committed, because the Prisma CLI bakes the provider into a schema
// file (docs/decisions/0028). `node scripts/db-schema.js` writes it, `--check` fails when the
// committed copy is stale (CI runs the check in `npm test`).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export const SOURCE = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/db-schema.js: do not edit; edit the source
// and run \`npm run db:schema\` (CI fails when this file is stale).
`;

const POSTGRES_DATASOURCE = `datasource db {
  provider = "postgresql"
  // Literal on purpose (see the source): the URL used at run time comes from DATABASE_URL.
  url      = "postgresql://localhost/agii"
}`;

/** The PostgreSQL variant of the SQLite schema: another datasource, the same models. */
export function postgresSchema(source) {
  const datasource = /datasource db \{[^}]*\}/;
  if (!datasource.test(source)) throw new Error(`${SOURCE}: geen datasource-blok gevonden.`);
  const output = /output\s*=\s*"\.\.\/app\/generated\/prisma"/;
  if (!output.test(source)) throw new Error(`${SOURCE}: de generator-output is niet ../app/generated/prisma.`);
  return (
    HEADER +
    source
      .replace(datasource, POSTGRES_DATASOURCE)
      // One folder deeper, the same generated client folder.
      .replace(output, 'output       = "../../app/generated/prisma"')
  );
}

function main() {
  const expected = postgresSchema(readFileSync(SOURCE, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(POSTGRES_SCHEMA, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== expected) {
      console.error(`${POSTGRES_SCHEMA} is verouderd: voer \`npm run db:schema\` uit en commit het resultaat.`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} is bij.`);
    return;
  }
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`${POSTGRES_SCHEMA} geschreven.`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
