// `npm run db:restore -- <file>`: puts a backup of `npm run db:backup` back into DATABASE_URL's
// database. Stop the portal first (every instance). SQLite: the backup is checked, then takes the
// file's place in one rename, and the old file's WAL is removed with it. PostgreSQL: pg_restore
// replaces the tables of the database.
import { copyFileSync, renameSync, rmSync } from "node:fs";
import { databaseProvider, databaseUrl, postgresConnection } from "~/db/database-url";
import { checkSqliteFile, postgresTool, sqliteFile } from "./database-files";

const backup = process.argv[2];
if (!backup) {
  console.error("Gebruik: npm run db:restore -- <back-upbestand>");
  process.exit(2);
}
const url = databaseUrl();
if (databaseProvider(url) === "sqlite") {
  checkSqliteFile(backup);
  const file = sqliteFile(url);
  const incoming = `${file}.restore-${process.pid}`;
  copyFileSync(backup, incoming);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  renameSync(incoming, file);
} else {
  postgresTool("pg_restore", url, [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    `--dbname=${postgresConnection(url).database}`,
    backup,
  ]);
}
console.log(`Teruggezet uit ${backup}.`);
