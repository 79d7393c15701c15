// Driver adapters for the Prisma CLI (migrate deploy, migrate diff), which runs its
// WebAssembly schema engine through them. Each works around a defect seen with Prisma 6.19.3
// (docs/decisions/0002, 0028); tests/integration/migrations.test.ts proves the fixes.
// Only the CLI loads this file; the portal connects through app/db.server.ts.
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { postgresConnection } from "../app/db/database-url";

/** better-sqlite3 runs one statement per call; the shadow database replays whole migration files. */
export function sqliteCliAdapter(url: string) {
  const factory = new PrismaBetterSQLite3({ url });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  };
  return factory;
}

type PgFields = Omit<pg.PoolConfig, "connectionString">;

function pgFields(url: string): PgFields {
  const { host, port, user, password, database } = postgresConnection(url);
  return { host, port, user, password, database, max: 2 };
}

// pg's type ids of the two catalog column types the adapter cannot read (prisma/orm#27403).
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * A pool whose results report the catalog types `name` and `char` as `text`: the schema
 * engine reads them from pg_catalog, and the adapter refuses them with "Column type 'name'
 * could not be deserialized". Their values already arrive as strings.
 */
function catalogTextPool(fields: PgFields): pg.Pool {
  const pool = new pg.Pool(fields);
  const query = pool.query.bind(pool);
  const readAsText = async (config: pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> => {
    const result = await query(config, values);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  // pg's overloaded signature cannot be restated; the adapter only calls this promise form.
  pool.query = readAsText as typeof pool.query;
  return pool;
}

async function connectFixed(fields: PgFields) {
  const adapter = await new PrismaPg(catalogTextPool(fields), { disposeExternalPool: true }).connect();
  // The adapter splits scripts on every ";", which breaks PL/pgSQL bodies ($$ … $$) and leaves a
  // migration half applied. Without parameters pg uses the simple protocol, which runs a whole
  // script as one query, in one implicit transaction.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

async function adminQuery(fields: PgFields, sql: string): Promise<void> {
  const client = new pg.Client({ ...fields, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL for the CLI. The shadow database (`migrate diff --from-migrations`) is created and
 * dropped here: the adapter's own one connects with `{ ...config, database }`, which `pg`
 * ignores when the config holds a connection string (so it silently used the main database),
 * and it drops the shadow database while its own pool is still connected to it.
 */
export function postgresCliAdapter(url: string) {
  const fields = pgFields(url);
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connectFixed(fields),
    async connectToShadowDb() {
      const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await adminQuery(fields, `CREATE DATABASE "${database}"`);
      const adapter = await connectFixed({ ...fields, database });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose(); // ends the shadow pool first: nobody is connected when it is dropped
        await adminQuery(fields, `DROP DATABASE IF EXISTS "${database}"`);
      };
      return adapter;
    },
  };
}
