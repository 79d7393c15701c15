import type { ArgType, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import { databaseProvider, databaseUrl, sharedAdapter, type PrismaClient, type Tx } from "~/db.server";
import type { DatabaseProvider } from "./database-url";
import type { Row, Sql, SqlValue } from "./sql";

/**
 * Where SQL statements run (docs/decisions/0030). Either straight on the driver adapter that
 * Prisma uses (`sqlDb()`, `sqlTransaction()`): about 0.05 ms a statement, against 1 to 3 ms
 * for a query through Prisma 6's client, which compiles every query in WebAssembly. Or inside a
 * Prisma transaction (`onPrisma(tx)`), through its raw-query API, so that code holding one can
 * call the same functions in the same transaction.
 */
export interface SqlDb {
  readonly provider: DatabaseProvider;
  query(statement: Sql): Promise<Row[]>;
  execute(statement: Sql): Promise<number>;
  /** The Prisma client or transaction underneath, for work that needs Prisma itself */
  readonly prisma: Tx | PrismaClient | null;
}

function argType(value: SqlValue): ArgType {
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  if (value instanceof Uint8Array) return { scalarType: "bytes", arity: "scalar" };
  if (typeof value === "number") return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
  if (typeof value === "boolean") return { scalarType: "boolean", arity: "scalar" };
  if (typeof value === "string") return { scalarType: "string", arity: "scalar" };
  return { scalarType: "unknown", arity: "scalar" };
}

/**
 * PostgreSQL plans every unnamed statement anew: the dossier's read, seven joins, cost 3 ms of
 * planning against 0.2 ms of execution, measured with pg_stat_statements. Named, a statement is
 * parsed once per connection and PostgreSQL may keep a plan for it (docs/decisions/0048; the
 * name travels through a patch of @prisma/adapter-pg). The fast lane is a fixed set of texts;
 * past the cap (lists of varying length) statements run unnamed. DATABASE_PREPARED=off for a
 * pooler in front of PostgreSQL that cannot keep prepared statements.
 */
const PREPARED_NAMES_MAX = 500;
const preparedNames = new Map<string, string>();
let prepare: boolean | undefined;

function preparedName(text: string): string | undefined {
  prepare ??= process.env.DATABASE_PREPARED !== "off";
  if (!prepare) return undefined;
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < PREPARED_NAMES_MAX) {
    name = `agii_${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** What the patched PostgreSQL adapter reads besides Prisma's own fields. */
type NamedQuery = SqlQuery & { preparedName?: string };

function toQuery(statement: Sql, provider: DatabaseProvider): NamedQuery {
  const { text, values } = statement.compile(provider);
  const args = values.map((value) => (value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value));
  return {
    sql: text,
    args,
    argTypes: values.map(argType),
    preparedName: provider === "postgresql" ? preparedName(text) : undefined,
  };
}

function onQueryable(queryable: SqlQueryable, provider: DatabaseProvider): SqlDb {
  return {
    provider,
    prisma: null,
    async query(statement) {
      const { columnNames, rows } = await queryable.queryRaw(toQuery(statement, provider));
      return rows.map((values) => {
        const row: Row = {};
        columnNames.forEach((name, index) => (row[name] = values[index]));
        return row;
      });
    },
    execute: (statement) => queryable.executeRaw(toQuery(statement, provider)),
  };
}

// The database of the process: DATABASE_URL is read once (reading process.env is not free).
let current: DatabaseProvider | undefined;
function provider(): DatabaseProvider {
  return (current ??= databaseProvider(databaseUrl()));
}

/** Statements outside a transaction, on the portal's own connection. */
export async function sqlDb(): Promise<SqlDb> {
  return onQueryable(await sharedAdapter.connect(), provider());
}

const COMMIT: SqlQuery = { sql: "COMMIT", args: [], argTypes: [] };
const ROLLBACK: SqlQuery = { sql: "ROLLBACK", args: [], argTypes: [] };

/**
 * `work` in one transaction on the driver adapter, in the way Prisma runs its own (the adapter
 * begins and locks; COMMIT or ROLLBACK is sent, then the adapter releases). Throwing rolls back.
 */
export async function sqlTransaction<T>(work: (db: SqlDb) => Promise<T>): Promise<T> {
  const adapter = await sharedAdapter.connect();
  const transaction = await adapter.startTransaction();
  let result: T;
  try {
    result = await work(onQueryable(transaction, provider()));
    await transaction.executeRaw(COMMIT);
  } catch (error) {
    try {
      await transaction.executeRaw(ROLLBACK);
    } finally {
      await transaction.rollback();
    }
    throw error;
  }
  await transaction.commit();
  return result;
}

/** Statements through a Prisma client or inside its transaction (its raw-query API). */
export function onPrisma(client: Tx | PrismaClient): SqlDb {
  const on = provider();
  return {
    provider: on,
    prisma: client,
    query(statement) {
      const { text, values } = statement.compile(on);
      return client.$queryRawUnsafe<Row[]>(text, ...values);
    },
    execute(statement) {
      const { text, values } = statement.compile(on);
      return client.$executeRawUnsafe(text, ...values);
    },
  };
}

export type AnyDb = SqlDb | Tx | PrismaClient;

function isSqlDb(db: AnyDb): db is SqlDb {
  return "execute" in db && "query" in db;
}

/** The functions of the status-change write path take any of them; none means the fast lane. */
export async function asSqlDb(db?: AnyDb): Promise<SqlDb> {
  if (!db) return sqlDb();
  return isSqlDb(db) ? db : onPrisma(db);
}
