import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./prisma/dev.db";
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per process; kept on globalThis so that a dev rebuild does not open a second one.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };
export const prisma = (globalForPrisma.__prisma ??= createPrismaClient());

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Write-ahead logging lets readers continue while a dossier is being saved. */
export async function configureDatabase(client: PrismaClient = prisma): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
