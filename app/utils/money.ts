/** Amounts are stored as integer euro cents and shown in nl-BE format: "€ 12.345,67". */
const formatter = new Intl.NumberFormat("nl-BE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  return `${sign}€ ${formatter.format(Math.abs(cents) / 100)}`;
}

/**
 * Euro with a decimal comma and no thousands separator or sign, for CSV read by people in
 * nl-BE: Excel there reads "135000,00" as the number 135000 (a "." would group thousands).
 */
export function centsAsDecimalComma(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}
