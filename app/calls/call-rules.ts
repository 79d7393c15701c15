import { brusselsWallClock, deadlineFromWallClock, formatDateTime, LAST_MS_OF_MINUTE } from "~/utils/time";

/**
 * The rules an administrator's change to a call must follow. Pure: the caller loads what they
 * need (dossier counts, scored criteria) and stores the result.
 */
export const CALL_RULE_MESSAGES = {
  closesBeforeOpens: "De sluitingsdatum moet na de openingsdatum liggen.",
  decisionBeforeCloses: "De beslissingsdatum mag niet voor de sluitingsdatum liggen.",
  invalidMoment: "Geef een geldige datum en een geldig uur op.",
  formVersionFrozen: (submitted: number) =>
    `Het formulier van deze oproep ligt vast: ${submitted === 1 ? "er is al 1 dossier" : `er zijn al ${submitted} dossiers`} verstuurd. ` +
    "Een nieuwe formulierversie hoort bij een nieuwe oproep; bestaande dossiers houden hun versie.",
  scoredCriterionRemoved: (label: string) =>
    `Het criterium "${label}" heeft al scores van beoordelaars: het kan niet meer weg en zijn sleutel kan niet veranderen.`,
  duplicateCriterionKey: (key: string) => `De sleutel "${key}" komt twee keer voor.`,
} as const;

/** The instant a call opens: the start of the minute entered. */
export function opensAtFromWallClock(date: string, time: string): Date | null {
  return brusselsWallClock(date, time);
}

/** The last accepted instant of a deadline (closes at, decision due): see app/utils/time.ts. */
export { deadlineFromWallClock };

export type CallDates = { opensAt: Date; closesAt: Date; decisionDueAt: Date | null };
export type DateField = keyof CallDates;
export type RuleIssue<F extends string = string> = { field: F; message: string };

/** A call closes after it opens (in a later minute); the decision is not due before it closes. */
export function checkCallDates(dates: CallDates): RuleIssue<DateField>[] {
  const issues: RuleIssue<DateField>[] = [];
  if (dates.closesAt.getTime() - LAST_MS_OF_MINUTE <= dates.opensAt.getTime()) {
    issues.push({ field: "closesAt", message: CALL_RULE_MESSAGES.closesBeforeOpens });
  }
  if (dates.decisionDueAt && dates.decisionDueAt.getTime() < dates.closesAt.getTime()) {
    issues.push({ field: "decisionDueAt", message: CALL_RULE_MESSAGES.decisionBeforeCloses });
  }
  return issues;
}

export type FormRef = { key: string; version: number };

/**
 * The form version is frozen once a dossier was submitted in the call (or went further):
 * those dossiers were checked against it. Drafts keep the version they started with anyway.
 */
export function checkFormVersionChange(current: FormRef, next: FormRef, submittedDossiers: number): string | null {
  if (current.key === next.key && current.version === next.version) return null;
  return submittedDossiers > 0 ? CALL_RULE_MESSAGES.formVersionFrozen(submittedDossiers) : null;
}

/** Criteria that reviewers already scored stay in the rubric, under the same key. */
export function checkRubricChange(
  current: ReadonlyArray<{ key: string; label: string }>,
  next: ReadonlyArray<{ key: string }>,
  scoredKeys: ReadonlySet<string>,
): string | null {
  const kept = new Set(next.map((criterion) => criterion.key));
  const removed = current.find((criterion) => scoredKeys.has(criterion.key) && !kept.has(criterion.key));
  return removed ? CALL_RULE_MESSAGES.scoredCriterionRemoved(removed.label) : null;
}

/**
 * The form shows minutes: a minute typed back unchanged keeps the stored instant (a call
 * created elsewhere may close at 23:59:59.999 or at any millisecond).
 */
export function keepUnchangedMinute(current: Date | null, next: Date): Date;
export function keepUnchangedMinute(current: Date | null, next: Date | null): Date | null;
export function keepUnchangedMinute(current: Date | null, next: Date | null): Date | null {
  if (!current || !next) return next;
  return Math.floor(current.getTime() / 60_000) === Math.floor(next.getTime() / 60_000) ? current : next;
}

export type DateChange = { field: DateField; before: Date | null; after: Date | null };

const DATE_FIELDS: readonly DateField[] = ["opensAt", "closesAt", "decisionDueAt"];

export function changedDates(before: CallDates, after: CallDates): DateChange[] {
  return DATE_FIELDS.flatMap((field) =>
    (before[field]?.getTime() ?? null) === (after[field]?.getTime() ?? null) ? [] : [{ field, before: before[field], after: after[field] }],
  );
}

/**
 * Date changes to a call that has opened are allowed, but applicants with a draft may be
 * relying on the old dates: they are told (and the change is audited). Before opening no one
 * can have a draft.
 */
export function dateChangeNeedsNotice(before: CallDates, changes: readonly DateChange[], at: Date): boolean {
  return changes.length > 0 && before.opensAt.getTime() <= at.getTime();
}

export const DATE_LABELS: Record<DateField, string> = {
  opensAt: "Open vanaf",
  closesAt: "Indienen tot",
  decisionDueAt: "Beslissing uiterlijk",
};

/** "Indienen tot: 15 januari 2026 om 23:59 → 31 januari 2026 om 23:59" */
export function describeDateChange(change: DateChange): string {
  const show = (date: Date | null) => (date ? formatDateTime(date) : "geen datum");
  return `${DATE_LABELS[change.field]}: ${show(change.before)} → ${show(change.after)}`;
}
