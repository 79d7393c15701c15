import { DateTime } from "luxon";

/**
 * A small iCalendar (RFC 5545) writer for the deadline feed: CRLF line ends, lines folded at
 * 75 octets (never inside a UTF-8 character), TEXT values escaped, times in Europe/Brussels
 * with the VTIMEZONE that defines it. Only what the feed needs; no parser.
 */

export const CALENDAR_TIMEZONE = "Europe/Brussels";
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line (RFC 5545 3.1): at most 75 octets per physical line, continuation
 * lines start with one space (which counts towards their 75).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 20260115T225959Z */
export function formatUtc(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/** Local wall time in Brussels, for use with TZID=Europe/Brussels: 20260115T235959 */
export function formatBrussels(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: CALENDAR_TIMEZONE }).toFormat("yyyyMMdd'T'HHmmss");
}

/** Central European Time with the EU summer-time rule (last Sunday of March and October). */
const VTIMEZONE_BRUSSELS = [
  "BEGIN:VTIMEZONE",
  `TZID:${CALENDAR_TIMEZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19810329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19961027T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

export type CalendarEvent = {
  /** Globally unique and stable across downloads, so calendars update instead of duplicating */
  uid: string;
  /**
   * Revision of the event (RFC 5545 3.8.7.4): must grow whenever its date changes, or a
   * subscribed calendar may keep the old one. Never lower than an earlier download's.
   */
  sequence: number;
  /** When this event's information last changed (DTSTAMP and LAST-MODIFIED) */
  stamp: Date;
  start: Date;
  /** DTEND: written explicitly, so no client has to guess a length */
  end: Date;
  summary: string;
  description?: string;
  url?: string;
  /** Minutes before `end` for a reminder, if any (RELATED=END: a deadline is the event's end) */
  alarmMinutesBeforeEnd?: number;
};

export type Calendar = { productId: string; name: string; description?: string; events: readonly CalendarEvent[] };

function eventLines(event: CalendarEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `LAST-MODIFIED:${formatUtc(event.stamp)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=${CALENDAR_TIMEZONE}:${formatBrussels(event.start)}`,
    `DTEND;TZID=${CALENDAR_TIMEZONE}:${formatBrussels(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  // URI values are not TEXT: they are written as they are (RFC 5545 3.3.13).
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push("TRANSP:TRANSPARENT");
  if (event.alarmMinutesBeforeEnd !== undefined) {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(event.summary)}`,
      `TRIGGER;RELATED=END:-PT${event.alarmMinutesBeforeEnd}M`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

export function serializeCalendar(calendar: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.productId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    `X-WR-TIMEZONE:${CALENDAR_TIMEZONE}`,
    ...VTIMEZONE_BRUSSELS,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
