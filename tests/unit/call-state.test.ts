import { describe, expect, it } from "vitest";
import { deadlinePassedMessage, DRAFT_MESSAGES, draftEditability, WITHDRAW_MESSAGES, withdrawability } from "~/applications/editability";
import { callPhase, DEADLINE_WARNING_MS, isDeadlineNear } from "~/calls/call-state";
import { combineDeadline, isPastDeadline } from "~/calls/deadline";
import type { ApplicationStatus } from "~/domain/application-status";
import { endOfDay, startOfDay } from "~/utils/time";

// Instants are written as Brussels wall-clock times with their UTC offset, so the tests do not
// depend on the code under test to compute them.
const at = (iso: string) => new Date(iso);
const HOUR = 60 * 60 * 1000;

describe("callPhase: the last day counts in full, Brussels time", () => {
  const call = { opensAt: startOfDay("2025-12-01"), closesAt: endOfDay("2026-01-15") };

  it("is open until 23:59:59.999 on the last day and closed at midnight", () => {
    expect(callPhase(call, at("2026-01-15T23:59:59+01:00"))).toBe("open");
    expect(callPhase(call, at("2026-01-15T23:59:59.999+01:00"))).toBe("open");
    expect(callPhase(call, at("2026-01-16T00:00:00+01:00"))).toBe("closed");
    expect(callPhase(call, at("2026-02-01T12:00:00+01:00"))).toBe("closed");
  });

  it("is upcoming before it opens and open from its first instant", () => {
    expect(callPhase(call, at("2025-11-30T23:59:59.999+01:00"))).toBe("upcoming");
    expect(callPhase(call, at("2025-12-01T00:00:00+01:00"))).toBe("open");
  });

  it("accepts ISO strings as the loader data gives them", () => {
    const serialised = { opensAt: call.opensAt.toISOString(), closesAt: call.closesAt.toISOString() };
    expect(callPhase(serialised, at("2026-01-15T23:59:59+01:00"))).toBe("open");
    expect(callPhase(serialised, at("2026-01-16T00:00:00+01:00"))).toBe("closed");
  });

  it("closes at Brussels midnight on the spring DST change day (29 March 2026, summer time in the evening)", () => {
    const spring = { opensAt: startOfDay("2026-03-01"), closesAt: endOfDay("2026-03-29") };
    expect(callPhase(spring, at("2026-03-29T23:59:59+02:00"))).toBe("open");
    expect(callPhase(spring, at("2026-03-30T00:00:00+02:00"))).toBe("closed");
    // An hour after the wrong (winter time) midnight would still be before the right one.
    expect(callPhase(spring, at("2026-03-29T22:30:00+02:00"))).toBe("open");
  });

  it("closes at Brussels midnight on the autumn DST change day (25 October 2026, winter time in the evening)", () => {
    const autumn = { opensAt: startOfDay("2026-10-01"), closesAt: endOfDay("2026-10-25") };
    expect(callPhase(autumn, at("2026-10-25T23:59:59+01:00"))).toBe("open");
    expect(callPhase(autumn, at("2026-10-26T00:00:00+01:00"))).toBe("closed");
    // 23:30 in winter time is 00:30 summer time: the call must still be open then.
    expect(callPhase(autumn, at("2026-10-25T23:30:00+01:00"))).toBe("open");
  });

  it("opens on a DST change day at Brussels midnight", () => {
    const opensOnChange = { opensAt: startOfDay("2026-03-29"), closesAt: endOfDay("2026-04-30") };
    expect(callPhase(opensOnChange, at("2026-03-28T23:59:59+01:00"))).toBe("upcoming");
    expect(callPhase(opensOnChange, at("2026-03-29T00:00:00+01:00"))).toBe("open");
  });
});

describe("callPhase with a deadline extension for one organisation", () => {
  const call = { opensAt: startOfDay("2026-01-01"), closesAt: endOfDay("2026-01-15") };

  it("keeps the call open for that organisation until the end of the extension", () => {
    const extension = endOfDay("2026-01-22");
    expect(callPhase(call, at("2026-01-20T10:00:00+01:00"), extension)).toBe("open");
    expect(callPhase(call, at("2026-01-22T23:59:59+01:00"), extension)).toBe("open");
    expect(callPhase(call, at("2026-01-23T00:00:00+01:00"), extension)).toBe("closed");
    expect(callPhase(call, at("2026-01-20T10:00:00+01:00"), extension.toISOString())).toBe("open");
    // Without the extension (another organisation) the call is closed.
    expect(callPhase(call, at("2026-01-20T10:00:00+01:00"))).toBe("closed");
    expect(callPhase(call, at("2026-01-20T10:00:00+01:00"), null)).toBe("closed");
  });

  it("does not shorten the call when the extension ends before the normal deadline", () => {
    const earlier = endOfDay("2026-01-10");
    expect(callPhase(call, at("2026-01-12T12:00:00+01:00"), earlier)).toBe("open");
    expect(callPhase(call, at("2026-01-15T23:59:59+01:00"), earlier)).toBe("open");
    expect(callPhase(call, at("2026-01-16T00:00:00+01:00"), earlier)).toBe("closed");
  });

  it("does not open a call early", () => {
    expect(callPhase(call, at("2025-12-31T12:00:00+01:00"), endOfDay("2026-02-01"))).toBe("upcoming");
  });
});

