import { centsAsDecimalComma, formatCents } from "~/utils/money";
import { formatDate } from "~/utils/time";
import type { CsvValue } from "~/utils/csv";
import { formatCount, formatPercent, percentAsDecimalComma } from "./format";
import type { CallReport } from "./report";

/**
 * The tables of a report, defined once: the page shows `text`, the CSV download writes `csv`
 * of the very same cells, so the two never tell different stories. The first column is the
 * row header. In CSV, for Belgian spreadsheets, amounts are euros and percentages have a
 * decimal comma; an amount column is repeated at the end as integer cents for import tools,
 * as the finance export does (docs/decisions/0017-reports-with-svg-charts.md).
 */
export type ReportCell = { text: string; csv: CsvValue; cents?: number | null };
export type ReportColumn = { label: string; csvLabel: string; numeric: boolean; centsLabel?: string };
export type ReportTable = {
  key: ReportTableKey;
  caption: string;
  /** Link text of the download, unique on the page */
  downloadLabel: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Totals, shown in the table's footer and written last in the CSV */
  totals: ReportCell[][];
};

/** The file name of each table under /rapporten/$callId/ */
export const REPORT_TABLE_FILES = {
  statussen: "statussen.csv",
  indieningen: "indieningen-per-dag.csv",
  budget: "budget.csv",
  bedragen: "bedragen-per-status.csv",
  dekking: "dekking-per-provincie.csv",
  beslissing: "beslissingsdeadline.csv",
} as const;
export type ReportTableKey = keyof typeof REPORT_TABLE_FILES;
const REPORT_TABLE_KEYS = [
  "statussen",
  "indieningen",
  "budget",
  "bedragen",
  "dekking",
  "beslissing",
] as const satisfies readonly ReportTableKey[];

export function reportTableKeyForFile(fileName: string): ReportTableKey | null {
  return REPORT_TABLE_KEYS.find((key) => REPORT_TABLE_FILES[key] === fileName) ?? null;
}

const column = (label: string, numeric = false, csvLabel = label): ReportColumn => ({ label, csvLabel, numeric });
/** An amount: euros in its own place, the same amount in cents under `centsLabel` at the end of the CSV. */
const amountColumn = (label: string, csvLabel: string, centsLabel: string): ReportColumn => ({
  label,
  csvLabel,
  numeric: true,
  centsLabel,
});
const text = (value: string): ReportCell => ({ text: value, csv: value });
const number = (value: number): ReportCell => ({ text: formatCount(value), csv: value });
const cents = (value: number | null): ReportCell => ({
  text: value === null ? "—" : formatCents(value),
  csv: value === null ? null : centsAsDecimalComma(value),
  cents: value,
});
const percent = (value: number | null): ReportCell => ({
  text: formatPercent(value),
  csv: value === null ? null : percentAsDecimalComma(value),
});

export function reportTables(report: CallReport): Record<ReportTableKey, ReportTable> {
  return {
    statussen: statusTable(report),
    indieningen: submissionTable(report),
    budget: budgetTable(report),
    bedragen: amountTable(report),
    dekking: coverageTable(report),
    beslissing: deadlineTable(report),
  };
}

function statusTable(report: CallReport): ReportTable {
  return {
    key: "statussen",
    caption: "Aantal dossiers per status",
    downloadLabel: "Dossiers per status downloaden (CSV)",
    columns: [column("Status"), column("Aantal dossiers", true)],
    rows: report.statuses.map((row) => [text(row.label), number(row.count)]),
    totals: [[text("Totaal"), number(report.statuses.reduce((sum, row) => sum + row.count, 0))]],
  };
}

function submissionTable(report: CallReport): ReportTable {
  return {
    key: "indieningen",
    caption: "Ingediende aanvragen per dag (Belgische tijd)",
    downloadLabel: "Indieningen per dag downloaden (CSV)",
    columns: [
      column("Datum", false, "Datum (jjjj-mm-dd)"),
      column("Ingediend die dag", true),
      column("Ingediend tot en met die dag", true),
    ],
    rows: report.submissions.days.map((day) => [{ text: formatDate(day.date), csv: day.date }, number(day.count), number(day.cumulative)]),
    totals: [],
  };
}

