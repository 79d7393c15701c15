import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";

/** SQL_LOG=1: every statement on stdout, Prisma's and the fast lane's (bench/burst.ts counts them). */
function logStatements(queryable: SqlQueryable): void {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => (console.log(`sql: ${query.sql.replace(/\s+/g, " ")}`), queryRaw(query));
  queryable.executeRaw = (query) => (console.log(`sql: ${query.sql.replace(/\s+/g, " ")}`), executeRaw(query));
}

/**
 * The driver adapter of the portal's Prisma client, shared with app/db/sql.server.ts: one
 * connection (SQLite) or one pool (PostgreSQL) for both, so that their transactions take the
 * same locks (Prisma's SQLite adapter serialises transactions with a lock of its own).
 */
export class SharedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory["provider"];
  readonly adapterName: string;
  #adapter: Promise<SqlDriverAdapter> | null = null;

  constructor(
    private readonly factory: SqlDriverAdapterFactory,
    private readonly onConnect: (adapter: SqlDriverAdapter) => void = () => {},
  ) {
    this.provider = factory.provider;
    this.adapterName = factory.adapterName;
  }

  /** Prisma calls this when it connects; the SQL helpers when they need the adapter first. */
  connect(): Promise<SqlDriverAdapter> {
    this.#adapter ??= this.factory.connect().then((adapter) => {
      this.onConnect(adapter);
      if (process.env.SQL_LOG === "1") {
        logStatements(adapter);
        const startTransaction = adapter.startTransaction.bind(adapter);
        adapter.startTransaction = async (isolationLevel) => {
          console.log("sql: BEGIN");
          const transaction = await startTransaction(isolationLevel);
          logStatements(transaction);
          return transaction;
        };
      }
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        this.#adapter = null; // $disconnect(): the next query connects again
        await dispose();
      };
      return adapter;
    });
    return this.#adapter;
  }
}
