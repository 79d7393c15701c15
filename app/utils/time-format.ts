/**
 * The portal's one vocabulary for dates a person reads (docs/decisions/0054-one-date-vocabulary.md),
 * in Dutch, Brussels time, through Intl (as Luxon does inside): this module is for the browser
 * too and must not import Luxon, which would be 22 kB gzipped of the wizard's JavaScript.
 * Calendar arithmetic is in ./time.
 *
 * - a date: formatDate, "15 januari 2026"
 * - a date and time, and so a deadline (stored as its last accepted instant): formatDateTime,
 *   "15 januari 2026 om 23:59"
 * - a moment to the second (receipts, audit lines): formatTimestamp, "15 januari 2026 om 23:59:58"
 * - a period of calendar days: formatPeriod, "1 januari 2026 tot en met 31 december 2030"
 *
 * Never ISO dates or "15/01/2026" in text a person reads; ISO stays in attributes (dateTime=)
 * and machine columns of exports.
 */
export const ZONE = "Europe/Brussels";
export const LOCALE = "nl-BE";

const WALL_CLOCK = new Intl.DateTimeFormat(LOCALE, {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
const MONTHS = Array.from({ length: 12 }, (_, index) =>
  new Intl.DateTimeFormat(LOCALE, { month: "long", timeZone: "UTC" }).format(Date.UTC(2026, index, 15)),
);

type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

/** The Brussels calendar date and time of an instant, as two-digit fields; null for an invalid date. */
function wallClock(instant: Date | string): WallClock | null {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  const parts = WALL_CLOCK.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

// What Luxon printed for an invalid date; kept so a page shows the same text as before.
const INVALID = "Invalid DateTime";

const longDate = (at: WallClock) => `${Number(at.day)} ${MONTHS[Number(at.month) - 1]} ${at.year}`;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a calendar date that exists: "2026-02-28" yes, "2026-02-30" and "2026-2-3" no. */
export function isCalendarDate(value: string): boolean {
  const calendar = CALENDAR_DATE.exec(value);
  if (!calendar) return false;
  // Cast: the pattern matched, so its three groups are there, all digits.
  const [, year, month, day] = calendar.map(Number) as [number, number, number, number];
  // A date that does not exist would roll over into the next month.
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/**
 * "15 januari 2026": the Brussels day of an instant, or a calendar date as stored
 * ("2026-01-15", a recognition's start or a merger's date), which no time zone moves.
 */
export function formatDate(value: Date | string): string {
  if (typeof value === "string" && CALENDAR_DATE.test(value)) {
    if (!isCalendarDate(value)) return INVALID;
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    return `${day} ${MONTHS[month - 1]} ${year}`;
  }
  const at = wallClock(value);
  return at ? longDate(at) : INVALID;
}

/**
 * "15 januari 2026 om 23:59", also for a deadline: stored as its last accepted instant
 * (23:59:59.999, record 0005), it reads as the minute it ends in, never as the next day.
 */
export function formatDateTime(instant: Date | string): string {
  const at = wallClock(instant);
  return at ? `${longDate(at)} om ${at.hour}:${at.minute}` : INVALID;
}

/** "15 januari 2026 om 23:59:58", for receipts and audit lines where seconds matter */
export function formatTimestamp(instant: Date | string): string {
  const at = wallClock(instant);
  return at ? `${longDate(at)} om ${at.hour}:${at.minute}:${at.second}` : INVALID;
}

/**
 * "1 januari 2026 tot en met 31 december 2030", both days included; "vanaf 1 januari 2026"
 * without an end. Calendar dates ("2026-01-01") or instants (their Brussels days).
 */
export function formatPeriod(from: Date | string, to: Date | string | null): string {
  return to === null ? `vanaf ${formatDate(from)}` : `${formatDate(from)} tot en met ${formatDate(to)}`;
}

/** The Brussels calendar date (yyyy-mm-dd) of an instant. */
export function brusselsDate(instant: Date): string {
  const at = wallClock(instant);
  return at ? `${at.year}-${at.month}-${at.day}` : "";
}

/** "23:59", the Brussels wall-clock time of an instant */
export function brusselsTime(instant: Date | string): string {
  const at = wallClock(instant);
  return at ? `${at.hour}:${at.minute}` : INVALID;
}

export type TimeLeft = { days: number; hours: number; minutes: number; seconds: number; totalMs: number };

export function timeLeft(until: Date | string, from: Date): TimeLeft {
  const totalMs = Math.max(0, new Date(until).getTime() - from.getTime());
  const totalSeconds = Math.floor(totalMs / 1000);
  return {
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3_600),
    minutes: Math.floor((totalSeconds % 3_600) / 60),
    seconds: totalSeconds % 60,
    totalMs,
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "nog 3 dagen en 4 uur", "nog 12 minuten", "afgesloten" */
export function describeTimeLeft(left: TimeLeft): string {
  if (left.totalMs <= 0) return "afgesloten";
  if (left.days > 0) return `nog ${plural(left.days, "dag", "dagen")} en ${plural(left.hours, "uur", "uur")}`;
  if (left.hours > 0) return `nog ${plural(left.hours, "uur", "uur")} en ${plural(left.minutes, "minuut", "minuten")}`;
  if (left.minutes > 0) return `nog ${plural(left.minutes, "minuut", "minuten")}`;
  return `nog ${plural(left.seconds, "seconde", "seconden")}`;
}
