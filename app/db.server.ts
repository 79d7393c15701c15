import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { databaseProvider, databaseUrl } from "./db/database-url";
import { SharedAdapterFactory } from "./db/shared-adapter.server";
import { cacheStatements } from "./db/statement-cache.server";
import { PrismaClient } from "./generated/prisma/client";

export { databaseProvider, databaseUrl } from "./db/database-url";

/**
 * Transactions wait their turn instead of failing: at a deadline a hundred submits arrive at
 * once, and each one counts from its arrival, not from when its transaction starts
 * (app/calls/call-state.ts). Prisma's defaults (2 s to start, 5 s to finish) refused them.
 */
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 };

function adapterFor(url: string): SharedAdapterFactory {
  if (databaseProvider(url) === "sqlite") {
    return new SharedAdapterFactory(new PrismaBetterSQLite3({ url }), (adapter) => {
      if ("client" in adapter && adapter.client instanceof Database) cacheStatements(adapter.client);
    });
  }
  return new SharedAdapterFactory(
    new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Prisma stores DateTime as timestamp without time zone, meant as UTC.
      options: "-c TimeZone=UTC",
    }),
  );
}

/** A Prisma client and its driver adapter, on DATABASE_URL (or `url`). */
export function createDatabase(url = databaseUrl()): { client: PrismaClient; adapter: SharedAdapterFactory } {
  const adapter = adapterFor(url);
  try {
    const client = new PrismaClient({
      adapter,
      transactionOptions: TRANSACTION_OPTIONS,
    });
    return { client, adapter };
  } catch (error) {
    // The generated client is made for one provider (`npm run setup` generates it for
    // DATABASE_URL's); a build for the other one is refused with a hint.
    if (error instanceof Error && /not compatible with the provider/.test(error.message)) {
      throw new Error(
        `De Prisma-client is gemaakt voor een andere database dan DATABASE_URL (${databaseProvider(url)}). ` +
          "Voer `npm run setup && npm run build` uit met deze DATABASE_URL.",
        { cause: error },
      );
    }
    throw error;
  }
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return createDatabase(url).client;
}

// One client per process; kept on globalThis so that a dev rebuild does not open a second one.
declare global {
  var __database: ReturnType<typeof createDatabase> | undefined;
}
const database = (globalThis.__database ??= createDatabase());
export const prisma = database.client;
/** The adapter under `prisma`, for statements that skip Prisma's query compiler (app/db/sql.server.ts). */
export const sharedAdapter = database.adapter;

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * SQLite only: write-ahead logging lets readers continue while a dossier is being saved, and
 * foreign keys are off unless asked for. PostgreSQL needs neither.
 */
export async function configureDatabase(client: PrismaClient = prisma, url = databaseUrl()): Promise<void> {
  if (databaseProvider(url) !== "sqlite") return;
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
