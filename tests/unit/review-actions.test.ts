import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/application-status";
import type { Viewer } from "~/domain/permissions";
import type { StaffRole } from "~/domain/roles";
import { isOwnProposal, reviewActions } from "~/review/rules";

function staff(userId: string, ...staffRoles: StaffRole[]): Viewer {
  return {
    userId,
    email: `${userId}@test.example`,
    firstName: "Test",
    lastName: userId,
    staffRoles,
    memberships: [],
    activeOrganisationId: null,
  };
}

const actions = (status: ApplicationStatus, viewer: Viewer, proposedById: string | null = null, assessmentComplete = true) =>
  reviewActions({ status, viewer, proposedById, assessmentComplete });

const NOTHING = { assign: false, assess: false, requestInformation: false, propose: false, decide: false, decideBlockedByFourEyes: false };

describe("four eyes", () => {
  it("is the proposer's own proposal only for the proposer", () => {
    expect(isOwnProposal({ proposedById: "ann" }, "ann")).toBe(true);
    expect(isOwnProposal({ proposedById: "ann" }, "bob")).toBe(false);
    expect(isOwnProposal({ proposedById: null }, "bob")).toBe(false);
  });
});

describe("review page actions, from the status machine", () => {
  const reviewer = staff("rita", "REVIEWER");
  const decider = staff("dirk", "DECIDER");
  const admin = staff("ada", "ADMIN");

  it("lets a reviewer assign, score, ask and propose while the dossier is in review", () => {
    expect(actions("IN_REVIEW", reviewer)).toEqual({ ...NOTHING, assign: true, assess: true, requestInformation: true, propose: true });
    expect(actions("IN_REVIEW", reviewer, null, false)).toEqual({ ...NOTHING, assign: true, assess: true, requestInformation: true });
  });

  it("offers assignment while a reviewer still has a step: submitted, in review, waiting for an answer", () => {
    const assignable = APPLICATION_STATUSES.filter((status) => actions(status, admin).assign);
    expect(assignable).toEqual(["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED"]);
    expect(APPLICATION_STATUSES.filter((status) => actions(status, reviewer).assign)).toEqual(assignable);
    expect(APPLICATION_STATUSES.some((status) => actions(status, decider).assign)).toBe(false);
  });

  it("lets a decider decide a proposal made by someone else, and says why not on their own", () => {
    expect(actions("PROPOSED", decider, "rita")).toEqual({ ...NOTHING, decide: true });
    const both = staff("rita", "REVIEWER", "DECIDER");
    expect(actions("PROPOSED", both, "rita")).toEqual({ ...NOTHING, decideBlockedByFourEyes: true });
    expect(actions("PROPOSED", reviewer, "someone")).toEqual(NOTHING);
  });

  it("offers nothing on drafts, withdrawn and decided dossiers", () => {
    for (const status of ["DRAFT", "WITHDRAWN", "APPROVED", "PARTIALLY_APPROVED", "REFUSED"] as const) {
      for (const viewer of [reviewer, decider, admin, staff("all", "REVIEWER", "DECIDER", "ADMIN")]) {
        expect(actions(status, viewer, "x")).toEqual(NOTHING);
      }
    }
  });
});
