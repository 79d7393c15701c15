import type { OrganisationKind } from "./organisation";
import type { ActorRole, StaffRole } from "./roles";

/**
 * Who is asking, as far as permissions care. Built once per request by
 * app/auth/viewer.server.ts; every decision below is a pure function of it.
 */
export type Viewer = {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  staffRoles: StaffRole[];
  memberships: Array<{ organisationId: string; name: string; kind: OrganisationKind; readOnly: boolean }>;
  /** The organisation the user works for right now (organisation switcher) */
  activeOrganisationId: string | null;
};

export function isStaff(viewer: Viewer): boolean {
  return viewer.staffRoles.length > 0;
}

export function hasRole(viewer: Viewer, ...roles: StaffRole[]): boolean {
  return roles.some((role) => viewer.staffRoles.includes(role));
}

export function isMemberOf(viewer: Viewer, organisationId: string): boolean {
  return viewer.memberships.some((m) => m.organisationId === organisationId);
}

/** Members see their organisation's dossiers; all AgII staff see every dossier. */
export function canViewApplication(viewer: Viewer, application: { organisationId: string }): boolean {
  return isStaff(viewer) || isMemberOf(viewer, application.organisationId);
}

/** Only members edit a dossier's content, and never for a merged (read-only) organisation. */
export function canEditApplication(viewer: Viewer, application: { organisationId: string }): boolean {
  return viewer.memberships.some((m) => m.organisationId === application.organisationId && !m.readOnly);
}

export function canInviteInto(viewer: Viewer, organisationId: string): boolean {
  return hasRole(viewer, "ADMIN") || viewer.memberships.some((m) => m.organisationId === organisationId && !m.readOnly);
}

// Who may do what, by staff role: routes and domain functions use these names, so a change of
// who may do something is one line. Pages for every AgII role use STAFF_ROLES (./roles.ts).
/** The review queue and its decision-date reminders: those who assess, propose and decide. */
export const REVIEW_ROLES: readonly StaffRole[] = ["REVIEWER", "DECIDER"];
/** Give a dossier to a reviewer. */
export const ASSIGNMENT_ROLES: readonly StaffRole[] = ["REVIEWER", "ADMIN"];
/** Extend one organisation's deadline in a call. */
export const EXTENSION_ROLES: readonly StaffRole[] = ["REVIEWER", "ADMIN"];
/**
 * Reports (figures per call, CSV downloads) are for every AgII role, never for officials.
 * Written out rather than STAFF_ROLES: the site header imports this file, and roles.ts would
 * bring zod's schema builder into every page (6 kB gzip on the wizard, over its budget).
 */
export const REPORT_ROLES: readonly StaffRole[] = ["REVIEWER", "DECIDER", "ADMIN"];

/** The role in which the viewer acts on a dossier: as applicant if member, else their staff role. */
export function actorRoleFor(viewer: Viewer, application: { organisationId: string }, preferred?: StaffRole): ActorRole | null {
  if (preferred && hasRole(viewer, preferred)) return preferred;
  if (isMemberOf(viewer, application.organisationId)) return "APPLICANT";
  return viewer.staffRoles[0] ?? null;
}

/** The dashboard a user lands on after logging in. */
export function homePath(viewer: Viewer): string {
  if (hasRole(viewer, ...REVIEW_ROLES)) return "/te-beoordelen";
  if (hasRole(viewer, "ADMIN")) return "/beheer";
  return "/mijn-dossiers";
}

export function canViewReports(viewer: Viewer): boolean {
  return hasRole(viewer, ...REPORT_ROLES);
}
