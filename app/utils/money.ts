/** Amounts are stored as integer euro cents and shown in nl-BE format: "€ 12.345,67". */
const formatter = new Intl.NumberFormat("nl-BE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  return `${sign}€ ${formatter.format(Math.abs(cents) / 100)}`;
}
