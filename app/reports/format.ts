/** Dutch (nl-BE) numbers for the reports: "1.234" and "33,3%". Amounts use formatCents. */
const count = new Intl.NumberFormat("nl-BE");
const percent = new Intl.NumberFormat("nl-BE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return count.format(value);
}

/** `value` in percent (33.3), as the series functions return it; null reads "—". */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : percent.format(value / 100);
}

/** `value` in percent with one decimal and a decimal comma ("33,3"), for CSV read by a Belgian spreadsheet. */
export function percentAsDecimalComma(value: number): string {
  return value.toFixed(1).replace(".", ",");
}
