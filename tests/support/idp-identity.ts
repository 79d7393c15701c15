import { identityFor, type DevIdentity } from "~/auth/dev-idp/identities";
import type { OrganisationRef } from "~/auth/oidc-claims";
import type { PrismaClient } from "~/db.server";
import { staffRoleSchema } from "~/domain/roles";

/**
 * The identity the organisation's user management would give this account now: its current
 * memberships (by NIS code or KBO number) and staff roles, read from the database at the moment
 * of login, since the portal makes memberships and roles what the claims say at every login.
 */
export async function identityOfUser(db: PrismaClient, email: string): Promise<DevIdentity> {
  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { include: { organisation: true } }, staffRoles: true },
  });
  if (!user) throw new Error(`Aanmelden als ${email}: dat account bestaat niet`);
  const memberOf = user.memberships.map(({ organisation }): OrganisationRef => {
    if (organisation.nisCode) return { nisCode: organisation.nisCode };
    if (organisation.kboNumber) return { kboNumber: organisation.kboNumber };
    throw new Error(`Aanmelden als ${email}: ${organisation.name} heeft geen NIS-code of ondernemingsnummer voor de identiteitsprovider`);
  });
  return identityFor({
    sub: user.oidcSubject ?? `test-${user.id}`,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    description: "testaccount",
    memberOf,
    staffRoles: user.staffRoles.map((r) => staffRoleSchema.parse(r.role)),
  });
}
