/**
 * Helpers that make every seeder idempotent: a row is created when its natural key is unknown,
 * updated only when a seeded field really differs (so a second run does not even touch
 * updatedAt), and otherwise left alone.
 */
export type Outcome = "created" | "updated" | "unchanged";
export type Tally = Record<Outcome, number>;
/** Per seeded section (e.g. "gemeenten"), how many rows this run created, updated or left alone. */
export type SeedReport = Record<string, Tally>;

export function emptyTally(): Tally {
  return { created: 0, updated: 0, unchanged: 0 };
}

export function tally(outcomes: Iterable<Outcome>): Tally {
  const result = emptyTally();
  for (const outcome of outcomes) result[outcome]++;
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** The fields of `desired` whose value differs from `existing` (dates compared by instant). */
export function changedFields<T extends Record<string, unknown>>(existing: object, desired: T): Partial<T> {
  const current = existing as Record<string, unknown>;
  const changes: Partial<T> = {};
  for (const key of Object.keys(desired) as Array<keyof T & string>) {
    if (!sameValue(current[key], desired[key])) changes[key] = desired[key];
  }
  return changes;
}

export function hasChanges(changes: object): boolean {
  return Object.keys(changes).length > 0;
}
