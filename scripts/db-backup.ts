// `npm run db:backup [-- <file>]`: an online backup of DATABASE_URL's database while the portal
// keeps running. SQLite: SQLite's own backup API (a consistent copy, also in WAL mode), checked
// with integrity_check. PostgreSQL: pg_dump in its custom format, checked with pg_restore --list.
// Uploaded files live in UPLOAD_DIR: back that folder up with the database (README, "Productie").
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, databaseUrl } from "~/db/database-url";
import { checkSqliteFile, postgresTool, sqliteFile } from "./database-files";

const url = databaseUrl();
const provider = databaseProvider(url);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.resolve(process.argv[2] ?? path.join("backups", `agii-${stamp}.${provider === "sqlite" ? "db" : "dump"}`));
mkdirSync(path.dirname(target), { recursive: true });

if (provider === "sqlite") {
  const source = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  checkSqliteFile(target);
} else {
  postgresTool("pg_dump", url, ["--format=custom", "--no-owner", `--file=${target}`]);
  postgresTool("pg_restore", url, ["--list", target], { quiet: true });
}
console.log(`Back-up geschreven: ${target}`);
