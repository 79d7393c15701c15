import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { normaliseKboNumber, organisationKindSchema, type OrganisationKind, type Province } from "~/domain/organisation";
import { defaultBoardOf } from "~/documents/addressee";
import { changedFields } from "~/utils/changes";
import { ORGANISATION_LETTER_MESSAGES, type OrganisationLetterColumns } from "./organisation-letter-form";
import { now } from "~/utils/clock.server";
import { containsIgnoringCase } from "~/db/search";
import { identityProviderConfigured, membershipsManagedByIdp } from "~/auth/password-policy.server";

/** Administrators' view of organisations: search, create a partner organisation, details. */

export const ORGANISATIONS_PAGE_SIZE = 50;

export type OrganisationFilter = {
  q?: string;
  kind?: OrganisationKind;
  province?: Province;
  /** active: not merged; merged: predecessors only */
  status?: "active" | "merged";
  page?: number;
};

export async function searchOrganisations(filter: OrganisationFilter) {
  const q = filter.q?.trim();
  const digits = q ? normaliseKboNumber(q) : "";
  const where: Prisma.OrganisationWhereInput = {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.province ? { province: filter.province } : {}),
    ...(filter.status === "active" ? { successorId: null } : filter.status === "merged" ? { successorId: { not: null } } : {}),
    ...(q
      ? {
          OR: [
            { name: containsIgnoringCase(q) },
            { nisCode: q },
            ...(/^\d{4,10}$/.test(digits) ? [{ kboNumber: { contains: digits } }] : []),
          ],
        }
      : {}),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, rows] = await Promise.all([
    prisma.organisation.count({ where }),
    prisma.organisation.findMany({
      where,
      select: {
        id: true,
        name: true,
        kind: true,
        nisCode: true,
        kboNumber: true,
        province: true,
        mergedAt: true,
        successor: { select: { id: true, name: true } },
        predecessors: { select: { id: true, name: true }, orderBy: { name: "asc" } },
        _count: { select: { memberships: true } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ORGANISATIONS_PAGE_SIZE,
      take: ORGANISATIONS_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE)),
    organisations: rows.map(({ _count, mergedAt, ...row }) => ({
      ...row,
      mergedAt: mergedAt?.toISOString() ?? null,
      members: _count.memberships,
    })),
  };
}

export type PartnerInput = { name: string; kind: "VZW" | "OTHER"; kboNumber: string; province?: Province };

export type CreateResult = { ok: true; id: string } | { ok: false; field: keyof PartnerInput; message: string };

/** Registers a partner organisation (a vzw or another organisation) by its KBO number. */
export async function createPartnerOrganisation(actor: { userId: string }, input: PartnerInput): Promise<CreateResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: { name: input.name, kind: input.kind, kboNumber: input.kboNumber, province: input.province ?? null },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: "ADMIN",
        action: "organisation.created",
        entityType: "Organisation",
        entityId: organisation.id,
        organisationId: organisation.id,
        after: { name: input.name, kind: input.kind, kboNumber: input.kboNumber, province: input.province ?? null },
      });
      return { ok: true as const, id: organisation.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await prisma.organisation.findUnique({ where: { kboNumber: input.kboNumber }, select: { name: true } });
      return {
        ok: false,
        field: "kboNumber",
        message: `Er bestaat al een organisatie met dit ondernemingsnummer${existing ? ` (${existing.name})` : ""}.`,
      };
    }
    throw error;
  }
}

