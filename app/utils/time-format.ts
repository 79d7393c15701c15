/**
 * Instants shown in Dutch, Brussels time, through Intl (as Luxon does inside): this module is
 * for the browser too and must not import Luxon, which would be 22 kB gzipped of the wizard's
 * JavaScript. Calendar arithmetic is in ./time.
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

/** "15 januari 2026" */
export function formatDate(instant: Date | string): string {
  const at = wallClock(instant);
  return at ? longDate(at) : INVALID;
}

/** "15 januari 2026 om 23:59" */
export function formatDateTime(instant: Date | string): string {
  const at = wallClock(instant);
  return at ? `${longDate(at)} om ${at.hour}:${at.minute}` : INVALID;
}

/** "15/01/2026 23:59:59", for receipts and audit lines where seconds matter */
export function formatTimestamp(instant: Date | string): string {
  const at = wallClock(instant);
  return at ? `${at.day}/${at.month}/${at.year} ${at.hour}:${at.minute}:${at.second}` : INVALID;
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
