// No zod here: the wizard checks KBO numbers in the browser, and importing a module with zod
// classic schemas puts all of zod classic on that page.

/** Strips the punctuation of an ondernemingsnummer: "0123.456.749" -> "0123456749". */
export function normaliseKboNumber(input: string): string {
  return input.replace(/[\s.]/g, "").replace(/^BE/i, "");
}

/**
 * Belgian enterprise numbers: 10 digits, starting with 0 or 1, whose last two digits are
 * 97 minus (the first eight digits modulo 97).
 */
export function isValidKboNumber(input: string): boolean {
  const digits = normaliseKboNumber(input);
  if (!/^[01]\d{9}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  return 97 - (base % 97) === check;
}

export function formatKboNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
