/**
 * All calendar arithmetic for the portal happens in Brussels time, through Luxon. Showing
 * instants is in ./time-format (Intl, no Luxon), re-exported here for server code; modules the
 * browser loads import it from there, so their pages ship no Luxon.
 */
import { DateTime } from "luxon";
import { brusselsDate, LOCALE, ZONE } from "./time-format";

export {
  brusselsDate,
  brusselsTime,
  describeTimeLeft,
  formatDate,
  formatDateTime,
  formatPeriod,
  formatTimestamp,
  isCalendarDate,
  timeLeft,
  ZONE,
  type TimeLeft,
} from "./time-format";

function inBrussels(instant: Date | string): DateTime {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale(LOCALE);
}

/** The last millisecond of a Brussels calendar day, e.g. endOfDay("2026-01-15"). */
export function endOfDay(isoDate: string): Date {
  const day = DateTime.fromISO(isoDate, { zone: ZONE });
  if (!day.isValid) throw new Error(`Ongeldige datum: ${isoDate}`);
  return day.endOf("day").toJSDate();
}

/** Midnight at the start of a Brussels calendar day. */
export function startOfDay(isoDate: string): Date {
  const day = DateTime.fromISO(isoDate, { zone: ZONE });
  if (!day.isValid) throw new Error(`Ongeldige datum: ${isoDate}`);
  return day.startOf("day").toJSDate();
}

/** Adds whole Brussels calendar days (a day across a DST change is 23 or 25 hours). */
export function addDays(instant: Date, days: number): Date {
  return inBrussels(instant).plus({ days }).toJSDate();
}

/** The instant of a Brussels wall-clock time ("2026-01-15", "23:59"), or null if there is none. */
export function brusselsWallClock(isoDate: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const instant = DateTime.fromISO(`${isoDate}T${time}`, { zone: ZONE });
  // A time skipped by the spring DST change does not exist; Luxon would shift it silently.
  if (!instant.isValid || instant.toFormat("HH:mm") !== time) return null;
  return instant.toJSDate();
}

/**
 * The last accepted instant of a deadline entered as a Brussels minute: "23:59" counts up to
 * and including 23:59:59.999 (calls, extensions, answers to a request for information).
 */
export function deadlineFromWallClock(isoDate: string, time: string): Date | null {
  const minute = brusselsWallClock(isoDate, time);
  return minute ? new Date(minute.getTime() + LAST_MS_OF_MINUTE) : null;
}
export const LAST_MS_OF_MINUTE = 59_999;

/**
 * Brussels calendar days from the day of `from` to the day of `until`: 0 on the same day,
 * negative once that day has passed (a day across a DST change still counts as one).
 */
export function calendarDaysUntil(until: Date | string, from: Date): number {
  return daysBetweenDates(brusselsDate(from), brusselsDate(new Date(until)));
}

/** ISO 8601 with the Brussels offset, to the second: "2026-01-15T23:59:59+01:00" (exports). */
export function isoInBrussels(instant: Date | string): string {
  return inBrussels(instant).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** Every Brussels calendar date from `from` to `to` (yyyy-mm-dd, both included; empty if `to` is earlier). */
export function calendarDates(from: string, to: string): string[] {
  const dates: string[] = [];
  const last = DateTime.fromISO(to, { zone: ZONE });
  // Calendar arithmetic, not 24-hour steps: a DST day is still one day.
  for (let day = DateTime.fromISO(from, { zone: ZONE }); day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate();
    if (date) dates.push(date); // null only for an invalid date, which the loop never reaches
  }
  return dates;
}

/** Whole calendar days from one date to another (yyyy-mm-dd): 1 for "tomorrow", negative when `to` is earlier. */
export function daysBetweenDates(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: ZONE }).startOf("day");
  const end = DateTime.fromISO(to, { zone: ZONE }).startOf("day");
  return Math.round(end.diff(start, "days").days);
}

/** "26 okt", a short date for chart axes */
export function formatShortDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).setLocale(LOCALE).toFormat("d LLL");
}
