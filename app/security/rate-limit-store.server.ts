import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import { prisma } from "~/db.server";
import { now } from "~/utils/clock.server";

type CounterRow = { hits: number; resetAt: number };

/**
 * A store for express-rate-limit in the database, so that every server instance counts the
 * same requests (docs/decisions/0020). One statement per request: it starts a new window when
 * the old one has ended, or counts on in the current one, and answers with the result. The
 * syntax (ON CONFLICT … DO UPDATE … RETURNING) is the same in SQLite and PostgreSQL.
 */
export function databaseRateLimitStore(name: string): Store {
  let windowMs = 60_000;
  return {
    prefix: `${name}:`,
    localKeys: false,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(key: string): Promise<ClientRateLimitInfo> {
      const at = now().getTime();
      const rows = await prisma.$queryRaw<CounterRow[]>`
        INSERT INTO "RateLimitCounter" ("key", "hits", "resetAt") VALUES (${name + ":" + key}, 1, ${at + windowMs})
        ON CONFLICT ("key") DO UPDATE SET
          "hits" = CASE WHEN "RateLimitCounter"."resetAt" <= ${at} THEN 1 ELSE "RateLimitCounter"."hits" + 1 END,
          "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= ${at} THEN excluded."resetAt" ELSE "RateLimitCounter"."resetAt" END
        RETURNING "hits", "resetAt"`;
      const row = rows[0];
      if (!row) throw new Error("RateLimitCounter: geen rij terug");
      return { totalHits: Number(row.hits), resetTime: new Date(Number(row.resetAt)) };
    },
    async decrement(key: string): Promise<void> {
      await prisma.$executeRaw`UPDATE "RateLimitCounter" SET "hits" = "hits" - 1 WHERE "key" = ${name + ":" + key} AND "hits" > 0`;
    },
    async resetKey(key: string): Promise<void> {
      await prisma.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${name + ":" + key}`;
    },
  };
}

/** Counters whose window has ended count nothing any more. */
export async function purgeExpiredRateLimits(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetAt" < ${now().getTime()}`;
}
