/**
 * CSV as a Belgian spreadsheet opens it: UTF-8 with a byte order mark (so Excel reads "é" and
 * "€" right), ";" between fields (Excel's separator where "," is the decimal sign), CRLF line
 * ends and RFC 4180 quoting. Numbers are written plain, without thousands separators.
 */
export type CsvValue = string | number | null;

const BOM = "\uFEFF";
const SEPARATOR = ";";

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(SEPARATOR));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

export function csvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  // A text cell that starts like a formula would be run by the spreadsheet: make it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
