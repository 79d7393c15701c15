/**
 * Who you can be at the development identity provider: the demo accounts of the seed, with the
 * role assignments the organisation's user management would give them (oidc-claims.ts reads
 * them back). Demo data only; the README's demo table lists them.
 */
import type { OrganisationRef } from "~/auth/oidc-claims";
import { DEFAULT_ROLE_CODES } from "~/auth/oidc-config";
import type { StaffRole } from "~/domain/roles";
import { DEMO_USERS } from "../../../seeds/demo-users";

export type DevIdentity = {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  /** Shown on the demo login page */
  description: string;
  /** The roles claim: "ROLECODE:ORGANISATION" */
  roles: string[];
};

const STAFF_CODES: Record<StaffRole, string> = {
  REVIEWER: DEFAULT_ROLE_CODES.reviewer,
  DECIDER: DEFAULT_ROLE_CODES.decider,
  ADMIN: DEFAULT_ROLE_CODES.admin,
};

/** AgII's own ondernemingsnummer as the organisation of staff roles (a placeholder, mod-97 valid). */
export const AGII_KBO = "0316380940";

/** Who someone is at the portal, as the organisation's user management would describe them. */
export type IdentitySource = {
  sub: string;
  email: string;
  firstName: string;
  lastName: string;
  description: string;
  /** Organisations they apply for, by NIS code (local governments) or KBO number */
  memberOf: readonly OrganisationRef[];
  staffRoles: readonly StaffRole[];
};

/** The identity with its roles claim: the applicant code per organisation, the staff codes with AgII's number. */
export function identityFor(person: IdentitySource): DevIdentity {
  return {
    sub: person.sub,
    email: person.email,
    givenName: person.firstName,
    familyName: person.lastName,
    description: person.description,
    roles: [
      ...person.memberOf.map(
        (organisation) => `${DEFAULT_ROLE_CODES.applicant}:${"nisCode" in organisation ? organisation.nisCode : organisation.kboNumber}`,
      ),
      ...person.staffRoles.map((role) => `${STAFF_CODES[role]}:${AGII_KBO}`),
    ],
  };
}

export function demoIdentities(): DevIdentity[] {
  return DEMO_USERS.map((user) => identityFor({ ...user, sub: `demo-${user.email.split("@")[0]!.replace(/[^a-z0-9]/g, "-")}` }));
}
