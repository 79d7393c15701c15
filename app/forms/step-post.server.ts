import * as z from "zod";
import type { Field, RawScalar, RawValue, RawValues, ScalarField } from "./types";

/**
 * A wizard step as its page posts it, for readFormPost. Nothing here can fail: a draft keeps
 * what was typed, also when it is wrong (validateStep says what is wrong, next to the field).
 */

/** The first value of a name; undefined when it was not posted. */
const first = z.array(z.string()).transform((values) => values[0]);

/** The page's buttons and hidden fields: which button, and the version the answers build on. */
export const stepControlsSchema = z.object({
  intent: first,
  // Not posted: NaN, which matches no version (they start at 1), so the save is checked as stale.
  baseVersion: first.transform((value) => (value === undefined ? Number.NaN : Number(value))),
  baseFingerprint: first.transform((value) => value ?? ""),
});

/** One answer as typed: ticked boxes as a list, a declaration as ticked or not, else the text. */
function answerSchema(field: ScalarField): z.ZodType<RawScalar> {
  if (field.type === "checkboxes") return z.array(z.string());
  if (field.type === "declaration") return z.array(z.string()).transform((values) => values.includes("on") || values.includes("true"));
  return first.transform((value) => value ?? "");
}

/**
 * The answers of a step's fields, named as react-hook-form names them ("activiteiten.0.niveau"
 * for a row of a repeatable block). Files are not answers: they come beside them.
 */
export function stepAnswersSchema(fields: readonly Field[]): z.ZodType<RawValues> {
  const shape: Record<string, z.ZodType<RawValue>> = {};
  for (const field of fields) {
    if (field.type === "file") continue;
    if (field.type === "repeat") {
      const row: Record<string, z.ZodType<RawScalar>> = {};
      for (const sub of field.fields) row[sub.name] = answerSchema(sub);
      shape[field.name] = z.array(z.object(row));
    } else {
      shape[field.name] = answerSchema(field);
    }
  }
  return z.object(shape);
}
