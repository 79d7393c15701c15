/**
 * SQL statements written once for SQLite and PostgreSQL (docs/decisions/0030): a tagged
 * template keeps values out of the text, and the placeholders are made for the provider at run
 * time (`?` or `$1`). Identifiers are always double-quoted, which both databases read alike.
 * Rows come back as the database driver returned them; the decoders below turn every
 * representation one column can have (text, number, bigint, Date) into one JavaScript type.
 */
import type { DatabaseProvider } from "./database-url";

export type SqlValue = string | number | boolean | Date | Uint8Array | null;

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly (SqlValue | Sql)[],
  ) {}

  /** The text with placeholders for `provider`, and the values in their order. */
  compile(provider: DatabaseProvider): { text: string; values: SqlValue[] } {
    const values: SqlValue[] = [];
    const text = this.render(provider, values);
    return { text, values };
  }

  private render(provider: DatabaseProvider, values: SqlValue[]): string {
    let text = this.strings[0] ?? "";
    this.values.forEach((value, index) => {
      if (value instanceof Sql) {
        text += value.render(provider, values);
      } else {
        values.push(value);
        text += provider === "postgresql" ? `$${values.length}` : "?";
      }
      text += this.strings[index + 1] ?? "";
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: (SqlValue | Sql)[]): Sql {
  return new Sql(strings, values);
}

/** `a, b, c` of values (for IN lists) or of fragments. */
export function list(items: readonly (SqlValue | Sql)[], separator = ", "): Sql {
  if (items.length === 0) throw new Error("Een lege lijst past niet in SQL.");
  return new Sql(["", ...items.slice(1).map(() => separator), ""], items);
}

export type Row = Record<string, unknown>;

function describe(value: unknown): string {
  return value === null ? "null" : `${typeof value} ${String(value).slice(0, 40)}`;
}

export const decode = {
  text: (value: unknown): string => {
    if (typeof value === "string") return value;
    throw new TypeError(`Tekst verwacht, kreeg ${describe(value)}`);
  },
  int: (value: unknown): number => {
    const number = typeof value === "string" ? Number(value) : typeof value === "bigint" ? Number(value) : value;
    if (typeof number === "number" && Number.isInteger(number)) return number;
    throw new TypeError(`Geheel getal verwacht, kreeg ${describe(value)}`);
  },
  float: (value: unknown): number => {
    const number = typeof value === "string" || typeof value === "bigint" ? Number(value) : value;
    if (typeof number === "number" && Number.isFinite(number)) return number;
    throw new TypeError(`Getal verwacht, kreeg ${describe(value)}`);
  },
  /** SQLite keeps booleans as 0/1 (read as a number, a bigint or its text), PostgreSQL as boolean. */
  bool: (value: unknown): boolean => {
    if (typeof value === "boolean") return value;
    if (value === 1 || value === 1n || value === "1" || value === "true") return true;
    if (value === 0 || value === 0n || value === "0" || value === "false") return false;
    throw new TypeError(`Waar/onwaar verwacht, kreeg ${describe(value)}`);
  },
  /** Both adapters give DateTime columns as ISO text with "+00:00"; Prisma's raw API as Date. */
  date: (value: unknown): Date => {
    const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) return date;
    throw new TypeError(`Tijdstip verwacht, kreeg ${describe(value)}`);
  },
};

/** The same decoder, letting SQL NULL through as null. */
export function nullable<T>(decoder: (value: unknown) => T): (value: unknown) => T | null {
  return (value) => (value === null || value === undefined ? null : decoder(value));
}

type Decoders = Record<string, (value: unknown) => unknown>;
export type Decoded<D extends Decoders> = { [K in keyof D]: ReturnType<D[K]> };

/** Rows as objects of the decoded columns named in `columns`; other columns are dropped. */
export function decodeRows<D extends Decoders>(columns: D, rows: readonly Row[]): Decoded<D>[] {
  const decoders = Object.entries(columns);
  return rows.map((row) => {
    const decoded: Record<string, unknown> = {};
    for (const [name, decode] of decoders) {
      try {
        decoded[name] = decode(row[name]);
      } catch (error) {
        throw new TypeError(`Kolom "${name}": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Built key by key from `columns`, so it has exactly the decoded shape.
    return decoded as Decoded<D>;
  });
}
