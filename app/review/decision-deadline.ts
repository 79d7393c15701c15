/**
 * The agency's own deadline: by a call's `decisionDueAt` every dossier must be decided
 * (regierol: 30 April 2026). Pure wording and state; the days are Brussels calendar days
 * (calendarDaysUntil in app/utils/time.ts).
 */

export type DecisionDeadlineState = "ahead" | "today" | "passed";

export function decisionDeadlineState(daysLeft: number): DecisionDeadlineState {
  if (daysLeft > 0) return "ahead";
  return daysLeft === 0 ? "today" : "passed";
}

/** "nog 23 dagen", "nog 1 dag", "vandaag", "1 dag verstreken", "5 dagen verstreken" */
export function describeDaysLeft(daysLeft: number): string {
  const days = (n: number) => `${n} ${n === 1 ? "dag" : "dagen"}`;
  if (daysLeft > 0) return `nog ${days(daysLeft)}`;
  if (daysLeft === 0) return "vandaag";
  return `${days(-daysLeft)} verstreken`;
}

/** "12 dossiers nog niet beslist", "1 dossier nog niet beslist", "geen dossiers meer te beslissen" */
export function describeUndecided(undecided: number): string {
  if (undecided === 0) return "geen dossiers meer te beslissen";
  return undecided === 1 ? "1 dossier nog niet beslist" : `${undecided} dossiers nog niet beslist`;
}

/**
 * A decision deadline is still open while its day has not passed, or while dossiers wait for
 * a decision after it (then they are overdue and must stay visible).
 */
export function isOpenDecisionDeadline(daysLeft: number, undecided: number): boolean {
  return daysLeft >= 0 || undecided > 0;
}

/** "1 dossier over tijd", "7 dossiers over tijd" */
export function describeOverdue(overdue: number): string {
  return overdue === 1 ? "1 dossier over tijd" : `${overdue} dossiers over tijd`;
}
