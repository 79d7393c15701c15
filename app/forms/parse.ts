/**
 * Parsing of what people type into the form fields shared by every programme: amounts in
 * Belgian notation, IBANs, Belgian phone numbers. Pure and client-safe.
 */

/** "12.345,67", "12345,67", "12345.67", "€ 1 250" -> cents; null when it is not an amount. */
export function parseEuroToCents(input: string): number | null {
  const compact = input.replace(/[€\s\u00a0]/g, "");
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  let normalised: string;
  const lastComma = compact.lastIndexOf(",");
  if (lastComma >= 0) {
    // Belgian notation: dots group thousands, the comma separates the cents.
    if (compact.indexOf(",") !== lastComma) return null;
    const whole = compact.slice(0, lastComma);
    if (whole.includes(".") && !/^\d{1,3}(\.\d{3})*$/.test(whole)) return null;
    normalised = `${whole.replace(/\./g, "")}.${compact.slice(lastComma + 1)}`;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(compact)) {
    normalised = compact.replace(/\./g, ""); // "12.345" is twelve thousand, as a Belgian reads it
  } else {
    normalised = compact;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  const [euros, cents = ""] = normalised.split(".");
  const value = Number(euros) * 100 + Number(cents.padEnd(2, "0"));
  return Number.isSafeInteger(value) ? value : null;
}

/** Cents as they are typed back into a form field: "12.345,67". */
export function centsToInput(cents: number): string {
  return new Intl.NumberFormat("nl-BE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}

export function normaliseIban(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/** ISO 13616: country code, two check digits, then the account; mod 97 of the rearranged number is 1. */
export function isValidIban(input: string): boolean {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith("BE") && iban.length !== 16) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** "BE68 5390 0754 7034" */
export function formatIban(input: string): string {
  return normaliseIban(input).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Belgian numbers: national "0" + 8 digits (landline) or 9 digits (mobile, 04xx), or the same
 * after +32 / 0032 without the leading 0. Returns the international form, or null.
 */
export function normaliseBelgianPhone(input: string): string | null {
  const compact = input.replace(/[\s./()-]/g, "");
  let national: string;
  if (compact.startsWith("+32")) national = compact.slice(3);
  else if (compact.startsWith("0032")) national = compact.slice(4);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else return null;
  if (!/^[1-9]\d{7,8}$/.test(national)) return null;
  if (national.length === 9 && !national.startsWith("4")) return null;
  return `+32${national}`;
}

/** A whole number as typed, allowing thousands dots: "2.250" -> 2250. */
export function parseWholeNumber(input: string): number | null {
  const compact = input.replace(/[\s\u00a0]/g, "");
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d{1,3}(\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ""));
  return null;
}
