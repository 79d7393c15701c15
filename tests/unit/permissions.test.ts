import { describe, expect, it } from "vitest";
import {
  canViewReports,
  actorRoleFor,
  canEditApplication,
  canInviteInto,
  canViewApplication,
  homePath,
  REPORT_ROLES,
  isStaff,
  type Viewer,
} from "~/domain/permissions";
import { STAFF_ROLES, type StaffRole } from "~/domain/roles";

const ANTWERPEN = "org-antwerpen";
const GENT = "org-gent";
const BORSBEEK = "org-borsbeek"; // merged into Antwerpen: read-only

function viewer(input: { staffRoles?: StaffRole[]; memberships?: Array<[string, boolean]> } = {}): Viewer {
  const memberships = (input.memberships ?? []).map(([organisationId, readOnly]) => ({
    organisationId,
    name: organisationId,
    kind: "GEMEENTE" as const,
    readOnly,
  }));
  return {
    userId: "user",
    email: "user@test.example",
    firstName: "Test",
    lastName: "Gebruiker",
    staffRoles: input.staffRoles ?? [],
    memberships,
    activeOrganisationId: memberships[0]?.organisationId ?? null,
  };
}

const official = viewer({ memberships: [[ANTWERPEN, false]] });
const mergedOfficial = viewer({
  memberships: [
    [ANTWERPEN, false],
    [BORSBEEK, true],
  ],
});
const onlyMerged = viewer({ memberships: [[BORSBEEK, true]] });
const reviewer = viewer({ staffRoles: ["REVIEWER"] });
const decider = viewer({ staffRoles: ["DECIDER"] });
const admin = viewer({ staffRoles: ["ADMIN"] });
const nobody = viewer();

const dossier = (organisationId: string) => ({ organisationId });

describe("canViewApplication", () => {
  it("lets members see their own organisation's dossiers and nobody else's", () => {
    expect(canViewApplication(official, dossier(ANTWERPEN))).toBe(true);
    expect(canViewApplication(official, dossier(GENT))).toBe(false);
    expect(canViewApplication(nobody, dossier(ANTWERPEN))).toBe(false);
  });

  it("lets members of a merged organisation still read its dossiers", () => {
    expect(canViewApplication(mergedOfficial, dossier(BORSBEEK))).toBe(true);
    expect(canViewApplication(onlyMerged, dossier(BORSBEEK))).toBe(true);
    expect(canViewApplication(onlyMerged, dossier(ANTWERPEN))).toBe(false);
  });

  it("lets every staff role see every dossier", () => {
    for (const staff of [reviewer, decider, admin]) {
      expect(isStaff(staff)).toBe(true);
      expect(canViewApplication(staff, dossier(ANTWERPEN))).toBe(true);
      expect(canViewApplication(staff, dossier(GENT))).toBe(true);
    }
    expect(isStaff(official)).toBe(false);
  });
});

describe("canEditApplication", () => {
  it("lets members edit their own organisation's dossiers only", () => {
    expect(canEditApplication(official, dossier(ANTWERPEN))).toBe(true);
    expect(canEditApplication(official, dossier(GENT))).toBe(false);
  });

  it("never lets anyone edit a merged organisation's dossiers", () => {
    expect(canEditApplication(mergedOfficial, dossier(BORSBEEK))).toBe(false);
    expect(canEditApplication(mergedOfficial, dossier(ANTWERPEN))).toBe(true);
    expect(canEditApplication(onlyMerged, dossier(BORSBEEK))).toBe(false);
  });

  it("does not let staff edit an applicant's content", () => {
    for (const staff of [reviewer, decider, admin]) {
      expect(canEditApplication(staff, dossier(ANTWERPEN))).toBe(false);
    }
  });
});

describe("canInviteInto", () => {
  it("lets members invite colleagues into their own, active organisation", () => {
    expect(canInviteInto(official, ANTWERPEN)).toBe(true);
    expect(canInviteInto(official, GENT)).toBe(false);
    expect(canInviteInto(mergedOfficial, ANTWERPEN)).toBe(true);
  });

  it("refuses invitations into a merged organisation, even by its members", () => {
    expect(canInviteInto(mergedOfficial, BORSBEEK)).toBe(false);
    expect(canInviteInto(onlyMerged, BORSBEEK)).toBe(false);
  });

  it("lets an admin invite into any organisation, but not reviewers or deciders", () => {
    expect(canInviteInto(admin, GENT)).toBe(true);
    expect(canInviteInto(reviewer, GENT)).toBe(false);
    expect(canInviteInto(decider, GENT)).toBe(false);
  });
});

describe("homePath", () => {
  it("sends each role to its own dashboard", () => {
    expect(homePath(official)).toBe("/mijn-dossiers");
    expect(homePath(onlyMerged)).toBe("/mijn-dossiers");
    expect(homePath(nobody)).toBe("/mijn-dossiers");
    expect(homePath(reviewer)).toBe("/te-beoordelen");
    expect(homePath(decider)).toBe("/te-beoordelen");
    expect(homePath(admin)).toBe("/beheer");
  });

  it("prefers the review work list for staff with several roles", () => {
    expect(homePath(viewer({ staffRoles: ["ADMIN", "REVIEWER"] }))).toBe("/te-beoordelen");
    expect(homePath(viewer({ staffRoles: ["ADMIN", "DECIDER"] }))).toBe("/te-beoordelen");
  });
});

describe("actorRoleFor", () => {
  it("acts as applicant for members and in the staff role otherwise", () => {
    expect(actorRoleFor(official, dossier(ANTWERPEN))).toBe("APPLICANT");
    expect(actorRoleFor(official, dossier(GENT))).toBeNull();
    expect(actorRoleFor(reviewer, dossier(GENT))).toBe("REVIEWER");
    expect(actorRoleFor(viewer({ staffRoles: ["REVIEWER", "DECIDER"] }), dossier(GENT), "DECIDER")).toBe("DECIDER");
    // A preferred role the viewer does not hold is ignored.
    expect(actorRoleFor(reviewer, dossier(GENT), "DECIDER")).toBe("REVIEWER");
  });
});

describe("canViewReports", () => {
  it("lets every AgII role see the reports, and no official or merged member", () => {
    expect([reviewer, decider, admin].map(canViewReports)).toEqual([true, true, true]);
    expect([official, mergedOfficial, onlyMerged, nobody].map(canViewReports)).toEqual([false, false, false, false]);
  });
});

describe("named role lists", () => {
  it("gives reports to every AgII role", () => {
    expect([...REPORT_ROLES].sort()).toEqual([...STAFF_ROLES].sort());
  });
});
