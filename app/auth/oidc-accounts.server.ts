/**
 * The account of someone who logged in through the identity provider, brought in line with
 * their claims at every login (docs/decisions/0047): created when new, found by the IdP's
 * subject (or, the first time, by e-mail address, so that an existing account is kept), its
 * IdP-managed memberships and its staff roles made exactly what the claims say. When a claim
 * is gone, so is the membership or role; with none left, the login is refused and every
 * session of the account ends.
 */
import type { AuditAction } from "~/audit/audit-sentences";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { formatKboNumber } from "~/domain/kbo";
import type { StaffRole } from "~/domain/roles";
import type { MappedClaims, OrganisationRef } from "./oidc-claims";

export type SyncResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "unknown-organisation"; references: OrganisationRef[] }
  | { ok: false; reason: "no-role" | "deactivated" | "staff-and-applicant" };

export function describeReference(reference: OrganisationRef): string {
  return "nisCode" in reference ? `NIS-code ${reference.nisCode}` : `ondernemingsnummer ${formatKboNumber(reference.kboNumber)}`;
}

export const SYNC_MESSAGES = {
  "no-role":
    "U hebt (niet langer) een rol voor het subsidieportaal. Vraag de gebruikersbeheerder van uw organisatie om u die rol te geven.",
  deactivated: "Dit account is gedeactiveerd. Neem contact op met een collega of met het agentschap.",
  "staff-and-applicant":
    "Uw account heeft zowel een rol bij het agentschap als bij een aanvragende organisatie. Dat kan niet samen: vraag de gebruikersbeheerder om een van beide rollen weg te nemen.",
} as const;

export function unknownOrganisationMessage(references: OrganisationRef[]): string {
  return (
    `Uw organisatie (${references.map(describeReference).join(", ")}) is niet gekend in het subsidieportaal, ` +
    "dus u kunt zich nog niet aanmelden. Neem contact op met het agentschap om uw organisatie te laten toevoegen."
  );
}

export async function syncOidcAccount(claims: MappedClaims): Promise<SyncResult> {
  return prisma.$transaction(async (tx) => {
    const known = await tx.organisation.findMany({
      where: {
        OR: [
          { nisCode: { in: claims.organisations.flatMap((o) => ("nisCode" in o ? [o.nisCode] : [])) } },
          { kboNumber: { in: claims.organisations.flatMap((o) => ("kboNumber" in o ? [o.kboNumber] : [])) } },
        ],
      },
      select: { id: true, nisCode: true, kboNumber: true },
    });
    const matches = (reference: OrganisationRef) =>
      known.find((o) => ("nisCode" in reference ? o.nisCode === reference.nisCode : o.kboNumber === reference.kboNumber));
    const unknown = claims.organisations.filter((reference) => !matches(reference));
    const organisationIds = [...new Set(claims.organisations.flatMap((reference) => matches(reference)?.id ?? []))];

    const existing =
      (await tx.user.findUnique({ where: { oidcSubject: claims.subject }, select: { id: true, deactivatedAt: true } })) ??
      (await tx.user.findFirst({ where: { email: claims.email, oidcSubject: null }, select: { id: true, deactivatedAt: true } }));

    const refusal = (() => {
      if (organisationIds.length === 0 && unknown.length > 0 && claims.staffRoles.length === 0) {
        return { ok: false as const, reason: "unknown-organisation" as const, references: unknown };
      }
      if (organisationIds.length === 0 && claims.staffRoles.length === 0) return { ok: false as const, reason: "no-role" as const };
      if (organisationIds.length > 0 && claims.staffRoles.length > 0) return { ok: false as const, reason: "staff-and-applicant" as const };
      if (existing?.deactivatedAt) return { ok: false as const, reason: "deactivated" as const };
      return null;
    })();
    if (refusal) {
      // Access that the IdP took away is gone now, not at the account's next successful login.
      if (existing && refusal.reason !== "deactivated") await applyAccess(tx, existing.id, [], []);
      if (existing) await tx.session.deleteMany({ where: { userId: existing.id } });
      return refusal;
    }

    const profile = { email: claims.email, firstName: claims.firstName, lastName: claims.lastName, oidcSubject: claims.subject };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: profile, select: { id: true } })
      : await tx.user.create({ data: profile, select: { id: true } });
    if (!existing) {
      await recordAudit(tx, {
        actorId: null,
        actorRole: "SYSTEM",
        action: "user.created-from-idp",
        entityType: "User",
        entityId: user.id,
        after: { email: claims.email },
      });
    }
    await applyAccess(tx, user.id, organisationIds, claims.staffRoles);
    return { ok: true, userId: user.id };
  });
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** Memberships and staff roles become exactly these; each change is a line in the audit trail. */
async function applyAccess(tx: Tx, userId: string, organisationIds: string[], staffRoles: StaffRole[]): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { id: true, organisationId: true, managedByIdp: true } });
  for (const membership of memberships) {
    if (organisationIds.includes(membership.organisationId)) continue;
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, userId, "membership.removed-by-idp", membership.organisationId);
  }
  for (const organisationId of organisationIds) {
    const current = memberships.find((m) => m.organisationId === organisationId);
    if (current?.managedByIdp) continue;
    if (current) await tx.membership.update({ where: { id: current.id }, data: { managedByIdp: true } });
    else {
      await tx.membership.create({ data: { userId, organisationId, managedByIdp: true } });
      await audit(tx, userId, "membership.granted-by-idp", organisationId);
    }
  }
  const roles = await tx.staffRole.findMany({ where: { userId }, select: { role: true } });
  for (const { role } of roles) {
    if (staffRoles.includes(role as StaffRole)) continue;
    await tx.staffRole.delete({ where: { userId_role: { userId, role } } });
    await audit(tx, userId, "staff-role.revoked-by-idp", undefined, { role });
  }
  for (const role of staffRoles) {
    if (roles.some((r) => r.role === role)) continue;
    await tx.staffRole.create({ data: { userId, role } });
    await audit(tx, userId, "staff-role.granted-by-idp", undefined, { role });
  }
}

function audit(tx: Tx, userId: string, action: AuditAction, organisationId?: string, after?: unknown): Promise<void> {
  return recordAudit(tx, {
    actorId: null,
    actorRole: "SYSTEM",
    action,
    entityType: "User",
    entityId: userId,
    ...(organisationId ? { organisationId, after: { organisationId } } : {}),
    ...(after ? { after } : {}),
  });
}
