import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  TRANSITIONS,
  allowedNextStatuses,
  checkTransition,
  type ApplicationStatus,
} from "~/domain/application-status";
import { ACTOR_ROLES, type ActorRole } from "~/domain/roles";

// The full table of allowed moves. Every other (from, to, actor) triple must be refused.
const ALLOWED: Array<[ApplicationStatus, ApplicationStatus, ActorRole, boolean]> = [
  ["DRAFT", "SUBMITTED", "APPLICANT", false],
  ["DRAFT", "WITHDRAWN", "APPLICANT", false],
  ["SUBMITTED", "WITHDRAWN", "APPLICANT", false],
  ["SUBMITTED", "DRAFT", "REVIEWER", true],
  ["SUBMITTED", "DRAFT", "ADMIN", true],
  ["SUBMITTED", "IN_REVIEW", "REVIEWER", false],
  ["IN_REVIEW", "INFO_REQUESTED", "REVIEWER", true],
  ["INFO_REQUESTED", "IN_REVIEW", "APPLICANT", false],
  ["INFO_REQUESTED", "IN_REVIEW", "REVIEWER", false],
  ["IN_REVIEW", "PROPOSED", "REVIEWER", true],
  ["PROPOSED", "IN_REVIEW", "DECIDER", true],
  ["PROPOSED", "APPROVED", "DECIDER", true],
  ["PROPOSED", "PARTIALLY_APPROVED", "DECIDER", true],
  ["PROPOSED", "REFUSED", "DECIDER", true],
];

const key = (from: string, to: string, actor: string) => `${from}->${to} by ${actor}`;
const allowedKeys = new Map(ALLOWED.map(([f, t, a, reason]) => [key(f, t, a), reason]));

describe("application status machine", () => {
  it("matches the documented table exactly", () => {
    const fromMachine = TRANSITIONS.flatMap((t) => t.by.map((actor) => key(t.from, t.to, actor))).sort();
    expect(fromMachine).toEqual([...allowedKeys.keys()].sort());
  });

  for (const from of APPLICATION_STATUSES) {
    for (const to of APPLICATION_STATUSES) {
      for (const actor of ACTOR_ROLES) {
        const expected = allowedKeys.get(key(from, to, actor));
        it(`${expected === undefined ? "refuses" : "allows"} ${key(from, to, actor)}`, () => {
          const result = checkTransition(from, to, actor);
          if (expected === undefined) {
            expect(result.ok).toBe(false);
          } else {
            expect(result).toEqual({ ok: true, needsReason: expected });
          }
        });
      }
    }
  }

  it("explains a move that does not exist in Dutch", () => {
    expect(checkTransition("APPROVED", "DRAFT", "ADMIN")).toEqual({
      ok: false,
      message: 'Een dossier met status "Goedgekeurd" kan niet naar "Concept".',
    });
  });

  it("explains a move by the wrong actor in Dutch", () => {
    expect(checkTransition("PROPOSED", "APPROVED", "REVIEWER")).toEqual({
      ok: false,
      message: "U mag deze stap in het dossier niet zetten.",
    });
  });

  it("lets nobody leave a final status", () => {
    for (const status of ["APPROVED", "PARTIALLY_APPROVED", "REFUSED", "WITHDRAWN"] as const) {
      for (const actor of ACTOR_ROLES) expect(allowedNextStatuses(status, actor)).toEqual([]);
    }
  });
});
