import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

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
