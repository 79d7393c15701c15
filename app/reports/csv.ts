import { csvField as quotedField, neutraliseFormula, toCsv as csvFile } from "~/utils/csv";

/**
 * The report tables as CSV (app/utils/csv.ts: BOM, ";", CRLF, RFC 4180 quoting). Report cells
 * hold names typed by people, so every text cell is made formula-safe; numbers are plain.
 */
export type CsvValue = string | number | null;

function safe(value: CsvValue): CsvValue {
  return typeof value === "string" ? neutraliseFormula(value) : value;
}

export function csvField(value: CsvValue): string {
  return quotedField(safe(value));
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return csvFile(header.map(neutraliseFormula), rows.map((row) => row.map(safe)));
}
