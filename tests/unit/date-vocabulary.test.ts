import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPeriod, formatTimestamp } from "~/utils/time-format";
import { deadlineFromWallClock, endOfDay, startOfDay } from "~/utils/time";

// The one vocabulary for dates a person reads (docs/decisions/0054-one-date-vocabulary.md), one
// helper per kind, in Brussels time, at the edges where a naive formatter goes wrong.

describe("a date", () => {
  it("is the Brussels day of an instant, also when UTC is still on the day before", () => {
    expect(formatDate(new Date("2025-12-31T23:00:00Z"))).toBe("1 januari 2026");
    expect(formatDate(new Date("2025-12-31T22:59:59.999Z"))).toBe("31 december 2025");
    // Summer time: midnight in Brussels is 22:00 UTC the day before.
    expect(formatDate(new Date("2026-06-30T22:00:00Z"))).toBe("1 juli 2026");
    expect(formatDate(startOfDay("2026-03-29"))).toBe("29 maart 2026");
    expect(formatDate(endOfDay("2026-10-25"))).toBe("25 oktober 2026");
  });

  it("is a stored calendar date as it is, whatever the time zone of the machine", () => {
    expect(formatDate("2026-01-01")).toBe("1 januari 2026");
    expect(formatDate("2030-12-31")).toBe("31 december 2030");
    expect(formatDate("2028-02-29")).toBe("29 februari 2028");
    expect(formatDate("2026-02-29")).toBe("Invalid DateTime");
    expect(formatDate("2026-13-01")).toBe("Invalid DateTime");
  });
});

describe("a date and time, and so a deadline", () => {
  it("shows a deadline's last accepted instant as the minute it ends in, never the next day", () => {
    expect(formatDateTime(endOfDay("2026-01-15"))).toBe("15 januari 2026 om 23:59");
    expect(formatDateTime(deadlineFromWallClock("2026-04-30", "17:00")!)).toBe("30 april 2026 om 17:00");
    expect(formatDateTime(endOfDay("2027-01-15"))).toBe("15 januari 2027 om 23:59");
  });

  it("follows the clock across the changes to and from summer time", () => {
    // Spring: 01:59:59 UTC+1 is followed by 03:00 UTC+2.
    expect(formatDateTime(new Date("2026-03-29T00:59:59Z"))).toBe("29 maart 2026 om 01:59");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("29 maart 2026 om 03:00");
    // Autumn: 02:00 to 03:00 happens twice.
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"))).toBe("25 oktober 2026 om 02:30");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"))).toBe("25 oktober 2026 om 02:30");
    expect(formatDateTime(endOfDay("2026-03-29"))).toBe("29 maart 2026 om 23:59");
    expect(formatDateTime(endOfDay("2026-10-25"))).toBe("25 oktober 2026 om 23:59");
  });
});

describe("a moment to the second", () => {
  it("is in words too, with the seconds a receipt needs", () => {
    expect(formatTimestamp(new Date("2026-01-15T22:59:58Z"))).toBe("15 januari 2026 om 23:59:58");
    expect(formatTimestamp(new Date("2026-10-25T00:59:59Z"))).toBe("25 oktober 2026 om 02:59:59");
    expect(formatTimestamp(new Date("2026-10-25T01:00:00Z"))).toBe("25 oktober 2026 om 02:00:00");
  });
});

describe("a period", () => {
  it("names both calendar days, both included, or only the first when it has no end", () => {
    expect(formatPeriod("2026-01-01", "2030-12-31")).toBe("1 januari 2026 tot en met 31 december 2030");
    expect(formatPeriod("2026-01-01", null)).toBe("vanaf 1 januari 2026");
  });

  it("takes the Brussels days of instants, as for a call open from its first to its last day", () => {
    expect(formatPeriod(startOfDay("2026-03-01"), endOfDay("2026-03-29"))).toBe("1 maart 2026 tot en met 29 maart 2026");
    expect(formatPeriod(startOfDay("2026-07-01"), endOfDay("2026-10-25"))).toBe("1 juli 2026 tot en met 25 oktober 2026");
  });
});

describe("no machine dates in words", () => {
  it("never prints an ISO date or a dd/mm/yyyy date", () => {
    const instant = new Date("2026-12-15T15:40:00Z");
    for (const text of [formatDate(instant), formatDateTime(instant), formatTimestamp(instant), formatPeriod("2026-01-01", "2026-12-31")]) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/);
    }
  });
});
