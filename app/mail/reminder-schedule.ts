import { DateTime } from "luxon";
import { isPastDeadline } from "~/calls/deadline";
import { ZONE } from "~/utils/time";

/** Reminders go out at this Brussels wall-clock hour, on the day they are due. */
export const REMINDER_HOUR = 9;
/** Unfinished drafts: 7 days and 1 day before the organisation's deadline date. */
export const DRAFT_REMINDER_DAYS = [7, 1] as const;
/** Staff: 14 and 3 days before a call's decision date. */
export const DECISION_REMINDER_DAYS = [14, 3] as const;

/** 09:00 Brussels time on the calendar day `daysBefore` days before the deadline's Brussels date. */
export function reminderInstant(deadline: Date, daysBefore: number): Date {
  return DateTime.fromJSDate(deadline, { zone: ZONE })
    .startOf("day")
    .minus({ days: daysBefore })
    .set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * Which reminder (days before the deadline) a run at `at` must send, if any: from 09:00 until
 * the end of that Brussels day, and never once the deadline has passed. A run later the same
 * day still sends it (the outbox key makes it once); a day without any run skips it, because a
 * "7 days left" mail on day 5 would be wrong.
 */
export function dueReminder(deadline: Date, at: Date, days: readonly number[]): number | null {
  if (isPastDeadline(deadline, at)) return null;
  const today = DateTime.fromJSDate(at, { zone: ZONE }).toISODate();
  for (const daysBefore of days) {
    const fire = reminderInstant(deadline, daysBefore);
    if (at.getTime() >= fire.getTime() && DateTime.fromJSDate(fire, { zone: ZONE }).toISODate() === today) return daysBefore;
  }
  return null;
}