/** One organisation for an administrator: facts, merger links, members, invitations, dossiers. */
export async function organisationForAdmin(id: string) {
  const organisation = await prisma.organisation.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      nisCode: true,
      kboNumber: true,
      province: true,
      boardName: true,
      addressStreet: true,
      addressPostalCode: true,
      addressCity: true,
      mergedAt: true,
      passwordLoginAllowed: true,
      successor: { select: { id: true, name: true } },
      predecessors: { select: { id: true, name: true, mergedAt: true }, orderBy: { name: "asc" } },
      memberships: {
        select: {
          user: { select: { id: true, firstName: true, lastName: true, email: true, lastLoginAt: true, deactivatedAt: true } },
        },
        orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
      },
      invitations: {
        where: { type: "INVITATION", usedAt: null, expiresAt: { gt: now() } },
        select: { id: true, email: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
      applications: {
        select: {
          id: true,
          reference: true,
          status: true,
          transferredFromId: true,
          call: { select: { title: true, programme: { select: { kind: true } } } },
        },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!organisation) return null;
  const transferredFrom = await prisma.organisation.findMany({
    where: { id: { in: organisation.applications.flatMap((a) => (a.transferredFromId ? [a.transferredFromId] : [])) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(transferredFrom.map((o) => [o.id, o.name]));
  return {
    ...organisation,
    defaultBoard: defaultBoardOf(organisationKindSchema.parse(organisation.kind), organisation.name),
    managedByIdp: membershipsManagedByIdp(organisation),
    identityProvider: identityProviderConfigured(),
    mergedAt: organisation.mergedAt?.toISOString() ?? null,
    predecessors: organisation.predecessors.map((p) => ({ ...p, mergedAt: p.mergedAt?.toISOString() ?? null })),
    memberships: undefined,
    members: organisation.memberships.map(({ user }) => ({
      ...user,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    })),
    invitations: organisation.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    applications: organisation.applications.map(({ transferredFromId, call, ...a }) => ({
      ...a,
      callTitle: call.title,
      programmeKind: call.programme.kind,
      transferredFrom: transferredFromId ? (nameOf.get(transferredFromId) ?? null) : null,
    })),
  };
}

/**
 * Allows (or no longer allows) the members of an organisation to log in with a password while
 * the identity provider is configured (docs/decisions/0047); one audit line.
 */
export async function setPasswordLoginAllowed(actorId: string, organisationId: string, allowed: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { passwordLoginAllowed: true } });
    if (before.passwordLoginAllowed === allowed) return;
    await tx.organisation.update({ where: { id: organisationId }, data: { passwordLoginAllowed: allowed } });
    await recordAudit(tx, {
      actorId,
      actorRole: "ADMIN",
      action: "organisation.password-login",
      entityType: "Organisation",
      entityId: organisationId,
      organisationId,
      before: { passwordLoginAllowed: before.passwordLoginAllowed },
      after: { passwordLoginAllowed: allowed },
    });
  });
}

export type LetterDetailsResult =
  { ok: true; changed: boolean } | { ok: false; field: keyof OrganisationLetterColumns | "form"; message: string };

/**
 * Saves what decision letters take from an organisation (its organ and postal address), with
 * one audit line of what changed. A merged organisation is read-only; the next letters of its
 * dossiers come from its successor.
 */
export async function updateOrganisationLetterDetails(
  actorId: string,
  organisationId: string,
  input: OrganisationLetterColumns,
): Promise<LetterDetailsResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { name: true, successorId: true, boardName: true, addressStreet: true, addressPostalCode: true, addressCity: true },
    });
    if (current.successorId)
      return {
        ok: false as const,
        field: "form" as const,
        message: "Deze organisatie is opgegaan in een fusie en is alleen nog te lezen.",
      };
    if (input.boardName && input.boardName.toLowerCase().includes(current.name.toLowerCase()))
      return { ok: false as const, field: "boardName" as const, message: ORGANISATION_LETTER_MESSAGES.boardWithoutName };
    const diff = changedFields(current, input);
    if (diff.keys.length === 0) return { ok: true as const, changed: false };
    await tx.organisation.update({ where: { id: organisationId }, data: input });
    await recordAudit(tx, {
      actorId,
      actorRole: "ADMIN",
      action: "organisation.updated",
      entityType: "Organisation",
      entityId: organisationId,
      organisationId,
      before: diff.before,
      after: diff.after,
    });
    return { ok: true as const, changed: true };
  });
}
