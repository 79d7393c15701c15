import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id for rows written with SQL (app/db/sql.server.ts), shaped as Prisma's own
 * `@default(cuid())` ids (cuid v1: "c", the time in base 36, a counter, then randomness), so
 * that they sort among Prisma's by creation time: the audit trail breaks ties within one
 * millisecond on the id. The randomness (60 bits) makes ids unguessable as well as unique.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = randomBytes(8).readBigUInt64BE() % 36n ** 12n;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random.toString(36).padStart(12, "0")}`;
}
