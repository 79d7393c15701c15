/**
 * CSV as Excel in Belgium (nl-BE) opens it with a double click: UTF-8 with a byte order mark
 * (else accents break), ";" between fields (the list separator of the Belgian locale, where
 * "," is the decimal comma), CRLF line ends, and RFC 4180 quoting. Pure.
 */

export const CSV_SEPARATOR = ";";
export const BOM = "\uFEFF";

/** Quotes a field when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (/[;"\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * Text typed by people (organisation names) must not start a formula when the file is opened
 * in a spreadsheet ("=HYPERLINK(...)", "+32...", "@SUM"): such a value gets a leading
 * apostrophe, which Excel shows as text. Our own values (numbers, codes, dates) never need it.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
