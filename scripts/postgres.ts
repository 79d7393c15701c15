// PostgreSQL chores for the scripts: create the portal's database when it does not exist yet.
import pg from "pg";
import { postgresConnection } from "~/db/database-url";

export async function ensurePostgresDatabase(url: string): Promise<void> {
  const { host, port, user, password, database } = postgresConnection(url);
  const client = new pg.Client({ host, port, user, password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
      console.log(`Database ${database} aangemaakt.`);
    }
  } finally {
    await client.end();
  }
}
