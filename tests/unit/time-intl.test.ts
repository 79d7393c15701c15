import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { brusselsDate, brusselsTime, formatDate, formatDateTime, formatTimestamp } from "~/utils/time-format";

// The formatters the browser runs moved from Luxon to Intl; Luxon stays the oracle here.
const luxon = (instant: Date, format: string) =>
  DateTime.fromJSDate(instant, { zone: "Europe/Brussels" }).setLocale("nl-BE").toFormat(format);

/** Every fifth hour of 2026 (so every hour of the day in turn), the DST changes to the millisecond, year ends. */
function instants(): Date[] {
  const hourly = Array.from({ length: (365 * 24) / 5 }, (_, index) => new Date(Date.UTC(2026, 0, 1, index * 5, 7, 9, 321)));
  const edges = [
    "2026-03-29T00:59:59.999Z",
    "2026-03-29T01:00:00.000Z", // spring: 02:00 winter time becomes 03:00
    "2026-10-25T00:59:59.999Z",
    "2026-10-25T01:00:00.000Z", // autumn: 03:00 summer time becomes 02:00
    "2025-12-31T22:59:59.999Z",
    "2025-12-31T23:00:00.000Z", // new year in Brussels
    "2026-01-15T22:59:59.999Z",
    "2026-04-30T21:59:59.999Z", // the last millisecond of a deadline day
    "2000-02-29T12:00:00.000Z",
    "2099-12-31T23:30:00.000Z",
  ].map((iso) => new Date(iso));
  return [...hourly, ...edges];
}

describe("the Intl formatters print what Luxon printed", () => {
  it("for dates, times and timestamps across a year, DST changes and day boundaries", () => {
    for (const instant of instants()) {
      const at = instant.toISOString();
      expect(formatDate(instant), at).toBe(luxon(instant, "d MMMM yyyy"));
      expect(formatDateTime(instant), at).toBe(luxon(instant, "d MMMM yyyy 'om' HH:mm"));
      expect(formatTimestamp(instant), at).toBe(luxon(instant, "d MMMM yyyy 'om' HH:mm:ss"));
      expect(brusselsTime(instant), at).toBe(luxon(instant, "HH:mm"));
      expect(brusselsDate(instant), at).toBe(DateTime.fromJSDate(instant, { zone: "Europe/Brussels" }).toISODate());
    }
  });

  it("for ISO strings as the loaders send them, and for an invalid date", () => {
    expect(formatDateTime("2026-01-15T22:59:59.999Z")).toBe("15 januari 2026 om 23:59");
    expect(formatTimestamp("2026-04-30T21:59:59.999Z")).toBe("30 april 2026 om 23:59:59");
    const invalid = new Date("geen datum");
    for (const format of [formatDate, formatDateTime, formatTimestamp, brusselsTime]) expect(format(invalid)).toBe(luxon(invalid, "HH:mm"));
    expect(brusselsDate(invalid)).toBe("");
  });
});
