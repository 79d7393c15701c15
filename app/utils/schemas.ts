import * as z from "zod";
import { controlCharacterMessage, isBlank } from "./text";

/** Reusable field schemas: the same wording in every form of the portal, browser and server. */
export const REQUIRED = "Dit veld is verplicht.";

export type TextOptions = {
  /** A textarea: tabs and line breaks are allowed (other control characters never are) */
  multiline?: boolean;
  /** Instead of "Gebruik hoogstens … tekens." */
  tooLong?: string;
};

/** Refuses control characters (app/utils/text.ts) with a message next to the field. */
function withoutControlCharacters(schema: z.ZodString, options: TextOptions) {
  return schema.check((ctx) => {
    const message = controlCharacterMessage(ctx.value, options);
    if (message) ctx.issues.push({ code: "custom", message, input: ctx.value });
  });
}

/**
 * A text that must be filled in. Only white space or control characters counts as empty: the
 * user sees "Dit veld is verplicht." rather than a blank answer being accepted.
 */
export function requiredText(max = 200, options: TextOptions = {}) {
  const text = z
    .string({ error: REQUIRED })
    .trim()
    .refine((value) => !isBlank(value), { message: REQUIRED, abort: true })
    .max(max, options.tooLong ?? `Gebruik hoogstens ${max} tekens.`);
  return withoutControlCharacters(text, options);
}

/** A text that may stay empty (absent, or "" after trimming white space). */
export function optionalText(max = 200, options: TextOptions = {}) {
  const text = z
    .string()
    .trim()
    .max(max, options.tooLong ?? `Gebruik hoogstens ${max} tekens.`);
  return withoutControlCharacters(text, options).optional();
}

export const emailField = z
  .string({ error: REQUIRED })
  .trim()
  .refine((value) => !isBlank(value), { message: REQUIRED, abort: true })
  .max(254, "Dit e-mailadres is te lang.")
  .pipe(z.email("Geef een geldig e-mailadres op."))
  .transform((email) => email.toLowerCase());

/** A checkbox group: the form post repeats the name, once per ticked box (or not at all). */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((value): unknown => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));
}
