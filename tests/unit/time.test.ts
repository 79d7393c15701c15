import { describe, expect, it } from "vitest";
import {
  addDays,
  brusselsDate,
  describeTimeLeft,
  endOfDay,
  formatDate,
  formatDateTime,
  formatTimestamp,
  startOfDay,
  timeLeft,
} from "~/utils/time";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

describe("endOfDay and startOfDay (Brussels calendar days)", () => {
  it("ends a winter day at 23:59:59.999 Brussels time, which is 22:59:59.999 UTC", () => {
    expect(endOfDay("2026-01-15").toISOString()).toBe("2026-01-15T22:59:59.999Z");
    expect(startOfDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
  });

  it("ends a summer day at 23:59:59.999 Brussels time, which is 21:59:59.999 UTC", () => {
    expect(endOfDay("2026-04-30").toISOString()).toBe("2026-04-30T21:59:59.999Z");
    expect(startOfDay("2026-04-30").toISOString()).toBe("2026-04-29T22:00:00.000Z");
  });

  it("handles the spring change (29 March 2026): the day starts in winter time and ends in summer time, 23 hours", () => {
    expect(startOfDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfDay("2026-03-29").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(endOfDay("2026-03-29").getTime() + 1 - startOfDay("2026-03-29").getTime()).toBe(23 * HOUR);
  });

  it("handles the autumn change (25 October 2026): the day starts in summer time and ends in winter time, 25 hours", () => {
    expect(startOfDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(endOfDay("2026-10-25").toISOString()).toBe("2026-10-25T22:59:59.999Z");
    expect(endOfDay("2026-10-25").getTime() + 1 - startOfDay("2026-10-25").getTime()).toBe(25 * HOUR);
  });

  it("is followed by the next day's start one millisecond later", () => {
    for (const [day, next] of [
      ["2026-01-15", "2026-01-16"],
      ["2026-03-28", "2026-03-29"],
      ["2026-03-29", "2026-03-30"],
      ["2026-10-25", "2026-10-26"],
      ["2026-12-31", "2027-01-01"],
    ] as const) {
      expect(startOfDay(next).getTime() - endOfDay(day).getTime(), day).toBe(1);
    }
  });

  it("refuses a date that does not exist, in Dutch", () => {
    expect(() => endOfDay("2026-02-30")).toThrow("Ongeldige datum: 2026-02-30");
    expect(() => startOfDay("morgen")).toThrow("Ongeldige datum: morgen");
  });
});

describe("addDays", () => {
  it("keeps the Brussels wall-clock time across the spring change: that day has 23 hours", () => {
    const saturdayNoon = new Date("2026-03-28T11:00:00Z"); // 12:00 winter time
    const sundayNoon = addDays(saturdayNoon, 1);
    expect(sundayNoon.toISOString()).toBe("2026-03-29T10:00:00.000Z"); // 12:00 summer time
    expect(sundayNoon.getTime() - saturdayNoon.getTime()).toBe(23 * HOUR);
    expect(formatDateTime(sundayNoon)).toBe("29 maart 2026 om 12:00");
  });

  it("keeps the Brussels wall-clock time across the autumn change: that day has 25 hours", () => {
    const saturdayNoon = new Date("2026-10-24T10:00:00Z"); // 12:00 summer time
    const sundayNoon = addDays(saturdayNoon, 1);
    expect(sundayNoon.toISOString()).toBe("2026-10-25T11:00:00.000Z"); // 12:00 winter time
    expect(sundayNoon.getTime() - saturdayNoon.getTime()).toBe(25 * HOUR);
    expect(formatDateTime(sundayNoon)).toBe("25 oktober 2026 om 12:00");
  });

  it("moves a deadline at the end of a day to the end of another day", () => {
    expect(addDays(endOfDay("2026-03-28"), 1).toISOString()).toBe(endOfDay("2026-03-29").toISOString());
    expect(addDays(endOfDay("2026-10-20"), 14).toISOString()).toBe(endOfDay("2026-11-03").toISOString());
    expect(addDays(endOfDay("2026-04-01"), -7).toISOString()).toBe(endOfDay("2026-03-25").toISOString());
  });
});

describe("formatting in Dutch, Brussels time", () => {
  it("prints a deadline as the Brussels wall-clock time", () => {
    expect(formatDateTime(endOfDay("2026-01-15"))).toBe("15 januari 2026 om 23:59");
    expect(formatDateTime(endOfDay("2026-04-30"))).toBe("30 april 2026 om 23:59");
    expect(formatDateTime("2026-07-01T10:00:00Z")).toBe("1 juli 2026 om 12:00");
    expect(formatDateTime(new Date("2026-12-01T08:05:00Z"))).toBe("1 december 2026 om 09:05");
  });

  it("dates an instant late in the UTC evening on the next Brussels day", () => {
    const instant = new Date("2026-03-01T23:30:00Z");
    expect(formatDate(instant)).toBe("2 maart 2026");
    expect(brusselsDate(instant)).toBe("2026-03-02");
    expect(brusselsDate(endOfDay("2026-10-25"))).toBe("2026-10-25");
  });

  it("prints a timestamp with seconds for receipts, in words like every other date", () => {
    expect(formatTimestamp(endOfDay("2026-01-15"))).toBe("15 januari 2026 om 23:59:59");
    expect(formatTimestamp("2026-08-09T07:08:09Z")).toBe("9 augustus 2026 om 09:08:09");
  });
});

describe("describeTimeLeft", () => {
  const deadline = endOfDay("2026-01-15");
  const before = (ms: number) => new Date(deadline.getTime() - ms);
  const describe_ = (ms: number) => describeTimeLeft(timeLeft(deadline, before(ms)));

  it("splits the time left into days, hours, minutes and seconds", () => {
    expect(timeLeft(deadline, before(3 * 24 * HOUR + 4 * HOUR + 5 * MINUTE + 6_000))).toEqual({
      days: 3,
      hours: 4,
      minutes: 5,
      seconds: 6,
      totalMs: 3 * 24 * HOUR + 4 * HOUR + 5 * MINUTE + 6_000,
    });
    expect(timeLeft(deadline, new Date(deadline.getTime() + 1))).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, totalMs: 0 });
  });

  it("says days and hours when more than a day is left", () => {
    expect(describe_(3 * 24 * HOUR + 4 * HOUR + 30 * MINUTE)).toBe("nog 3 dagen en 4 uur");
    expect(describe_(24 * HOUR + HOUR)).toBe("nog 1 dag en 1 uur");
  });

  it("says hours and minutes on the last day", () => {
    expect(describe_(5 * HOUR + 12 * MINUTE + 59_000)).toBe("nog 5 uur en 12 minuten");
    expect(describe_(HOUR + MINUTE)).toBe("nog 1 uur en 1 minuut");
  });

  it("says minutes in the last hour and seconds in the last minute", () => {
    expect(describe_(12 * MINUTE + 30_000)).toBe("nog 12 minuten");
    expect(describe_(MINUTE)).toBe("nog 1 minuut");
    expect(describe_(45_000)).toBe("nog 45 seconden");
    expect(describe_(1_000)).toBe("nog 1 seconde");
  });

  it("says closed at and after the deadline", () => {
    expect(describe_(0)).toBe("afgesloten");
    expect(describe_(-HOUR)).toBe("afgesloten");
  });
});
