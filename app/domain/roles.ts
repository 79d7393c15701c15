import * as z from "zod/mini";

/** Roles of AgII staff. A user can hold several; officials hold none (they have memberships). */
export const STAFF_ROLES = ["REVIEWER", "DECIDER", "ADMIN"] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  REVIEWER: "Beoordelaar",
  DECIDER: "Beslisser",
  ADMIN: "Beheerder",
};

/** Who acts on a dossier: an applicant (member of the organisation), a staff role, or the system. */
export const ACTOR_ROLES = ["APPLICANT", ...STAFF_ROLES, "SYSTEM"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  APPLICANT: "Aanvrager",
  ...STAFF_ROLE_LABELS,
  SYSTEM: "Systeem",
};
