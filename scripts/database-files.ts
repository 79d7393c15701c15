// Shared by db:backup and db:restore: where a SQLite file is, whether it is sound, and running
// PostgreSQL's own tools with the connection of DATABASE_URL (the password through the
// environment, never on the command line).
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { postgresConnection } from "~/db/database-url";

export function sqliteFile(url: string): string {
  return path.resolve(url.slice("file:".length));
}

export function checkSqliteFile(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} is beschadigd: ${String(result)}`);
  } finally {
    db.close();
  }
}

export function postgresTool(tool: "pg_dump" | "pg_restore", url: string, args: string[], options: { quiet?: boolean } = {}): void {
  const { host, port, user, password, database } = postgresConnection(url);
  execFileSync(tool, tool === "pg_dump" ? [...args, database] : args, {
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
    env: { ...process.env, PGHOST: host, PGPORT: String(port), PGUSER: user, PGPASSWORD: password ?? "", PGDATABASE: database },
  });
}
