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
