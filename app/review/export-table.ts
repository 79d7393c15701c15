import type { CsvValue } from "~/utils/csv";
import { centsAsDecimalComma } from "~/utils/money";
import { isoInBrussels } from "~/utils/time";

/**
 * The columns of a call's finance export, defined once for the CSV and the XLSX
 * (docs/decisions/0016-staff-queue-and-finance-export.md). Headers are Dutch words for people;
 * amounts are euros (decimal comma in CSV, typed euro cells in XLSX), and the CSV keeps the
 * stored cents at the end for import tools that read integers. Pure.
 */
export type ExportDossier = {
  reference: string | null;
  organisation: string;
  nisCode: string | null;
  kboNumber: string | null;
  province: string | null;
  status: string;
  statusLabel: string;
  requestedCents: number | null;
  proposedCents: number | null;
  grantedCents: number | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  iban: string;
};

/** A column of an export, for rows of type R (a dossier, a payment order). */
export type ExportColumn<R> =
  | { header: string; kind: "text"; width: number; value: (row: R) => string | null }
  /** Euros for people: a decimal-comma number in CSV, a numeric euro cell in XLSX */
  | { header: string; kind: "euro"; width: number; value: (row: R) => number | null }
  /** The stored integer cents, CSV only: the XLSX's typed euro cells are already exact */
  | { header: string; kind: "cents"; width: number; value: (row: R) => number | null }
  | { header: string; kind: "instant"; width: number; value: (row: R) => Date | null }
  /** A Brussels calendar day (ISO date): as is in CSV, a date cell in XLSX */
  | { header: string; kind: "date"; width: number; value: (row: R) => string | null };

export const EXPORT_COLUMNS: readonly ExportColumn<ExportDossier>[] = [
  { header: "Dossiernummer", kind: "text", width: 16, value: (d) => d.reference },
  { header: "Organisatie", kind: "text", width: 36, value: (d) => d.organisation },
  { header: "NIS-code", kind: "text", width: 10, value: (d) => d.nisCode },
  { header: "Ondernemingsnummer", kind: "text", width: 18, value: (d) => d.kboNumber },
  { header: "Provincie", kind: "text", width: 18, value: (d) => d.province },
  { header: "Statuscode", kind: "text", width: 20, value: (d) => d.status },
  { header: "Status", kind: "text", width: 26, value: (d) => d.statusLabel },
  { header: "Gevraagd bedrag (EUR)", kind: "euro", width: 18, value: (d) => d.requestedCents },
  { header: "Voorgesteld bedrag (EUR)", kind: "euro", width: 18, value: (d) => d.proposedCents },
  { header: "Toegekend bedrag (EUR)", kind: "euro", width: 18, value: (d) => d.grantedCents },
  { header: "Ingediend op (Belgische tijd)", kind: "instant", width: 28, value: (d) => d.submittedAt },
  { header: "Beslist op (Belgische tijd)", kind: "instant", width: 28, value: (d) => d.decidedAt },
  { header: "IBAN", kind: "text", width: 22, value: (d) => d.iban },
  { header: "Gevraagd bedrag (eurocent)", kind: "cents", width: 0, value: (d) => d.requestedCents },
  { header: "Voorgesteld bedrag (eurocent)", kind: "cents", width: 0, value: (d) => d.proposedCents },
  { header: "Toegekend bedrag (eurocent)", kind: "cents", width: 0, value: (d) => d.grantedCents },
];

/** The columns of an XLSX: every one but the cents. */
export function xlsxColumns<R>(columns: readonly ExportColumn<R>[]): ExportColumn<R>[] {
  return columns.filter((column) => column.kind !== "cents");
}

/**
 * Euro as a Belgian spreadsheet shows it: "€ 135.000,00" (LCID 813 = nl-BE; Excel puts in the
 * reader's own separators, the symbol stays).
 */
export const EURO_NUMBER_FORMAT = "[$€-813] #,##0.00";
/**
 * A date cell in the words of the portal's dates (record 0054): "15 januari 2026 om 23:59:58";
 * [$-813] gives Dutch month names. The cell stays a date, so it still sorts and filters.
 */
export const DATE_TIME_FORMAT = '[$-813]d mmmm yyyy "om" hh:mm:ss';
/** A calendar day the same way: "2 februari 2026". */
export const DATE_FORMAT = "[$-813]d mmmm yyyy";

/** One CSV cell: euros with a decimal comma, instants as ISO 8601 with the Brussels offset. */
export function csvCell<R>(column: ExportColumn<R>, row: R): CsvValue {
  switch (column.kind) {
    case "text":
    case "cents":
    case "date":
      return column.value(row);
    case "euro": {
      const cents = column.value(row);
      return cents === null ? null : centsAsDecimalComma(cents);
    }
    case "instant": {
      const at = column.value(row);
      return at ? isoInBrussels(at) : null;
    }
  }
}

/**
 * An instant as the Brussels wall clock for a spreadsheet cell: spreadsheet dates have no
 * time zone, and exceljs writes a Date's UTC fields, so the Brussels fields go there.
 */
export function brusselsWallClockCell(at: Date): Date {
  return new Date(`${isoInBrussels(at).slice(0, 19)}Z`);
}

/** One XLSX cell: a number of euros, a wall-clock date, a calendar date, or text. */
export function xlsxCell<R>(column: ExportColumn<R>, row: R): string | number | Date | null {
  switch (column.kind) {
    case "text":
    case "cents":
      return column.value(row);
    case "euro": {
      const cents = column.value(row);
      return cents === null ? null : cents / 100;
    }
    case "instant": {
      const at = column.value(row);
      return at ? brusselsWallClockCell(at) : null;
    }
    case "date": {
      // A calendar day has no zone: midnight UTC is the day itself for exceljs.
      const day = column.value(row);
      return day ? new Date(`${day}T00:00:00Z`) : null;
    }
  }
}

/** The number format of a column's XLSX cells. */
export function xlsxNumberFormat<R>(column: ExportColumn<R>): string | undefined {
  return column.kind === "euro"
    ? EURO_NUMBER_FORMAT
    : column.kind === "instant"
      ? DATE_TIME_FORMAT
      : column.kind === "date"
        ? DATE_FORMAT
        : undefined;
}
