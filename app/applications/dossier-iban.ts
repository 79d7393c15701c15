import { isValidIban, normaliseIban } from "~/forms/parse";
import { parseJsonObject } from "~/utils/json";

/**
 * The IBAN from a dossier's answers, without spaces, or "" when there is none (or it is not
 * valid): what finance pays into (exports, payment orders).
 */
export function ibanFromAnswers(data: string): string {
  const iban = parseJsonObject(data).iban;
  return typeof iban === "string" && isValidIban(iban) ? normaliseIban(iban) : "";
}
