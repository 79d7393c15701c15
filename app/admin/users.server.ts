import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { STAFF_ROLES, type StaffRole } from "~/domain/roles";
import { now } from "~/utils/clock.server";
import { containsIgnoringCase } from "~/db/search";
import { isOneOf } from "~/utils/guards";

/** Administrators' view of user accounts: list, (de)activate, staff roles. All changes audited. */

export const USERS_PAGE_SIZE = 50;

export type UserFilter = { q?: string; status?: "active" | "deactivated"; role?: StaffRole | "NONE"; page?: number };

const userSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  jobTitle: true,
  lastLoginAt: true,
  deactivatedAt: true,
  deactivationReason: true,
  createdAt: true,
  staffRoles: { select: { role: true }, orderBy: { role: "asc" } },
  memberships: {
    select: { organisation: { select: { id: true, name: true, successorId: true } } },
    orderBy: { organisation: { name: "asc" } },
  },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toUserItem(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    jobTitle: user.jobTitle,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    deactivationReason: user.deactivationReason,
    createdAt: user.createdAt.toISOString(),
    staffRoles: user.staffRoles.map((r) => r.role).filter((role) => isOneOf(STAFF_ROLES, role)),
    memberships: user.memberships.map(({ organisation }) => ({
      organisationId: organisation.id,
      name: organisation.name,
      readOnly: organisation.successorId !== null,
    })),
  };
}
export type UserItem = ReturnType<typeof toUserItem>;

export async function searchUsers(filter: UserFilter) {
  const q = filter.q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(filter.status === "active" ? { deactivatedAt: null } : filter.status === "deactivated" ? { deactivatedAt: { not: null } } : {}),
    ...(filter.role === "NONE" ? { staffRoles: { none: {} } } : filter.role ? { staffRoles: { some: { role: filter.role } } } : {}),
    ...(q
      ? {
          OR: [
            { email: containsIgnoringCase(q.toLowerCase()) },
            { firstName: containsIgnoringCase(q) },
            { lastName: containsIgnoringCase(q) },
            { memberships: { some: { organisation: { name: containsIgnoringCase(q) } } } },
          ],
        }
      : {}),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: userSelect,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), users: rows.map(toUserItem) };
}

export async function userForAdmin(id: string) {
  const user = await prisma.user.findUnique({ where: { id }, select: userSelect });
  if (!user) return null;
  const history = await prisma.auditEvent.findMany({
    where: { entityType: "User", entityId: id },
    select: { id: true, at: true, action: true, actorId: true, before: true, after: true, reason: true },
    orderBy: { at: "desc" },
    take: 50,
  });
  const actors = await prisma.user.findMany({
    where: { id: { in: history.flatMap((e) => (e.actorId ? [e.actorId] : [])) } },
    select: { id: true, firstName: true, lastName: true },
  });
  const actorName = new Map(actors.map((a) => [a.id, `${a.firstName} ${a.lastName}`]));
  return {
    user: toUserItem(user),
    history: history.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorId ? (actorName.get(e.actorId) ?? null) : null,
      before: e.before,
      after: e.after,
      reason: e.reason,
    })),
  };
}

export type AdminActionResult = { ok: true; message: string } | { ok: false; field?: string; message: string };

/**
 * Deactivates an account: it can no longer log in and its open sessions end at once. Its
 * memberships stay, and so do its organisation's dossiers (they belong to the organisation).
 */
export async function deactivateUser(actor: { userId: string }, userId: string, reason: string): Promise<AdminActionResult> {
  if (actor.userId === userId) return { ok: false, field: "reason", message: "U kunt uw eigen account niet deactiveren." };
  return prisma.$transaction(async (tx) => {
    const at = now();
    const changed = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: null },
      data: { deactivatedAt: at, deactivationReason: reason },
    });
    if (changed.count === 0) return { ok: false, message: "Dit account is al gedeactiveerd." };
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: "ADMIN",
      action: "user.deactivated",
      entityType: "User",
      entityId: userId,
      before: { deactivatedAt: null },
      after: { deactivatedAt: at.toISOString(), sessionsEnded: sessions.count },
      reason,
      at,
    });
    return { ok: true, message: "Het account is gedeactiveerd. Open sessies zijn beëindigd." };
  });
}

