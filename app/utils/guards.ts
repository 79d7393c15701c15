/**
 * Checks that tell TypeScript what a value is, for values from outside the types: database
 * strings of an enum, JSON, label lookups. A check here instead of a cast (`as`).
 */

/** Whether a value is one of a list of strings (a database column against its enum's list). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return list.some((member) => member === value);
}

/** Whether a key is an own key of an object, e.g. a label table: `hasKey(LABELS, kind) ? LABELS[kind] : kind`. */
export function hasKey<T extends object>(record: T, key: PropertyKey): key is keyof T {
  return Object.hasOwn(record, key);
}

/** Whether a value is a plain object (not null, not an array): JSON read as an object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entry of a table for a key from outside the types (a database string), or undefined. */
export function lookup<T extends object>(table: T, key: PropertyKey): T[keyof T] | undefined {
  return hasKey(table, key) ? table[key] : undefined;
}

/** An object with a value for each key of a list (the members of an enum-like list). */
export function fromKeys<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  // Sound: Object.fromEntries cannot type its keys, and here every key of `keys` gets its value.
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}
