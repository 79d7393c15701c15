import * as z from "zod/mini";
import { REQUIRED } from "~/utils/schemas";
import { hasControlCharacters, TEXT_MESSAGES } from "~/utils/text";

/** Choosing a password (reset and new account): one schema for browser and server. */
export const newPasswordFields = {
  password: z.string({ error: REQUIRED }).check(
    z.minLength(12, "Kies een wachtwoord van minstens 12 tekens."),
    z.maxLength(200, "Kies een wachtwoord van hoogstens 200 tekens."),
    z.refine((password) => !hasControlCharacters(password), TEXT_MESSAGES.control),
  ),
  confirmPassword: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)),
};

export function passwordsMatch(value: { password: string; confirmPassword: string }) {
  return value.password === value.confirmPassword;
}

export const PASSWORDS_DIFFER = { message: "De twee wachtwoorden zijn niet gelijk.", path: ["confirmPassword"] };

export const newPasswordFormSchema = z.object(newPasswordFields).check(z.refine(passwordsMatch, PASSWORDS_DIFFER));