describe("isDeadlineNear", () => {
  const closesAt = endOfDay("2026-01-15");

  it("warns only in the last 48 hours", () => {
    expect(DEADLINE_WARNING_MS).toBe(48 * HOUR);
    expect(isDeadlineNear(closesAt, new Date(closesAt.getTime() - 48 * HOUR - 1))).toBe(false);
    expect(isDeadlineNear(closesAt, new Date(closesAt.getTime() - 48 * HOUR))).toBe(true);
    expect(isDeadlineNear(closesAt, at("2026-01-14T09:00:00+01:00"))).toBe(true);
    expect(isDeadlineNear(closesAt, at("2026-01-15T23:59:59+01:00"))).toBe(true);
    expect(isDeadlineNear(closesAt, closesAt)).toBe(true);
  });

  it("does not warn weeks ahead or once the call has closed", () => {
    expect(isDeadlineNear(closesAt, at("2026-01-01T09:00:00+01:00"))).toBe(false);
    expect(isDeadlineNear(closesAt, at("2026-01-16T00:00:00+01:00"))).toBe(false);
    expect(isDeadlineNear(closesAt.toISOString(), at("2026-01-15T12:00:00+01:00"))).toBe(true);
  });
});

describe("isPastDeadline: the one comparison behind every deadline decision", () => {
  const closesAt = endOfDay("2026-01-15");

  it("keeps the last instant itself on time and refuses the next millisecond", () => {
    expect(isPastDeadline(closesAt, closesAt)).toBe(false);
    expect(isPastDeadline(closesAt, at("2026-01-15T23:59:59.999+01:00"))).toBe(false);
    expect(isPastDeadline(closesAt, at("2026-01-16T00:00:00+01:00"))).toBe(true);
    expect(isPastDeadline(closesAt.toISOString(), at("2026-01-16T00:00:00+01:00"))).toBe(true);
  });

  it("takes an organisation's later extension, never an earlier one", () => {
    const call = endOfDay("2026-01-15");
    expect(combineDeadline(call, endOfDay("2026-01-22"))).toEqual({ closesAt: endOfDay("2026-01-22"), extended: true, callClosesAt: call });
    expect(combineDeadline(call, endOfDay("2026-01-10"))).toEqual({ closesAt: call, extended: false, callClosesAt: call });
    expect(combineDeadline(call, null)).toEqual({ closesAt: call, extended: false, callClosesAt: call });
  });
});

describe("draft editing and withdrawal follow the same deadline", () => {
  const window = { opensAt: startOfDay("2025-12-01"), closesAt: endOfDay("2026-01-15") };
  const draft = (at: Date, extended = false) => draftEditability({ ...window, status: "DRAFT", at, canEdit: true, extended });
  const withdraw = (status: ApplicationStatus, at: Date) => withdrawability({ status, closesAt: window.closesAt, at, canEdit: true });

  it("edits from the opening up to and including the last instant", () => {
    expect(draft(at("2025-11-30T23:59:59.999+01:00"))).toEqual({ editable: false, message: DRAFT_MESSAGES.notOpenYet });
    expect(draft(at("2026-01-15T23:59:59.999+01:00"))).toEqual({ editable: true });
    expect(draft(at("2026-01-16T00:00:00+01:00"))).toEqual({ editable: false, message: deadlinePassedMessage(window.closesAt, false) });
  });

  it("names the deadline that passed, the call's or the organisation's extended one, in Brussels time", () => {
    expect(draft(at("2026-01-16T00:00:00+01:00"))).toEqual({
      editable: false,
      message: "De indiendatum van deze oproep, 15 januari 2026 om 23:59, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.",
    });
    expect(draft(at("2026-01-16T00:00:00+01:00"), true)).toEqual({
      editable: false,
      message:
        "De verlengde indiendatum voor uw organisatie, 15 januari 2026 om 23:59, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.",
    });
    // Summer time: 30 June 2026 23:59:59.999 in Brussels is 21:59 UTC.
    expect(deadlinePassedMessage(new Date("2026-06-30T21:59:59.999Z"), false)).toContain("30 juni 2026 om 23:59");
  });

  it("withdraws a draft or a submitted dossier up to the deadline, nothing else", () => {
    expect(withdraw("DRAFT", at("2026-01-15T23:59:59.999+01:00"))).toEqual({ ok: true });
    expect(withdraw("SUBMITTED", at("2026-01-15T23:59:59.999+01:00"))).toEqual({ ok: true });
    expect(withdraw("SUBMITTED", at("2026-01-16T00:00:00+01:00"))).toEqual({ ok: false, message: WITHDRAW_MESSAGES.withdrawAfterDeadline });
    expect(withdraw("IN_REVIEW", at("2026-01-10T12:00:00+01:00"))).toEqual({ ok: false, message: WITHDRAW_MESSAGES.notWithdrawable });
    expect(withdrawability({ status: "DRAFT", closesAt: window.closesAt, at: at("2026-01-10T12:00:00+01:00"), canEdit: false })).toEqual({
      ok: false,
      message: DRAFT_MESSAGES.notMember,
    });
  });
});