function budgetTable(report: CallReport): ReportTable {
  const { budget, amounts } = report;
  return {
    key: "budget",
    caption: "Budget van de oproep: gevraagd, voorgesteld en toegekend",
    downloadLabel: "Budget downloaden (CSV)",
    columns: [column("Onderdeel"), amountColumn("Bedrag", "Bedrag (EUR)", "Bedrag (eurocent)")],
    rows: [
      [text("Budget van de oproep"), cents(budget.envelopeCents)],
      [text("Gevraagd in ingediende dossiers"), cents(amounts.totals.requestedCents)],
      [text("Voorgesteld, nog niet beslist"), cents(budget.proposedCents)],
      [text("Toegekend"), cents(budget.grantedCents)],
      [text("Nog beschikbaar"), cents(budget.remainingCents)],
    ],
    totals: [],
  };
}

function amountTable(report: CallReport): ReportTable {
  const { rows, totals } = report.amounts;
  return {
    key: "bedragen",
    caption: "Gevraagde en toegekende bedragen per status",
    downloadLabel: "Bedragen per status downloaden (CSV)",
    columns: [
      column("Status"),
      column("Aantal dossiers", true),
      amountColumn("Gevraagd", "Gevraagd bedrag (EUR)", "Gevraagd bedrag (eurocent)"),
      amountColumn("Toegekend", "Toegekend bedrag (EUR)", "Toegekend bedrag (eurocent)"),
    ],
    rows: rows.map((row) => [text(row.label), number(row.count), cents(row.requestedCents), cents(row.grantedCents)]),
    totals: [[text("Totaal zonder ingetrokken dossiers"), number(totals.count), cents(totals.requestedCents), cents(totals.grantedCents)]],
  };
}

export function provinceLabel(province: string): string {
  if (province === "Brussel") return "Brussel (VGC)";
  if (province === "Onbekend") return "Provincie onbekend";
  return province;
}

function coverageTable(report: CallReport): ReportTable {
  const { rows, overall } = report.coverage;
  return {
    key: "dekking",
    caption: "Gemeenten met een ingediende aanvraag, per provincie",
    downloadLabel: "Dekking per provincie downloaden (CSV)",
    columns: [
      column("Provincie"),
      column("Gemeenten", true, "Aantal gemeenten"),
      column("Met ingediende aanvraag", true, "Gemeenten met ingediende aanvraag"),
      column("Aandeel", true, "Aandeel (%)"),
    ],
    rows: rows.map((row) => [text(provinceLabel(row.province)), number(row.total), number(row.applied), percent(row.percentage)]),
    totals: [[text("Totaal"), number(overall.total), number(overall.applied), percent(overall.percentage)]],
  };
}

function deadlineTable(report: CallReport): ReportTable {
  const d = report.deadline;
  const yesNo = (value: boolean) => text(value ? "ja" : "nee");
  return {
    key: "beslissing",
    caption: "Voortgang tegenover de beslissingsdeadline",
    downloadLabel: "Beslissingsdeadline downloaden (CSV)",
    columns: [column("Onderdeel"), column("Waarde")],
    rows: [
      [text("Beslissingsdeadline"), { text: d.dueAt ? formatDate(d.dueAt) : "geen", csv: d.dueDate }],
      [text("Beslist"), number(d.decided)],
      [text("Nog te beslissen"), number(d.undecided)],
      [text("Beslist na de deadline"), number(d.decidedLate)],
      [
        text("Kalenderdagen tot de deadline"),
        d.daysLeft === null ? { text: "—", csv: null } : { text: formatCount(d.daysLeft), csv: d.daysLeft },
      ],
      [text("Deadline overschreden met dossiers zonder beslissing"), yesNo(d.state === "overdue")],
    ],
    totals: [],
  };
}

/** The CSV rows of a table: header, rows, totals; the cents of every amount column last. */
export function tableCsvRows(table: ReportTable): { header: string[]; rows: CsvValue[][] } {
  const amounts = table.columns.flatMap((column, index) => (column.centsLabel ? [{ index, label: column.centsLabel }] : []));
  return {
    header: [...table.columns.map((c) => c.csvLabel), ...amounts.map((a) => a.label)],
    rows: [...table.rows, ...table.totals].map((row) => [
      ...row.map((cell) => cell.csv),
      ...amounts.map((a) => row[a.index]?.cents ?? null),
    ]),
  };
}
