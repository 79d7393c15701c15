/**
 * Who you can be at the development identity provider: the demo accounts of the seed, with the
 * role assignments the organisation's user management would give them (oidc-claims.ts reads
 * them back). Demo data only; the README's demo table lists them.
 */
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

export function demoIdentities(): DevIdentity[] {
  return DEMO_USERS.map((user) => ({
    sub: `demo-${user.email.split("@")[0]!.replace(/[^a-z0-9]/g, "-")}`,
    email: user.email,
    givenName: user.firstName,
    familyName: user.lastName,
    description: user.description,
    roles: [
      ...user.memberOf.map(
        (organisation) => `${DEFAULT_ROLE_CODES.applicant}:${"nisCode" in organisation ? organisation.nisCode : organisation.kboNumber}`,
      ),
      ...user.staffRoles.map((role) => `${STAFF_CODES[role]}:${AGII_KBO}`),
    ],
  }));
}
