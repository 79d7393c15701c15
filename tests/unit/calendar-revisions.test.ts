import { describe, expect, it } from "vitest";
import { deadlineRevisions } from "~/calendar/revisions";

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
