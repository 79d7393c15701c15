import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import { decode, decodeRows, list, sql } from "~/db/sql";
import { sqlDb, sqlTransaction } from "~/db/sql.server";
import { now } from "~/utils/clock.server";

const LOG_EVERY_MS = 60_000;
const LOOKUP_BATCH_MAX = 200;
let lastLogged = 0;

type Counter = {
  /** The window's count in the database as of the last write (every instance's requests) */
  counted: number;
  /** This instance's requests since then, not yet written */
  pending: number;
  resetAt: number;
};

type StoredCount = { hits: number; resetAt: number };

type SyncedStore = Store & { flush(): Promise<void> };
const stores = new Set<SyncedStore>();

/**
 * A store for express-rate-limit whose counters live in the database, so that every server
 * instance counts the same requests (docs/decisions/0029). A request is counted in memory at
 * once (a client new to the instance is first looked up), and every `syncEveryMs` the counts
 * of all clients go to the database in one transaction, which answers with every instance's
 * total. Writing on every request cost about
 * 0.8 ms each (one commit, one fsync on SQLite); the price is that other instances' requests
 * are seen up to one interval late. If the database cannot count, requests are let through
 * (availability first), which is logged once a minute, not once a request.
 */
export function databaseRateLimitStore(
  name: string,
  { windowMs: window = 60_000, syncEveryMs = Number(process.env.RATE_LIMIT_SYNC_MS ?? 1_000) } = {},
): SyncedStore {
  let windowMs = window; // express-rate-limit sets its own in init()
  const counters = new Map<string, Counter>();
  const reads = new Map<string, Promise<Counter>>();
  let flushing: Promise<void> | null = null;

  /**
   * The database's counts for clients this instance has not seen in this window. Clients first
   * seen in the same turn of the event loop are looked up together, in one statement: at a
   * deadline a hundred officials arrive at once (docs/decisions/0059).
   */
  type Lookup = { resolve: (row: StoredCount | undefined) => void; reject: (error: unknown) => void };
  let lookups: Map<string, Lookup[]> | null = null;
  async function read(key: string, at: number): Promise<Counter> {
    const row = await new Promise<StoredCount | undefined>((resolve, reject) => {
      if (!lookups) {
        const batch = new Map<string, Lookup[]>();
        lookups = batch;
        setImmediate(() => {
          lookups = null;
          lookUp([...batch.keys()]).then(
            (rows) => batch.forEach((waiting, key) => waiting.forEach((lookup) => lookup.resolve(rows.get(key)))),
            (error: unknown) => batch.forEach((waiting) => waiting.forEach((lookup) => lookup.reject(error))),
          );
        });
      }
      lookups.set(key, [...(lookups.get(key) ?? []), { resolve, reject }]);
      // A statement's list stays short, whatever a flood of new addresses brings.
      if (lookups.size >= LOOKUP_BATCH_MAX) lookups = null;
    });
    return row && row.resetAt > at
      ? { counted: row.hits, pending: 0, resetAt: row.resetAt }
      : { counted: 0, pending: 0, resetAt: at + windowMs };
  }

  /** The stored counts of these clients, by key. */
  async function lookUp(keys: string[]): Promise<Map<string, StoredCount>> {
    const rows = decodeRows(
      { key: decode.text, hits: decode.int, resetAt: decode.float },
      await (
        await sqlDb()
      ).query(sql`SELECT "key", "hits", "resetAt" FROM "RateLimitCounter" WHERE "key" IN (${list(keys.map((key) => `${name}:${key}`))})`),
    );
    return new Map(rows.map((row) => [row.key.slice(name.length + 1), row]));
  }

  /** Writes this instance's counts and reads every instance's totals back. */
  async function write(): Promise<void> {
    const at = now().getTime();
    for (const [key, counter] of counters) if (counter.pending === 0 && counter.resetAt <= at) counters.delete(key);
    const batch = [...counters]
      .filter(([, counter]) => counter.pending !== 0)
      .map(([key, counter]) => ({ key, counter, hits: counter.pending }));
    const quiet = [...counters].filter(([, counter]) => counter.pending === 0);
    if (quiet.length > 0) {
      const rows = await lookUp(quiet.map(([key]) => key));
      for (const [key, row] of rows) {
        const counter = counters.get(key);
        if (counter && counter.pending === 0) Object.assign(counter, { counted: row.hits, resetAt: row.resetAt });
      }
    }
    if (batch.length === 0) return;
    await sqlTransaction(async (db) => {
      for (const { key, counter, hits } of batch) {
        const [row] = decodeRows(
          { hits: decode.int, resetAt: decode.float },
          await db.query(sql`
            INSERT INTO "RateLimitCounter" ("key", "hits", "resetAt") VALUES (${`${name}:${key}`}, ${hits}, ${at + windowMs})
            ON CONFLICT ("key") DO UPDATE SET
              "hits" = CASE WHEN "RateLimitCounter"."resetAt" <= ${at} THEN excluded."hits" ELSE "RateLimitCounter"."hits" + excluded."hits" END,
              "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= ${at} THEN excluded."resetAt" ELSE "RateLimitCounter"."resetAt" END
            RETURNING "hits", "resetAt"`),
        );
        if (!row) continue;
        counter.pending -= hits; // what arrived meanwhile waits for the next write
        counter.counted = row.hits;
        counter.resetAt = row.resetAt;
      }
    });
  }

  const store: SyncedStore = {
    prefix: `${name}:`,
    localKeys: false,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(key: string): Promise<ClientRateLimitInfo> {
      const at = now().getTime();
      let counter = counters.get(key);
      if (!counter) {
        // A client new to this instance may have counted elsewhere (or before a restart); its
        // simultaneous requests wait for the same lookup and share one counter.
        let reading = reads.get(key);
        if (!reading) {
          reading = read(key, at).catch(() => ({ counted: 0, pending: 0, resetAt: at + windowMs }));
          reads.set(key, reading);
        }
        const loaded = await reading;
        reads.delete(key);
        counter = counters.get(key) ?? loaded;
        counters.set(key, counter);
      }
      if (counter.resetAt <= at) Object.assign(counter, { counted: 0, resetAt: at + windowMs });
      counter.pending += 1;
      return { totalHits: counter.counted + counter.pending, resetTime: new Date(counter.resetAt) };
    },
    async decrement(key: string): Promise<void> {
      const counter = counters.get(key);
      if (counter) counter.pending -= 1;
    },
    async resetKey(key: string): Promise<void> {
      counters.delete(key);
      await (await sqlDb()).execute(sql`DELETE FROM "RateLimitCounter" WHERE "key" = ${`${name}:${key}`}`);
    },
    /** Writes what was counted since the last write (also at shutdown: a restart keeps the counts). */
    async flush(): Promise<void> {
      flushing ??= write()
        .catch((error: unknown) => {
          const at = Date.now();
          if (at - lastLogged > LOG_EVERY_MS) {
            lastLogged = at;
            console.error("[snelheidslimiet] tellers naar de databank schrijven mislukt; verzoeken gaan door:", error);
          }
        })
        .finally(() => (flushing = null));
      await flushing;
    },
  };
  setInterval(() => void store.flush(), syncEveryMs).unref();
  stores.add(store);
  return store;
}

/** Writes every store's pending counts: before the process stops. */
export async function flushRateLimits(): Promise<void> {
  await Promise.all([...stores].map((store) => store.flush()));
}

/** Counters whose window has ended count nothing any more. */
export async function purgeExpiredRateLimits(): Promise<number> {
  return (await sqlDb()).execute(sql`DELETE FROM "RateLimitCounter" WHERE "resetAt" < ${now().getTime()}`);
}