export async function reactivateUser(actor: { userId: string }, userId: string, reason: string): Promise<AdminActionResult> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
    if (!user?.deactivatedAt) return { ok: false, message: "Dit account is al actief." };
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null, deactivationReason: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: "ADMIN",
      action: "user.reactivated",
      entityType: "User",
      entityId: userId,
      before: { deactivatedAt: user.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
      reason,
    });
    return { ok: true, message: "Het account is opnieuw actief. De gebruiker kan zich weer aanmelden." };
  });
}

export const OWN_ADMIN_ROLE_MESSAGE = "U kunt uw eigen beheerdersrol niet intrekken. Vraag dat aan een andere beheerder.";

/**
 * Sets the staff roles of a user to exactly `roles`; one audit line per role granted or
 * revoked. An administrator cannot take away their own ADMIN role, so there is always one.
 */
export async function setStaffRoles(actor: { userId: string }, userId: string, roles: readonly StaffRole[]): Promise<AdminActionResult> {
  if (actor.userId === userId && !roles.includes("ADMIN")) return { ok: false, message: OWN_ADMIN_ROLE_MESSAGE };
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { staffRoles: { select: { role: true } }, _count: { select: { memberships: true } } },
    });
    if (!user) return { ok: false, message: "Deze gebruiker bestaat niet (meer)." };
    const current = new Set(user.staffRoles.map((r) => r.role));
    const wanted = new Set(roles);
    const granted = STAFF_ROLES.filter((role) => wanted.has(role) && !current.has(role));
    const revoked = STAFF_ROLES.filter((role) => current.has(role) && !wanted.has(role));
    if (granted.length === 0 && revoked.length === 0) return { ok: true, message: "Er is niets gewijzigd." };
    // Staff see every organisation's dossiers: someone who applies for an organisation must
    // not review or decide at the same time.
    if (granted.length > 0 && user._count.memberships > 0) {
      return {
        ok: false,
        message: "Deze gebruiker is lid van een aanvragende organisatie en kan daarom geen rol bij het agentschap krijgen.",
      };
    }
    if (granted.length > 0) await tx.staffRole.createMany({ data: granted.map((role) => ({ userId, role })) });
    if (revoked.length > 0) await tx.staffRole.deleteMany({ where: { userId, role: { in: revoked } } });
    for (const [action, changed] of [
      ["user.role-granted", granted],
      ["user.role-revoked", revoked],
    ] as const) {
      for (const role of changed) {
        await recordAudit(tx, {
          actorId: actor.userId,
          actorRole: "ADMIN",
          action,
          entityType: "User",
          entityId: userId,
          before: { roles: [...current].sort() },
          after: { roles: [...wanted].sort(), role },
        });
      }
    }
    return { ok: true, message: "De rollen zijn bijgewerkt." };
  });
}

/**
 * Sets the function printed under a decider's name in the decision letters they sign (empty:
 * "gemachtigd beslisser"); one audit line. Letters already sent keep the function they had.
 */
export async function setJobTitle(actor: { userId: string }, userId: string, jobTitle: string | null): Promise<AdminActionResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { jobTitle: true } });
    if (before.jobTitle === jobTitle) return { ok: true as const, message: "Er was niets gewijzigd." };
    await tx.user.update({ where: { id: userId }, data: { jobTitle } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: "ADMIN",
      action: "user.job-title",
      entityType: "User",
      entityId: userId,
      before: { jobTitle: before.jobTitle },
      after: { jobTitle },
      at: now(),
    });
    return { ok: true as const, message: jobTitle ? "De functie is bewaard." : "De functie is leeggemaakt." };
  });
}
