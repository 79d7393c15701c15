import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import { decode, decodeRows, sql } from "~/db/sql";
import { sqlDb } from "~/db/sql.server";
import { now } from "~/utils/clock.server";

const LOG_EVERY_MS = 60_000;
let lastLogged = 0;

/**
 * A store for express-rate-limit in the database, so that every server instance counts the
 * same requests (docs/decisions/0029). One statement per request, on the fast lane
 * (app/db/sql.server.ts): it starts a new window when the old one has ended, or counts on in
 * the current one, and answers with the result. ON CONFLICT … DO UPDATE … RETURNING reads the
 * same in SQLite and PostgreSQL. When the database cannot count, the request is let through
 * (availability first) and that is logged once a minute, not once a request.
 */
export function databaseRateLimitStore(name: string): Store {
  let windowMs = 60_000;
  const key = (client: string) => `${name}:${client}`;
  return {
    prefix: `${name}:`,
    localKeys: false,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(client: string): Promise<ClientRateLimitInfo> {
      const at = now().getTime();
      try {
        const [row] = decodeRows(
          { hits: decode.int, resetAt: decode.float },
          await (await sqlDb()).query(sql`
            INSERT INTO "RateLimitCounter" ("key", "hits", "resetAt") VALUES (${key(client)}, 1, ${at + windowMs})
            ON CONFLICT ("key") DO UPDATE SET
              "hits" = CASE WHEN "RateLimitCounter"."resetAt" <= ${at} THEN 1 ELSE "RateLimitCounter"."hits" + 1 END,
              "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= ${at} THEN excluded."resetAt" ELSE "RateLimitCounter"."resetAt" END
            RETURNING "hits", "resetAt"`),
        );
        if (!row) throw new Error("RateLimitCounter gaf geen rij terug.");
        return { totalHits: row.hits, resetTime: new Date(row.resetAt) };
      } catch (error) {
        if (at - lastLogged > LOG_EVERY_MS) {
          lastLogged = at;
          console.error("[snelheidslimiet] tellen in de databank mislukt; verzoeken gaan door:", error);
        }
        return { totalHits: 0, resetTime: new Date(at + windowMs) };
      }
    },
    async decrement(client: string): Promise<void> {
      await (await sqlDb()).execute(sql`UPDATE "RateLimitCounter" SET "hits" = "hits" - 1 WHERE "key" = ${key(client)} AND "hits" > 0`);
    },
    async resetKey(client: string): Promise<void> {
      await (await sqlDb()).execute(sql`DELETE FROM "RateLimitCounter" WHERE "key" = ${key(client)}`);
    },
  };
}

/** Counters whose window has ended count nothing any more. */
export async function purgeExpiredRateLimits(): Promise<number> {
  return (await sqlDb()).execute(sql`DELETE FROM "RateLimitCounter" WHERE "resetAt" < ${now().getTime()}`);
}
