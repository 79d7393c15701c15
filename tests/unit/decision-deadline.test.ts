import { describe, expect, it } from "vitest";
import {
  decisionDeadlineState,
  describeDaysLeft,
  describeOverdue,
  describeUndecided,
  isOpenDecisionDeadline,
} from "~/review/decision-deadline";
import { calendarDaysUntil, endOfDay, isoInBrussels } from "~/utils/time";

describe("calendarDaysUntil (Brussels calendar days)", () => {
  const due = endOfDay("2026-04-30");

  it("counts calendar days, not 24-hour blocks", () => {
    expect(calendarDaysUntil(due, new Date("2026-04-07T08:00:00Z"))).toBe(23);
    // 23:30 Brussels on 29 April is 21:30 UTC: one day left, although only 26.5 hours remain.
    expect(calendarDaysUntil(due, new Date("2026-04-29T21:30:00Z"))).toBe(1);
    expect(calendarDaysUntil(due, new Date("2026-04-30T00:30:00Z"))).toBe(0);
    expect(calendarDaysUntil(due, new Date("2026-05-01T00:30:00Z"))).toBe(-1);
  });

  it("uses the Brussels date, not the UTC date, around midnight", () => {
    // 22:30 UTC on 30 April is already 1 May in Brussels (UTC+2).
    expect(calendarDaysUntil(due, new Date("2026-04-30T22:30:00Z"))).toBe(-1);
  });

  it("counts a day across the spring DST change (23 hours) as one day", () => {
    expect(calendarDaysUntil(endOfDay("2026-03-30"), new Date("2026-03-28T12:00:00Z"))).toBe(2);
    expect(calendarDaysUntil(endOfDay("2026-10-26"), new Date("2026-10-24T12:00:00Z"))).toBe(2);
  });
});

describe("isoInBrussels", () => {
  it("writes the Brussels wall-clock time with its offset, to the second", () => {
    expect(isoInBrussels(new Date("2026-01-15T22:59:59.999Z"))).toBe("2026-01-15T23:59:59+01:00");
    expect(isoInBrussels(new Date("2026-04-30T21:59:59.999Z"))).toBe("2026-04-30T23:59:59+02:00");
    expect(isoInBrussels("2026-07-01T10:00:00Z")).toBe("2026-07-01T12:00:00+02:00");
  });
});

describe("decision deadline wording", () => {
  it("describes the days left, the day itself and a passed deadline", () => {
    expect(describeDaysLeft(23)).toBe("nog 23 dagen");
    expect(describeDaysLeft(1)).toBe("nog 1 dag");
    expect(describeDaysLeft(0)).toBe("vandaag");
    expect(describeDaysLeft(-1)).toBe("1 dag verstreken");
    expect(describeDaysLeft(-5)).toBe("5 dagen verstreken");
    expect([3, 0, -2].map(decisionDeadlineState)).toEqual(["ahead", "today", "passed"]);
  });

  it("counts undecided and overdue dossiers", () => {
    expect(describeUndecided(0)).toBe("geen dossiers meer te beslissen");
    expect(describeUndecided(1)).toBe("1 dossier nog niet beslist");
    expect(describeUndecided(12)).toBe("12 dossiers nog niet beslist");
    expect(describeOverdue(1)).toBe("1 dossier over tijd");
    expect(describeOverdue(7)).toBe("7 dossiers over tijd");
  });

  it("keeps a deadline open until its day has passed, and after it while dossiers wait", () => {
    expect(isOpenDecisionDeadline(10, 0)).toBe(true);
    expect(isOpenDecisionDeadline(0, 0)).toBe(true);
    expect(isOpenDecisionDeadline(-1, 0)).toBe(false);
    expect(isOpenDecisionDeadline(-30, 2)).toBe(true);
  });
});
