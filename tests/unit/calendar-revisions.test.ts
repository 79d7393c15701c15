import { describe, expect, it } from "vitest";
import { deadlineRevisions, phaseDueRevisions } from "~/calendar/revisions";

// SEQUENCE of the deadline events: how many `call.updated` audit lines changed that date.
describe("deadlineRevisions", () => {
  it("counts the edits that changed each date, and only those", () => {
    expect(deadlineRevisions([])).toEqual({ closesAt: 0, decisionDueAt: 0 });
    expect(
      deadlineRevisions([
        JSON.stringify({ title: "Nieuwe titel" }),
        JSON.stringify({ closesAt: "2026-01-31T22:59:59.999Z" }),
        JSON.stringify({ closesAt: "2026-02-15T22:59:59.999Z", decisionDueAt: "2026-05-31T21:59:59.999Z" }),
        JSON.stringify({ decisionDueAt: null }),
      ]),
    ).toEqual({ closesAt: 2, decisionDueAt: 2 });
  });

  it("ignores lines without a readable object", () => {
    expect(deadlineRevisions([null, "", "niet json", "[1]", '"closesAt"'])).toEqual({ closesAt: 0, decisionDueAt: 0 });
  });

  it("never goes down when lines are added: a later edit only adds", () => {
    const lines = [JSON.stringify({ closesAt: "a" }), JSON.stringify({ budgetCents: 5 })];
    const before = deadlineRevisions(lines);
    const after = deadlineRevisions([...lines, JSON.stringify({ closesAt: "b" })]);
    expect(after.closesAt).toBeGreaterThan(before.closesAt);
    expect(after.decisionDueAt).toBe(before.decisionDueAt);
  });
});

// SEQUENCE of a report's deadline event: the call.updated lines whose settings moved its due instant.
describe("phaseDueRevisions", () => {
  const settings = (dueAt: string, rate = 6000) => ({
    ratePerLearnerCents: rate,
    phases: [{ kind: "REPORT", key: "eindverslag", dueAt }],
  });
  const line = (before: unknown, after: unknown) => ({ before: JSON.stringify(before), after: JSON.stringify(after) });

  it("counts the edits that moved the report's due instant, not other settings or other fields", () => {
    expect(phaseDueRevisions([], "eindverslag")).toBe(0);
    expect(
      phaseDueRevisions(
        [
          line({ title: "Oud" }, { title: "Nieuw" }),
          line({ settings: settings("2027-03-31T21:59:59.999Z") }, { settings: settings("2027-03-31T21:59:59.999Z", 7000) }),
          line({ settings: settings("2027-03-31T21:59:59.999Z") }, { settings: settings("2027-04-30T21:59:59.999Z") }),
          line({ settings: {} }, { settings: settings("2027-05-31T21:59:59.999Z") }),
        ],
        "eindverslag",
      ),
    ).toBe(2);
  });

  it("ignores unreadable lines and other phases", () => {
    expect(
      phaseDueRevisions(
        [
          { before: null, after: null },
          { before: "x", after: "[1]" },
        ],
        "eindverslag",
      ),
    ).toBe(0);
    expect(phaseDueRevisions([line({ settings: {} }, { settings: settings("2027-03-31T21:59:59.999Z") })], "verslag-2026")).toBe(0);
  });
});
