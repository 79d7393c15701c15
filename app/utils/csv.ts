/**
 * The one CSV writer of the portal, for every download (reports, the finance export). CSV as
 * Excel in Belgium (nl-BE) opens it with a double click: UTF-8 with a byte order mark (else
 * accents break), ";" between fields (the list separator of the Belgian locale, where "," is
 * the decimal comma), CRLF line ends, and RFC 4180 quoting. Every text cell is made
 * formula-safe; numbers are written as they are. Pure.
 */

export const CSV_SEPARATOR = ";";
export const BOM = "\uFEFF";

export type CsvValue = string | number | null | undefined;

/**
 * Text typed by people (organisation names) must not start a formula when the file is opened
 * in a spreadsheet ("=HYPERLINK(...)", "+32...", "@SUM"): such a value gets a leading
 * apostrophe, which Excel shows as text. Our own text values (codes, ISO dates) never start so.
 */
export function neutraliseFormula(text: string): string {
  // A plain decimal-comma number ("-12,50") is no formula: left as is, a spreadsheet reads a number.
  if (/^-?\d+(,\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: formula-safe text, quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseFormula(value) : String(value);
  if (/[;"\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
