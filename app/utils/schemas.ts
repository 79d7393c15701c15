import * as z from "zod";

/** Reusable field schemas: the same wording in every form of the portal. */
export const REQUIRED = "Dit veld is verplicht.";

export function requiredText(max = 200) {
  return z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .max(max, `Gebruik hoogstens ${max} tekens.`);
}

export const emailField = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, REQUIRED)
  .max(254, "Dit e-mailadres is te lang.")
  .pipe(z.email("Geef een geldig e-mailadres op."))
  .transform((email) => email.toLowerCase());
