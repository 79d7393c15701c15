import * as z from "zod";
import nl from "zod/v4/locales/nl.js";

// Dutch defaults for every zod message we do not word ourselves.
z.config(nl());

export type FieldErrors = Record<string, string>;

export type FormFailure = {
  ok: false;
  /** First message per field path ("contact.email"); "form" holds errors about the whole form */
  errors: FieldErrors;
  /** What the user sent, so the page can show it again: nothing typed is lost */
  values: Record<string, string>;
};

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Plain string values of a form post, without files and without secrets. */
export function echoableValues(formData: FormData, secretFields: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !secretFields.includes(key)) values[key] = value;
  }
  return values;
}

/**
 * The text values of a form post as an object for a zod schema. A name that occurs more than
 * once (checkboxes) becomes an array; `Object.fromEntries` would keep only its last value.
 * Schemas of checkbox groups use `repeated()` (schemas.ts), which also takes a single value.
 */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string") continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return values;
}

/** Validates a form post on the server with the same zod schema the browser uses. */
export function parseFormData<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  options: { secretFields?: readonly string[] } = {},
): { ok: true; data: z.output<S> } | FormFailure {
  const result = schema.safeParse(formValues(formData));
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: issuesToFieldErrors(result.error.issues),
    values: echoableValues(formData, options.secretFields),
  };
}

export function formFailure(errors: FieldErrors, formData: FormData, secretFields: readonly string[] = []): FormFailure {
  return { ok: false, errors, values: echoableValues(formData, secretFields) };
}
