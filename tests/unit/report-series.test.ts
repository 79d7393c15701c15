import { describe, expect, it } from "vitest";
import {
  amountsByStatus,
  coverageByProvince,
  coverageProvince,
  deadlineProgress,
  describeDeadline,
  percentage,
  statusCounts,
  submissionSeries,
  type CoverageOrganisation,
} from "~/reports/series";
import { calendarDates, daysBetweenDates, endOfDay, startOfDay } from "~/utils/time";

const HOUR = 60 * 60 * 1000;

describe("calendarDates and daysBetweenDates", () => {
  it("counts each calendar day once across both DST changes", () => {
    expect(calendarDates("2026-03-27", "2026-03-31")).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    expect(calendarDates("2025-10-24", "2025-10-27")).toEqual(["2025-10-24", "2025-10-25", "2025-10-26", "2025-10-27"]);
    expect(daysBetweenDates("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetweenDates("2025-10-25", "2025-10-27")).toBe(2);
    expect(daysBetweenDates("2026-05-03", "2026-04-30")).toBe(-3);
    expect(calendarDates("2026-01-02", "2026-01-01")).toEqual([]);
  });
});

describe("statusCounts", () => {
  it("lists every status in the order of the status machine, with zero for the absent ones", () => {
    const counts = statusCounts(["SUBMITTED", "DRAFT", "SUBMITTED", "APPROVED"]);
    expect(counts.map((c) => c.status)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "IN_REVIEW",
      "INFO_REQUESTED",
      "PROPOSED",
      "APPROVED",
      "PARTIALLY_APPROVED",
      "REFUSED",
      "WITHDRAWN",
    ]);
    expect(Object.fromEntries(counts.map((c) => [c.status, c.count]))).toMatchObject({ DRAFT: 1, SUBMITTED: 2, APPROVED: 1, REFUSED: 0 });
  });
});

describe("submissionSeries", () => {
  // A week around the autumn change: 26 October 2025 has 25 hours in Brussels.
  const autumn = { opensAt: startOfDay("2025-10-22"), closesAt: endOfDay("2025-10-28") };

  it("counts submissions per Brussels calendar day in the week the clocks go back", () => {
    const series = submissionSeries({
      ...autumn,
      submittedAt: [
        new Date("2025-10-22T08:00:00Z"),
        new Date("2025-10-25T21:59:59Z"), // 25 Oct 23:59:59 summer time
        new Date("2025-10-25T22:30:00Z"), // 26 Oct 00:30 summer time
        new Date("2025-10-26T22:59:00Z"), // 26 Oct 23:59 winter time: still the 26th, 25 hours after midnight
        new Date("2025-10-26T23:00:00Z"), // 27 Oct 00:00 winter time
        new Date("2025-10-28T22:59:59.999Z"), // the last instant of the deadline day
      ],
      at: new Date("2025-11-15T12:00:00Z"),
    });
    expect(series.days).toEqual([
      { date: "2025-10-22", count: 1, cumulative: 1 },
      { date: "2025-10-23", count: 0, cumulative: 1 },
      { date: "2025-10-24", count: 0, cumulative: 1 },
      { date: "2025-10-25", count: 1, cumulative: 2 },
      { date: "2025-10-26", count: 2, cumulative: 4 },
      { date: "2025-10-27", count: 1, cumulative: 5 },
      { date: "2025-10-28", count: 1, cumulative: 6 },
    ]);
    expect(series).toMatchObject({
      firstDate: "2025-10-22",
      deadlineDate: "2025-10-28",
      lastDate: "2025-10-28",
      total: 6,
      afterDeadline: 0,
    });
  });

  it("counts the 23-hour day of the spring change as one day", () => {
    const series = submissionSeries({
      opensAt: startOfDay("2026-03-28"),
      closesAt: endOfDay("2026-03-30"),
      submittedAt: [
        new Date("2026-03-28T22:59:00Z"), // 28 Mar 23:59 winter time
        new Date("2026-03-28T23:00:00Z"), // 29 Mar 00:00 winter time
        new Date("2026-03-29T21:59:00Z"), // 29 Mar 23:59 summer time: 23 hours after midnight
        new Date("2026-03-29T22:00:00Z"), // 30 Mar 00:00 summer time
      ],
      at: new Date("2026-04-02T10:00:00Z"),
    });
    expect(series.days.map((d) => [d.date, d.count, d.cumulative])).toEqual([
      ["2026-03-28", 1, 1],
      ["2026-03-29", 2, 3],
      ["2026-03-30", 1, 4],
    ]);
  });

  it("gives a call with zero submissions a flat line over every day up to the deadline", () => {
    const series = submissionSeries({ ...autumn, submittedAt: [], at: new Date("2026-01-01T00:00:00Z") });
    expect(series.days).toHaveLength(7);
    expect(series.days.every((d) => d.count === 0 && d.cumulative === 0)).toBe(true);
    expect(series.total).toBe(0);
  });

  it("stops an open call's line at today and has no days before the call opens", () => {
    const open = submissionSeries({ ...autumn, submittedAt: [new Date("2025-10-23T09:00:00Z")], at: new Date("2025-10-24T23:30:00Z") });
    expect(open.days.map((d) => d.date)).toEqual(["2025-10-22", "2025-10-23", "2025-10-24", "2025-10-25"]);
    expect(open.lastDate).toBe("2025-10-28");
    const upcoming = submissionSeries({ ...autumn, submittedAt: [], at: new Date("2025-10-01T00:00:00Z") });
    expect(upcoming.days).toEqual([]);
  });

  it("runs on to the day of a submission made with an extension, and counts it as after the deadline", () => {
    const series = submissionSeries({
      ...autumn,
      submittedAt: [new Date("2025-10-27T10:00:00Z"), new Date("2025-10-30T10:00:00Z")],
      at: new Date("2025-12-01T00:00:00Z"),
    });
    expect(series.lastDate).toBe("2025-10-30");
    expect(series.days.at(-1)).toEqual({ date: "2025-10-30", count: 1, cumulative: 2 });
    expect(series.afterDeadline).toBe(1);
  });
});

describe("amountsByStatus", () => {
  it("sums requested and granted amounts per status; totals leave out withdrawn dossiers and drafts", () => {
    const amounts = amountsByStatus([
      { status: "DRAFT", requestedCents: 999, grantedCents: null },
      { status: "SUBMITTED", requestedCents: 1_000_00, grantedCents: null },
      { status: "APPROVED", requestedCents: 2_000_00, grantedCents: 2_000_00 },
      { status: "PARTIALLY_APPROVED", requestedCents: 3_000_00, grantedCents: 1_500_00 },
      { status: "REFUSED", requestedCents: 4_000_00, grantedCents: null },
      { status: "WITHDRAWN", requestedCents: 5_000_00, grantedCents: null },
    ]);
    expect(amounts.rows.map((r) => r.status)).not.toContain("DRAFT");
    expect(amounts.rows.find((r) => r.status === "PARTIALLY_APPROVED")).toEqual({
      status: "PARTIALLY_APPROVED",
      count: 1,
      requestedCents: 3_000_00,
      grantedCents: 1_500_00,
    });
    expect(amounts.rows.find((r) => r.status === "WITHDRAWN")).toMatchObject({ count: 1, requestedCents: 5_000_00 });
    expect(amounts.totals).toEqual({ count: 4, requestedCents: 10_000_00, grantedCents: 3_500_00 });
  });

  it("gives zeros for a call without dossiers", () => {
    expect(amountsByStatus([]).totals).toEqual({ count: 0, requestedCents: 0, grantedCents: 0 });
  });
});

describe("coverage per province", () => {
  const org = (id: string, fields: Partial<CoverageOrganisation> = {}): CoverageOrganisation => ({
    id,
    kind: "GEMEENTE",
    nisCode: `1${id.padStart(4, "0")}`,
    province: "Antwerpen",
    successorId: null,
    ...fields,
  });

  it("counts current municipalities with an NIS code, and the VGC for Brussels", () => {
    expect(coverageProvince(org("1"))).toBe("Antwerpen");
    expect(coverageProvince(org("2", { successorId: "x" }))).toBeNull();
    expect(coverageProvince(org("3", { kind: "OCMW" }))).toBeNull();
    expect(coverageProvince(org("4", { nisCode: null }))).toBeNull();
    expect(coverageProvince(org("5", { kind: "VGC", province: null }))).toBe("Brussel");
    expect(coverageProvince(org("6", { province: null }))).toBe("Onbekend");
  });

  it("gives count and percentage per province, with every province listed", () => {
    const organisations = [
      org("a1"),
      org("a2"),
      org("a3"),
      org("l1", { province: "Limburg" }),
      org("merged", { province: "Limburg", successorId: "l1" }),
      org("vgc", { kind: "VGC", province: "Brussel" }),
    ];
    const { rows, overall } = coverageByProvince(organisations, new Set(["a1", "vgc", "merged", "not-a-municipality"]));
    expect(rows).toEqual([
      { province: "Antwerpen", total: 3, applied: 1, percentage: 33.3 },
      { province: "Limburg", total: 1, applied: 0, percentage: 0 },
      { province: "Oost-Vlaanderen", total: 0, applied: 0, percentage: null },
      { province: "Vlaams-Brabant", total: 0, applied: 0, percentage: null },
      { province: "West-Vlaanderen", total: 0, applied: 0, percentage: null },
      { province: "Brussel", total: 1, applied: 1, percentage: 100 },
    ]);
    expect(overall).toEqual({ total: 5, applied: 2, percentage: 40 });
  });

  it("rounds percentages to one decimal", () => {
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(1, 285)).toBe(0.4);
    expect(percentage(0, 0)).toBeNull();
  });
});

