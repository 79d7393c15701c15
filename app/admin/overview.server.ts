import { prisma } from "~/db.server";
import { outboxStats } from "~/mail/outbox.server";

/** Figures and lists for the administrators' dashboard. */
export async function adminOverview() {
  const [organisations, users, calls, applications, staff, outbox] = await Promise.all([
    prisma.organisation.groupBy({ by: ["kind"], _count: { _all: true } }),
    prisma.user.count({ where: { deactivatedAt: null } }),
    prisma.call.count(),
    prisma.application.count(),
    prisma.user.findMany({
      where: { staffRoles: { some: {} } },
      select: { id: true, firstName: true, lastName: true, email: true, lastLoginAt: true, staffRoles: { select: { role: true } } },
      orderBy: { lastName: "asc" },
    }),
    outboxStats(),
  ]);
  return {
    organisationsByKind: organisations.map((o) => ({ kind: o.kind, count: o._count._all })),
    activeUsers: users,
    calls,
    applications,
    staff: staff.map((u) => ({ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null, staffRoles: u.staffRoles.map((r) => r.role) })),
    outbox,
  };
}
