import { isRecord } from "~/utils/guards";
import { parseJsonObject } from "~/utils/json";

/**
 * The SEQUENCE of a deadline event, derived from the audit trail instead of a stored counter
 * (docs/decisions/0012-deadline-calendar.md): every administrator's edit of a call writes one
 * `call.updated` line whose `after` holds exactly the fields that changed (app/utils/changes.ts).
 * The number of such lines naming the event's date is how often that date changed. The trail is
 * append-only, so the count never goes down, whatever the clocks do. Pure.
 */
export type DeadlineField = "closesAt" | "decisionDueAt";
export type DeadlineRevisions = Record<DeadlineField, number>;

/** Lines of `call.updated` for one call: their `after` JSON (null or unreadable counts for nothing). */
export function deadlineRevisions(afters: ReadonlyArray<string | null>): DeadlineRevisions {
  const revisions: DeadlineRevisions = { closesAt: 0, decisionDueAt: 0 };
  for (const after of afters) {
    const changed = after ? parseJsonObject(after) : {};
    if ("closesAt" in changed) revisions.closesAt += 1;
    if ("decisionDueAt" in changed) revisions.decisionDueAt += 1;
  }
  return revisions;
}

/** The due instant of a call's report phase in a settings object as the audit trail holds it. */
function phaseDueAt(settings: unknown, phaseKey: string): unknown {
  if (!isRecord(settings) || !Array.isArray(settings.phases)) return undefined;
  const phase: unknown = settings.phases.find((p: unknown) => isRecord(p) && p.key === phaseKey);
  return isRecord(phase) ? phase.dueAt : undefined;
}

/**
 * The SEQUENCE of a report's deadline event: how many `call.updated` lines moved that report's
 * due instant. Settings are audited whole (before and after), so a line changes it when the two
 * sides disagree. Pure.
 */
export function phaseDueRevisions(lines: ReadonlyArray<{ before: string | null; after: string | null }>, phaseKey: string): number {
  return lines.filter((line) => {
    const after = line.after ? parseJsonObject(line.after) : {};
    if (!("settings" in after)) return false;
    const before = line.before ? parseJsonObject(line.before) : {};
    return phaseDueAt(after.settings, phaseKey) !== phaseDueAt(before.settings, phaseKey);
  }).length;
}
