import { describe, expect, it } from "vitest";
import { DRAFT_REMINDER_DAYS, dueReminder, reminderInstant } from "~/mail/reminder-schedule";
import { endOfDay } from "~/utils/time";

// Reminders fire at 09:00 Brussels wall-clock time, also across a change to or from summer time.
describe("reminder schedule", () => {
  it("09:00 Brussels is 08:00 UTC in winter and 07:00 UTC in summer, across the March change", () => {
    const deadline = endOfDay("2026-03-31"); // summer time began on 29 March 2026
    expect(reminderInstant(deadline, 7).toISOString()).toBe("2026-03-24T08:00:00.000Z");
    expect(reminderInstant(deadline, 1).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("and across the October change back to winter time", () => {
    const deadline = endOfDay("2026-10-27"); // winter time began on 25 October 2026
    expect(reminderInstant(deadline, 7).toISOString()).toBe("2026-10-20T07:00:00.000Z");
    expect(reminderInstant(deadline, 1).toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });

  it("is due from 09:00 to the end of that Brussels day, not before, not the next day", () => {
    const deadline = endOfDay("2026-03-31");
    const due = (iso: string) => dueReminder(deadline, new Date(iso), DRAFT_REMINDER_DAYS);
    expect(due("2026-03-24T07:59:59Z")).toBeNull();
    expect(due("2026-03-24T08:00:00Z")).toBe(7);
    expect(due("2026-03-24T22:59:59Z")).toBe(7); // 23:59:59 Brussels
    expect(due("2026-03-24T23:00:00Z")).toBeNull(); // 00:00 on the 25th
    expect(due("2026-03-30T06:59:59Z")).toBeNull();
    expect(due("2026-03-30T07:00:00Z")).toBe(1);
    expect(due("2026-03-31T08:00:00Z")).toBeNull(); // deadline day itself: no reminder
    expect(due("2026-04-01T08:00:00Z")).toBeNull(); // after the deadline
  });

  it("sends nothing once the deadline has passed, even on a reminder day", () => {
    // A deadline at 10:00 on the reminder's own day cannot happen with 23:59:59 deadlines, but the
    // rule holds: after the deadline, nothing.
    const deadline = new Date("2026-05-05T08:00:00Z");
    expect(dueReminder(deadline, new Date("2026-05-04T07:30:00Z"), [1])).toBe(1);
    expect(dueReminder(deadline, new Date("2026-05-05T08:00:01Z"), [0])).toBeNull();
  });
});
