// zod/mini: the forms that use these fields are checked in the browser too, and zod classic in
// any browser module keeps most of zod's core in the chunk the wizard loads (docs/decisions/0027).
import * as z from "zod/mini";
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
function withoutControlCharacters(schema: z.ZodMiniString<string>, options: TextOptions) {
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
  const text = z.string({ error: REQUIRED }).check(
    z.trim(),
    z.refine((value) => !isBlank(value), { message: REQUIRED, abort: true }),
    z.maxLength(max, options.tooLong ?? `Gebruik hoogstens ${max} tekens.`),
  );
  return withoutControlCharacters(text, options);
}

/** A text that may stay empty (absent, or "" after trimming white space). */
export function optionalText(max = 200, options: TextOptions = {}) {
  const text = z.string().check(z.trim(), z.maxLength(max, options.tooLong ?? `Gebruik hoogstens ${max} tekens.`));
  return z.optional(withoutControlCharacters(text, options));
}

export const emailField = z.pipe(
  z.pipe(
    z.string({ error: REQUIRED }).check(
      z.trim(),
      z.refine((value) => !isBlank(value), { message: REQUIRED, abort: true }),
      z.maxLength(254, "Dit e-mailadres is te lang."),
    ),
    z.email("Geef een geldig e-mailadres op."),
  ),
  z.transform((email: string) => email.toLowerCase()),
);

/** A checkbox group: the form post repeats the name, once per ticked box (or not at all). */
export function repeated<T extends z.core.$ZodType>(item: T) {
  return preprocess((value: unknown): unknown => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));
}

/**
 * zod classic's `z.preprocess`, which zod/mini does not have: a pipe from a transform, what
 * classic builds too (its ZodPreprocess is a $ZodPipe).
 */
export function preprocess<I, B extends z.core.$ZodType>(fn: (value: I) => unknown, schema: B) {
  return z.pipe(z.transform<I, unknown>(fn), schema);
}
