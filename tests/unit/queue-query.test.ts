import { describe, expect, it } from "vitest";
import { DEFAULT_QUEUE_FILTER, QUEUE_PAGE_SIZE, type QueueFilter } from "~/review/queue";
import { buildQueueQuery, queueOrderBy, queueWhere } from "~/review/queue.server";
import { ibanFromAnswers } from "~/applications/dossier-iban";

// The query builder is pure: filter in, Prisma arguments out. Its results against a real
// database are in tests/integration/queue.test.ts.
const context = { viewerId: "user-1", now: new Date("2026-05-04T10:00:00Z") };
const filter = (overrides: Partial<QueueFilter> = {}): QueueFilter => ({ ...DEFAULT_QUEUE_FILTER, ...overrides });

describe("queueWhere", () => {
  it("asks for the undecided statuses by default", () => {
    expect(queueWhere(filter(), context)).toEqual({ status: { in: ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "PROPOSED"] } });
  });

  it("never includes drafts, also for 'alle'", () => {
    const where = queueWhere(filter({ status: "alle" }), context) as { status: { in: string[] } };
    expect(where.status.in).not.toContain("DRAFT");
    expect(where.status.in).toHaveLength(8);
  });

  it("combines filters with AND, 'mij' meaning the viewer", () => {
    expect(queueWhere(filter({ callId: "c1", province: "Limburg", assignee: "mij" }), context)).toEqual({
      AND: [
        { status: { in: ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "PROPOSED"] } },
        { callId: "c1" },
        { organisation: { province: "Limburg" } },
        { assigneeId: "user-1" },
      ],
    });
    expect(queueWhere(filter({ assignee: "niemand" }), context)).toMatchObject({ AND: [{}, { assigneeId: null }] });
  });

  it("looks a complete dossier number up exactly, and other text in numbers, names and NIS codes", () => {
    expect(queueWhere(filter({ q: "rad-2026-7" }), context)).toMatchObject({ AND: [{}, { reference: "RAD-2026-0007" }] });
    expect(queueWhere(filter({ q: "Gent" }), context)).toMatchObject({
      AND: [{}, { OR: [{ reference: { contains: "Gent" } }, { organisation: { name: { contains: "Gent" } } }] }],
    });
    const nis = queueWhere(filter({ q: "44021" }), context) as { AND: Array<{ OR?: unknown[] }> };
    expect(nis.AND[1]!.OR).toContainEqual({ organisation: { nisCode: "44021" } });
  });

  it("calls a dossier overdue by the clock it is given", () => {
    expect(queueWhere(filter({ overdue: true }), context)).toMatchObject({
      AND: [
        {},
        {
          OR: [
            { call: { decisionDueAt: { lt: context.now } } },
            { infoRequests: { some: { answeredAt: null, dueAt: { lt: context.now } } } },
          ],
        },
      ],
    });
  });
});

describe("queueOrderBy and paging", () => {
  it("always ends with the id, so pages neither repeat nor skip a dossier", () => {
    for (const sort of ["ingediend", "nummer", "organisatie", "bedrag", "beslissing"] as const) {
      for (const direction of ["op", "af"] as const) expect(queueOrderBy(filter({ sort, direction })).at(-1)).toEqual({ id: "asc" });
    }
  });

  it("sorts amounts and decision dates with the missing ones last", () => {
    expect(queueOrderBy(filter({ sort: "bedrag", direction: "af" }))[0]).toEqual({ requestedCents: { sort: "desc", nulls: "last" } });
    expect(queueOrderBy(filter({ sort: "beslissing" }))[0]).toEqual({ call: { decisionDueAt: { sort: "asc", nulls: "last" } } });
  });

  it("skips whole pages of 25", () => {
    expect(QUEUE_PAGE_SIZE).toBe(25);
    expect(buildQueueQuery(filter({ page: 200 }), context)).toMatchObject({ skip: 199 * 25, take: 25 });
  });
});

describe("ibanFromAnswers", () => {
  it("gives the IBAN without spaces, in capitals", () => {
    expect(ibanFromAnswers(JSON.stringify({ iban: "be68 5390 0754 7034" }))).toBe("BE68539007547034");
  });

  it("gives nothing for a missing, invalid or unreadable answer", () => {
    expect(ibanFromAnswers("{}")).toBe("");
    expect(ibanFromAnswers(JSON.stringify({ iban: "BE68 5390 0754 7035" }))).toBe("");
    expect(ibanFromAnswers(JSON.stringify({ iban: 42 }))).toBe("");
    expect(ibanFromAnswers("not json")).toBe("");
    expect(ibanFromAnswers("null")).toBe("");
  });
});