describe("deadlineProgress", () => {
  const due = endOfDay("2026-03-30"); // the week of the spring change
  const dossiers = [
    { status: "APPROVED", decidedAt: new Date("2026-03-20T10:00:00Z") },
    { status: "IN_REVIEW", decidedAt: null },
    { status: "PROPOSED", decidedAt: null },
    { status: "WITHDRAWN", decidedAt: null },
    { status: "DRAFT", decidedAt: null },
  ];

  it("counts Brussels calendar days left, across a DST change", () => {
    const progress = deadlineProgress({ decisionDueAt: due, at: new Date("2026-03-27T23:30:00Z"), dossiers });
    // 27 March 23:30 UTC is already 28 March in Brussels.
    expect(progress).toEqual({
      state: "running",
      dueAt: due.toISOString(),
      dueDate: "2026-03-30",
      decided: 1,
      undecided: 2,
      decidedLate: 0,
      daysLeft: 2,
    });
    expect(describeDeadline(progress)).toBe("Nog 2 dagen om te beslissen: 2 dossiers wachten nog op een beslissing.");
  });

  it("says so on the last day and once the deadline has passed", () => {
    const lastDay = deadlineProgress({ decisionDueAt: due, at: new Date(due.getTime() - 2 * HOUR), dossiers });
    expect(lastDay).toMatchObject({ state: "running", daysLeft: 0 });
    expect(describeDeadline(lastDay)).toBe("Vandaag is de laatste dag om te beslissen: 2 dossiers wachten nog op een beslissing.");
    const overdue = deadlineProgress({ decisionDueAt: due, at: new Date("2026-04-02T08:00:00Z"), dossiers });
    expect(overdue).toMatchObject({ state: "overdue", daysLeft: -3 });
    expect(describeDeadline(overdue)).toBe(
      "De beslissingsdeadline is 3 dagen geleden verstreken en 2 dossiers wachten nog op een beslissing.",
    );
  });

  it("counts decisions taken after the deadline once everything is decided", () => {
    const done = deadlineProgress({
      decisionDueAt: due,
      at: new Date("2026-05-01T08:00:00Z"),
      dossiers: [
        { status: "APPROVED", decidedAt: new Date("2026-03-20T10:00:00Z") },
        { status: "REFUSED", decidedAt: new Date("2026-04-01T10:00:00Z") },
      ],
    });
    expect(done).toMatchObject({ state: "done", decided: 2, undecided: 0, decidedLate: 1 });
    expect(describeDeadline(done)).toBe("Over alle 2 dossiers is beslist. 1 dossier werd na de deadline beslist.");
  });

  it("handles a call without a decision deadline and one without submissions", () => {
    const none = deadlineProgress({ decisionDueAt: null, at: new Date(), dossiers });
    expect(none).toMatchObject({ state: "none", daysLeft: null, decided: 1, undecided: 2 });
    expect(describeDeadline(none)).toBe("Voor deze oproep is geen beslissingsdeadline vastgelegd.");
    const empty = deadlineProgress({ decisionDueAt: due, at: new Date("2026-03-01T00:00:00Z"), dossiers: [] });
    expect(empty).toMatchObject({ state: "nothing-to-decide", daysLeft: 29 });
    expect(describeDeadline(empty)).toBe("Er zijn geen ingediende dossiers om over te beslissen.");
  });
});
