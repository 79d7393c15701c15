/**
 * Demo accounts from seeds/demo-users.ts (the single source): user, hashed password,
 * memberships and staff roles. Demo data only.
 */
import { hashPassword, verifyPassword } from "~/auth/password.server";
import type { PrismaClient } from "~/db.server";
import { DEMO_USERS, type DemoUser } from "./demo-users";
import { changedFields, hasChanges, tally, type Outcome, type SeedReport } from "./sync";

type OrganisationKey = DemoUser["memberOf"][number];

export function describeOrganisationKey(key: OrganisationKey): string {
  return "nisCode" in key ? `NIS-code ${key.nisCode}` : `ondernemingsnummer ${key.kboNumber}`;
}

export async function findOrganisationId(prisma: PrismaClient, key: OrganisationKey): Promise<string> {
  const organisation =
    "nisCode" in key
      ? await prisma.organisation.findUnique({ where: { nisCode: key.nisCode }, select: { id: true } })
      : await prisma.organisation.findUnique({ where: { kboNumber: key.kboNumber }, select: { id: true } });
  if (!organisation) throw new Error(`Organisatie met ${describeOrganisationKey(key)} bestaat niet (eerst referentiedata seeden).`);
  return organisation.id;
}

/**
 * The password hash is only (re)written when the stored one does not match the documented demo
 * password: a second run leaves it alone (a new salt would change the row), while a demo
 * password changed through the portal is put back to the one the README documents.
 */
async function passwordHashToWrite(user: DemoUser, storedHash: string | undefined): Promise<string | null> {
  if (storedHash && (await verifyPassword(user.password, storedHash))) return null;
  return hashPassword(user.password);
}

export async function seedDemoUsers(prisma: PrismaClient, users: readonly DemoUser[] = DEMO_USERS): Promise<SeedReport> {
  const existing = await prisma.user.findMany({
    where: { email: { in: users.map((u) => u.email) } },
    include: { password: true },
  });
  const byEmail = new Map(existing.map((user) => [user.email, user]));
  // scrypt is deliberately slow: hash and verify all accounts in parallel (libuv thread pool).
  const newHashes = await Promise.all(users.map((u) => passwordHashToWrite(u, byEmail.get(u.email)?.password?.hash)));

  const userOutcomes: Outcome[] = [];
  const passwordOutcomes: Outcome[] = [];
  const membershipOutcomes: Outcome[] = [];
  const roleOutcomes: Outcome[] = [];

  for (const [index, demoUser] of users.entries()) {
    const desired = { firstName: demoUser.firstName, lastName: demoUser.lastName, jobTitle: demoUser.jobTitle ?? null };
    let user = byEmail.get(demoUser.email);
    if (!user) {
      user = await prisma.user.create({ data: { email: demoUser.email, ...desired }, include: { password: true } });
      userOutcomes.push("created");
    } else {
      const changes = changedFields(user, desired);
      if (hasChanges(changes)) {
        await prisma.user.update({ where: { id: user.id }, data: changes });
        userOutcomes.push("updated");
      } else {
        userOutcomes.push("unchanged");
      }
    }

    const hash = newHashes[index];
    if (!hash) {
      passwordOutcomes.push("unchanged");
    } else {
      await prisma.password.upsert({ where: { userId: user.id }, create: { userId: user.id, hash }, update: { hash } });
      passwordOutcomes.push(user.password ? "updated" : "created");
    }

    // Memberships and roles are only added: ones granted later through the portal are kept.
    for (const key of demoUser.memberOf) {
      const organisationId = await findOrganisationId(prisma, key);
      const where = { userId_organisationId: { userId: user.id, organisationId } };
      if (await prisma.membership.findUnique({ where })) {
        membershipOutcomes.push("unchanged");
      } else {
        await prisma.membership.create({ data: { userId: user.id, organisationId } });
        membershipOutcomes.push("created");
      }
    }
    for (const role of demoUser.staffRoles) {
      const where = { userId_role: { userId: user.id, role } };
      if (await prisma.staffRole.findUnique({ where })) {
        roleOutcomes.push("unchanged");
      } else {
        await prisma.staffRole.create({ data: { userId: user.id, role } });
        roleOutcomes.push("created");
      }
    }
  }

  return {
    gebruikers: tally(userOutcomes),
    wachtwoorden: tally(passwordOutcomes),
    lidmaatschappen: tally(membershipOutcomes),
    medewerkersrollen: tally(roleOutcomes),
  };
}
