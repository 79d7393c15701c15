import { databaseProvider } from "./database-url";

const ILIKE = { mode: "insensitive" } as const;

/**
 * A `contains` filter that ignores letter case on both databases. SQLite's LIKE already
 * ignores the case of ASCII letters; PostgreSQL's LIKE does not, so there the filter adds
 * `mode: "insensitive"` (ILIKE). Only the PostgreSQL client's types know that key, so it is
 * added by spreading, which both clients accept.
 */
export function containsIgnoringCase(text: string): { contains: string } {
  return databaseProvider() === "postgresql" ? { contains: text, ...ILIKE } : { contains: text };
}
