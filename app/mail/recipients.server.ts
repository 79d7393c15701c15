import type { PrismaClient, Tx } from "~/db.server";
import type { StaffRole } from "~/domain/roles";

export type Recipient = { userId: string; email: string; firstName: string; lastName: string };

type Db = Tx | PrismaClient;

/** One message per address, whatever the letter case (User.email is unique, but typed by people). */
function uniqueByAddress(users: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return users.filter((user) => {
    const key = user.email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const recipientSelect = { id: true, email: true, firstName: true, lastName: true } as const;

/**
 * Who hears about an organisation's dossier: every member with an active account who did not
 * opt out, plus the official who submitted it even if they opted out (it is their submission).
 * A submitter who left the organisation or was deactivated is not written to any more.
 */
export async function applicantRecipients(db: Db, organisationId: string, submittedById: string | null = null): Promise<Recipient[]> {
  const memberships = await db.membership.findMany({
    where: {
      organisationId,
      user: { deactivatedAt: null },
      OR: [{ emailOptIn: true }, ...(submittedById ? [{ userId: submittedById }] : [])],
    },
    select: { user: { select: recipientSelect } },
    orderBy: { createdAt: "asc" },
  });
  return uniqueByAddress(memberships.map(({ user }) => ({ userId: user.id, ...user })));
}

/** Active staff with one of the roles, except the person who caused the message. */
export async function staffRecipients(db: Db, roles: StaffRole[], exceptUserId: string | null = null): Promise<Recipient[]> {
  const users = await db.user.findMany({
    where: {
      deactivatedAt: null,
      staffRoles: { some: { role: { in: roles } } },
      ...(exceptUserId ? { id: { not: exceptUserId } } : {}),
    },
    select: recipientSelect,
    orderBy: { email: "asc" },
  });
  return uniqueByAddress(users.map((user) => ({ userId: user.id, ...user })));
}
