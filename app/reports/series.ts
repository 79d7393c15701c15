import { isPastDeadline } from "~/calls/deadline";
import {
  APPLICATION_STATUSES,
  applicationStatusSchema,
  DECIDED_STATUSES,
  GRANTED_STATUSES,
  SUBMITTED_STATUSES,
  UNDECIDED_STATUSES,
  isStatusIn,
  type ApplicationStatus,
} from "~/domain/application-status";
import type { Province } from "~/domain/organisation";
import { PROVINCES } from "~/domain/organisation";
import { brusselsDate, calendarDates, daysBetweenDates } from "~/utils/time";
import { isOneOf } from "~/utils/guards";

/**
 * The figures of a call's report, computed from plain rows: no database, no clock. The
 * queries that feed them are in reports.server.ts.
 */

export { DECIDED_STATUSES, GRANTED_STATUSES, SUBMITTED_STATUSES, UNDECIDED_STATUSES };

export type StatusCount = { status: ApplicationStatus; count: number };

/** Every status of the status machine in its order, with zero for the ones no dossier has. */
export function statusCounts(statuses: readonly string[]): StatusCount[] {
  const counts = new Map<ApplicationStatus, number>();
  for (const raw of statuses) {
    const status = applicationStatusSchema.parse(raw);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return APPLICATION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export type DayCount = { date: string; count: number; cumulative: number };

export type SubmissionSeries = {
  /** The Brussels date the call opened */
  firstDate: string;
  /** The Brussels date of the call's deadline */
  deadlineDate: string;
  /** Where the time axis ends: the deadline, or a later day on which an extended dossier came in */
  lastDate: string;
  /** One entry per calendar day from the first date up to today (or the last date, if earlier) */
  days: DayCount[];
  total: number;
  /** Submitted after the call's deadline, thanks to an extension for that organisation */
  afterDeadline: number;
};

/**
 * Submissions per Brussels calendar day and their running total, from the opening day to the
 * deadline day. Days are calendar days, so the 23- and 25-hour days of a DST change count once.
 * A day that has not come yet is left out, so an open call's line stops at today.
 */
export function submissionSeries(input: { opensAt: Date; closesAt: Date; submittedAt: readonly Date[]; at: Date }): SubmissionSeries {
  const firstDate = brusselsDate(input.opensAt);
  const deadlineDate = brusselsDate(input.closesAt);
  const perDate = new Map<string, number>();
  let lastSubmission: string | null = null;
  let afterDeadline = 0;
  for (const instant of input.submittedAt) {
    // A submission before the opening day cannot happen; if data says so, it counts on day one.
    const date = maxDate(brusselsDate(instant), firstDate);
    perDate.set(date, (perDate.get(date) ?? 0) + 1);
    lastSubmission = lastSubmission === null ? date : maxDate(lastSubmission, date);
    if (isPastDeadline(input.closesAt, instant)) afterDeadline += 1;
  }
  const lastDate = lastSubmission === null ? deadlineDate : maxDate(deadlineDate, lastSubmission);
  const today = brusselsDate(input.at);
  const through = minDate(lastDate, lastSubmission === null ? today : maxDate(today, lastSubmission));
  let cumulative = 0;
  const days = calendarDates(firstDate, through).map((date) => {
    const count = perDate.get(date) ?? 0;
    cumulative += count;
    return { date, count, cumulative };
  });
  return { firstDate, deadlineDate, lastDate, days, total: input.submittedAt.length, afterDeadline };
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export type AmountRow = { status: ApplicationStatus; count: number; requestedCents: number; grantedCents: number };

export type Amounts = {
  /** Every status a submitted dossier can have, withdrawn ones included */
  rows: AmountRow[];
  /** Submitted dossiers that are still counted (not withdrawn) */
  totals: { count: number; requestedCents: number; grantedCents: number };
};

/**
 * Requested and granted amounts per status. Drafts are left out: their amount is not asked
 * yet. The totals leave out withdrawn dossiers, and count as granted only what a decision
 * granted (the same rule as the call's budget, app/review/budget.server.ts).
 */
export function amountsByStatus(
  dossiers: ReadonlyArray<{ status: string; requestedCents: number | null; grantedCents: number | null }>,
): Amounts {
  const rows: AmountRow[] = APPLICATION_STATUSES.filter((status) => status !== "DRAFT").map((status) => ({
    status,
    count: 0,
    requestedCents: 0,
    grantedCents: 0,
  }));
  const totals = { count: 0, requestedCents: 0, grantedCents: 0 };
  for (const dossier of dossiers) {
    const row = rows.find((r) => r.status === dossier.status);
    if (!row) continue;
    const granted = isStatusIn(GRANTED_STATUSES, row.status) ? (dossier.grantedCents ?? 0) : 0;
    row.count += 1;
    row.requestedCents += dossier.requestedCents ?? 0;
    row.grantedCents += granted;
    if (row.status === "WITHDRAWN") continue;
    totals.count += 1;
    totals.requestedCents += dossier.requestedCents ?? 0;
    totals.grantedCents += granted;
  }
  return { rows, totals };
}

/** Share in percent with one decimal (33.3), or null when there is nothing to share. */
export function percentage(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export type CoverageOrganisation = {
  id: string;
  kind: string;
  nisCode: string | null;
  province: string | null;
  successorId: string | null;
};

/**
 * Which province an organisation counts for in the coverage of municipalities, or null when it
 * is not a municipality of its own: a current GEMEENTE with an NIS code (a merged predecessor
 * no longer exists as a municipality), or the VGC, which plays that role for Brussels.
 */
export function coverageProvince(organisation: CoverageOrganisation): Province | "Onbekend" | null {
  if (organisation.successorId !== null) return null;
  if (organisation.kind === "VGC") return "Brussel";
  if (organisation.kind !== "GEMEENTE" || !organisation.nisCode) return null;
  return isOneOf(PROVINCES, organisation.province) ? organisation.province : "Onbekend";
}

export type CoverageFigures = { total: number; applied: number; percentage: number | null };
export type CoverageRow = CoverageFigures & { province: Province | "Onbekend" };

/**
 * Per province: how many of its municipalities (the VGC for Brussels) have a submitted dossier
 * in the call, out of how many exist. Every province gets a row, also with zero; a row
 * "Onbekend" only appears for municipalities without a known province.
 */
export function coverageByProvince(
  organisations: readonly CoverageOrganisation[],
  appliedOrganisationIds: ReadonlySet<string>,
): { rows: CoverageRow[]; overall: CoverageFigures } {
  const rows = new Map<CoverageRow["province"], { total: number; applied: number }>(
    PROVINCES.map((province) => [province, { total: 0, applied: 0 }]),
  );
  for (const organisation of organisations) {
    const province = coverageProvince(organisation);
    if (!province) continue;
    const row = rows.get(province) ?? { total: 0, applied: 0 };
    row.total += 1;
    if (appliedOrganisationIds.has(organisation.id)) row.applied += 1;
    rows.set(province, row);
  }
  const list = [...rows].map(([province, { total, applied }]) => ({ province, total, applied, percentage: percentage(applied, total) }));
  const total = list.reduce((sum, row) => sum + row.total, 0);
  const applied = list.reduce((sum, row) => sum + row.applied, 0);
  return { rows: list, overall: { total, applied, percentage: percentage(applied, total) } };
}

export type DeadlineState = "none" | "nothing-to-decide" | "done" | "running" | "overdue";

export type DeadlineProgress = {
  state: DeadlineState;
  /** The decision deadline (ISO instant) and its Brussels date */
  dueAt: string | null;
  dueDate: string | null;
  decided: number;
  undecided: number;
  /** Decided after the decision deadline */
  decidedLate: number;
  /** Brussels calendar days from today to the due date: 0 on the day itself, negative afterwards */
  daysLeft: number | null;
};

/** How far the agency is with its decisions, against the call's decision deadline. */
export function deadlineProgress(input: {
  decisionDueAt: Date | null;
  at: Date;
  dossiers: ReadonlyArray<{ status: string; decidedAt: Date | null }>;
}): DeadlineProgress {
  const decidedDossiers = input.dossiers.filter((d) => isStatusIn(DECIDED_STATUSES, d.status));
  const decided = decidedDossiers.length;
  const undecided = input.dossiers.filter((d) => isStatusIn(UNDECIDED_STATUSES, d.status)).length;
  const due = input.decisionDueAt;
  if (!due) {
    return { state: "none", dueAt: null, dueDate: null, decided, undecided, decidedLate: 0, daysLeft: null };
  }
  const decidedLate = decidedDossiers.filter((d) => d.decidedAt && d.decidedAt.getTime() > due.getTime()).length;
  const daysLeft = daysBetweenDates(brusselsDate(input.at), brusselsDate(due));
  const state: DeadlineState =
    undecided > 0 ? (input.at.getTime() > due.getTime() ? "overdue" : "running") : decided > 0 ? "done" : "nothing-to-decide";
  return { state, dueAt: due.toISOString(), dueDate: brusselsDate(due), decided, undecided, decidedLate, daysLeft };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One Dutch sentence on the decision deadline, for the report and the list of calls. */
export function describeDeadline(progress: DeadlineProgress): string {
  const late =
    progress.decidedLate > 0 ? ` ${plural(progress.decidedLate, "dossier werd", "dossiers werden")} na de deadline beslist.` : "";
  switch (progress.state) {
    case "none":
      return "Voor deze oproep is geen beslissingsdeadline vastgelegd.";
    case "nothing-to-decide":
      return "Er zijn geen ingediende dossiers om over te beslissen.";
    case "done":
      return `Over alle ${plural(progress.decided, "dossier", "dossiers")} is beslist.${late}`;
    case "running": {
      const waiting = plural(progress.undecided, "dossier wacht", "dossiers wachten");
      if (progress.daysLeft === 0) return `Vandaag is de laatste dag om te beslissen: ${waiting} nog op een beslissing.${late}`;
      return `Nog ${plural(progress.daysLeft ?? 0, "dag", "dagen")} om te beslissen: ${waiting} nog op een beslissing.${late}`;
    }
    case "overdue": {
      const overdueDays = Math.max(0, -(progress.daysLeft ?? 0));
      const since = overdueDays === 0 ? "vandaag" : `${plural(overdueDays, "dag", "dagen")} geleden`;
      return `De beslissingsdeadline is ${since} verstreken en ${plural(progress.undecided, "dossier wacht", "dossiers wachten")} nog op een beslissing.${late}`;
    }
  }
}
