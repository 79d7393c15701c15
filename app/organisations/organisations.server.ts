import { prisma } from "~/db.server";
import { membershipsManagedByIdp } from "~/auth/password-policy.server";
import { now } from "~/utils/clock.server";

/** Members and open invitations of one organisation, for its own members and for admins. */
export async function organisationOverview(organisationId: string) {
  const [organisation, members, invitations] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: {
        id: true,
        name: true,
        kind: true,
        nisCode: true,
        kboNumber: true,
        province: true,
        passwordLoginAllowed: true,
        successor: { select: { name: true } },
      },
    }),
    prisma.membership.findMany({
      where: { organisationId },
      select: { user: { select: { id: true, firstName: true, lastName: true, email: true, deactivatedAt: true } } },
      orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
    }),
    prisma.verification.findMany({
      where: { organisationId, type: "INVITATION", usedAt: null, expiresAt: { gt: now() } },
      select: { id: true, email: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    organisation,
    /** The IdP manages the members (docs/decisions/0047): shown read-only, no invitations. */
    managedByIdp: membershipsManagedByIdp(organisation),
    members: members.map(({ user }) => ({ ...user, deactivatedAt: user.deactivatedAt?.toISOString() ?? null })),
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}
