import { isRecord } from "~/utils/guards";
import type { Condition, Field, RawRow, RawScalar, RawValue, RawValues } from "./types";

/**
 * What a field holds, whatever shape it arrived in: a plain form post ("on", repeated keys),
 * react-hook-form (booleans, arrays, `false` for an empty checkbox group) or a stored draft.
 */
export function asText(value: RawValue): string {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value) && typeof value[0] === "string") return value[0].trim();
  return "";
}

export function asList(value: RawValue): string[] {
  if (typeof value === "string") return value ? [value] : [];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string" && item !== "");
  return [];
}

export function asBoolean(value: RawValue): boolean {
  return value === true || value === "on" || value === "true";
}

export function asRows(value: RawValue): RawRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is RawRow => typeof row === "object" && row !== null && !Array.isArray(row));
}

export function isVisible(field: { showIf?: Condition }, values: Record<string, RawValue>): boolean {
  const condition = field.showIf;
  if (!condition) return true;
  const value = values[condition.field];
  if (condition.includes !== undefined) return asList(value).includes(condition.includes);
  if (condition.notEquals !== undefined) return asText(value) !== condition.notEquals;
  return asText(value) === condition.equals;
}

/** The part of a draft that belongs to some fields (one step), for saving and comparing. */
export function pickFields(fields: readonly Field[], values: RawValues): RawValues {
  const picked: RawValues = {};
  for (const field of fields) {
    if (field.type === "file") continue; // files live in Attachment rows, not in the draft
    if (values[field.name] !== undefined) picked[field.name] = values[field.name];
  }
  return picked;
}

function isRawScalar(value: unknown): value is RawScalar {
  const type = typeof value;
  return (
    type === "string" ||
    type === "boolean" ||
    value === undefined ||
    (Array.isArray(value) && value.every((item) => typeof item === "string"))
  );
}

/** Whether a stored value has one of the shapes a draft holds (an answer, or rows of answers). */
export function isRawValue(value: unknown): value is RawValue {
  if (isRawScalar(value)) return true;
  return Array.isArray(value) && value.every((row) => isRecord(row) && Object.values(row).every(isRawScalar));
}

/** Stored answers (JSON of a draft) as RawValues: anything not shaped like an answer is left out. */
export function rawValues(json: unknown): RawValues {
  if (!isRecord(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((entry): entry is [string, RawValue] => isRawValue(entry[1])));
}

export function isEmptyRow(row: RawRow): boolean {
  return Object.values(row).every((value) => asList(value).length === 0 && !asBoolean(value));
}
