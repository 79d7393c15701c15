import { recordAudit } from "~/audit/audit.server";
import { prisma, type PrismaClient, type Tx } from "~/db.server";
import {
  checkMergerParties,
  findDossierConflicts,
  mergedAtFor,
  mergerConflictMessage,
  type MergerInput,
  type MergerOrganisation,
} from "~/domain/merger";
import { now } from "~/utils/clock.server";
import { brusselsDate } from "~/utils/time";
import { defined } from "~/utils/invariant";

/**
 * Municipal mergers as one operation (docs/decisions/0010-municipal-mergers.md): in a single
 * transaction the predecessors get their successor (and so become read-only), their members
 * become members of the successor, and their dossiers move to it with a recorded link. Nothing
 * is copied and the audit trail only grows.
 */

export type MergerPlan = {
  predecessors: Array<{ id: string; name: string; nisCode: string; members: number; dossiers: number }>;
  successor: { id: string | null; name: string; nisCode: string; isNew: boolean };
  mergedOn: string;
  dossiersToMove: number;
  membershipsToAdd: number;
};

export type MergerCheck = { ok: true; plan: MergerPlan } | { ok: false; errors: Record<string, string> };

const partySelect = { id: true, name: true, nisCode: true, kind: true, successor: { select: { name: true } } } as const;

function asParty(row: {
  id: string;
  name: string;
  nisCode: string | null;
  kind: string;
  successor: { name: string } | null;
}): MergerOrganisation {
  return { id: row.id, name: row.name, nisCode: row.nisCode, kind: row.kind, successorName: row.successor?.name ?? null };
}

/** Checks a proposed merger and describes what it would do; writes nothing. */
async function checkMerger(db: Tx | PrismaClient, input: MergerInput): Promise<MergerCheck> {
  const [predecessorRows, successorRow] = await Promise.all([
    db.organisation.findMany({ where: { nisCode: { in: input.predecessorNisCodes } }, select: partySelect }),
    db.organisation.findUnique({ where: { nisCode: input.successor.nisCode }, select: partySelect }),
  ]);
  const predecessors = predecessorRows.map(asParty);
  const successor = successorRow ? asParty(successorRow) : null;
  const errors = checkMergerParties({
    predecessorNisCodes: input.predecessorNisCodes,
    predecessors,
    successor,
    successorMode: input.successor.mode,
    successorNisCode: input.successor.nisCode,
    mergedOn: input.mergedOn,
    today: brusselsDate(now()),
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const predecessorIds = predecessors.map((p) => p.id);
  const parties = successor ? [...predecessorIds, successor.id] : predecessorIds;
  const [dossiers, memberships] = await Promise.all([
    db.application.findMany({
      where: { organisationId: { in: parties } },
      select: { organisationId: true, callId: true, call: { select: { title: true } }, organisation: { select: { name: true } } },
    }),
    db.membership.findMany({ where: { organisationId: { in: parties } }, select: { userId: true, organisationId: true } }),
  ]);
  const conflicts = findDossierConflicts(
    dossiers.map((d) => ({
      callId: d.callId,
      callTitle: d.call.title,
      organisationId: d.organisationId,
      organisationName: d.organisation.name,
    })),
  );
  if (conflicts.length > 0) return { ok: false, errors: { form: mergerConflictMessage(conflicts) } };

  const successorMembers = new Set(memberships.filter((m) => m.organisationId === successor?.id).map((m) => m.userId));
  const newMembers = new Set(memberships.filter((m) => !successorMembers.has(m.userId)).map((m) => m.userId));
  const count = (rows: Array<{ organisationId: string }>, id: string) => rows.filter((r) => r.organisationId === id).length;
  return {
    ok: true,
    plan: {
      predecessors: predecessors
        .map((p) => ({
          id: p.id,
          name: p.name,
          nisCode: defined(p.nisCode, "a predecessor's NIS code (found by it)"),
          members: count(memberships, p.id),
          dossiers: count(dossiers, p.id),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "nl")),
      successor:
        input.successor.mode === "new"
          ? { id: null, name: input.successor.name, nisCode: input.successor.nisCode, isNew: true }
          : { ...existingSuccessor(successor), nisCode: input.successor.nisCode, isNew: false },
      mergedOn: input.mergedOn,
      dossiersToMove: dossiers.filter((d) => d.organisationId !== successor?.id).length,
      membershipsToAdd: newMembers.size,
    },
  };
}

/** The successor of a merger into an existing municipality: checkMergerParties refuses one that is not found. */
function existingSuccessor(successor: MergerOrganisation | null): { id: string; name: string } {
  const { id, name } = defined(successor, "the existing successor");
  return { id, name };
}

export function previewMerger(input: MergerInput): Promise<MergerCheck> {
  return checkMerger(prisma, input);
}

export type MergerResult =
  | { ok: true; successorId: string; successorName: string; dossiersMoved: number; membershipsAdded: number }
  | { ok: false; errors: Record<string, string> };

class MergerRace extends Error {}

export async function executeMerger(actor: { userId: string }, input: MergerInput): Promise<MergerResult> {
  try {
    return await prisma.$transaction(async (tx) => runMerger(tx, actor, input));
  } catch (error) {
    if (error instanceof MergerRace) {
      return { ok: false, errors: { form: "Een van de fusiegemeenten werd intussen al gefusioneerd. Er is niets gewijzigd." } };
    }
    throw error;
  }
}

async function runMerger(tx: Tx, actor: { userId: string }, input: MergerInput): Promise<MergerResult> {
  const check = await checkMerger(tx, input);
  if (!check.ok) return check;
  const { plan } = check;
  const at = now();
  const mergedAt = mergedAtFor(input.mergedOn);
  const audit = { actorId: actor.userId, actorRole: "ADMIN" as const, at };

  let successorId = plan.successor.id;
  if (input.successor.mode === "new") {
    const created = await tx.organisation.create({
      data: { name: input.successor.name, kind: "GEMEENTE", nisCode: input.successor.nisCode, province: input.successor.province },
      select: { id: true },
    });
    successorId = created.id;
    await recordAudit(tx, {
      ...audit,
      action: "organisation.created",
      entityType: "Organisation",
      entityId: successorId,
      organisationId: successorId,
      after: { name: input.successor.name, kind: "GEMEENTE", nisCode: input.successor.nisCode, province: input.successor.province },
    });
  }
  if (!successorId) throw new Error("Merger without successor");
  const predecessorIds = plan.predecessors.map((p) => p.id);

  // The guard `successorId: null` makes a second, concurrent merger of the same predecessor fail.
  const marked = await tx.organisation.updateMany({
    where: { id: { in: predecessorIds }, successorId: null },
    data: { successorId, mergedAt },
  });
  if (marked.count !== predecessorIds.length) throw new MergerRace();
  for (const predecessor of plan.predecessors) {
    await recordAudit(tx, {
      ...audit,
      action: "organisation.merged",
      entityType: "Organisation",
      entityId: predecessor.id,
      organisationId: predecessor.id,
      before: { successorId: null },
      after: { successorId, successorName: plan.successor.name, mergedAt: mergedAt.toISOString() },
    });
  }

  // Members of a predecessor become members of the successor; they keep their read-only
  // membership of the predecessor, so its history stays in reach.
  const [predecessorMembers, successorMembers] = await Promise.all([
    tx.membership.findMany({ where: { organisationId: { in: predecessorIds } }, select: { userId: true, emailOptIn: true } }),
    tx.membership.findMany({ where: { organisationId: successorId }, select: { userId: true } }),
  ]);
  const already = new Set(successorMembers.map((m) => m.userId));
  const toAdd = new Map<string, boolean>();
  for (const m of predecessorMembers) if (!already.has(m.userId)) toAdd.set(m.userId, (toAdd.get(m.userId) ?? false) || m.emailOptIn);
  if (toAdd.size > 0) {
    await tx.membership.createMany({
      data: [...toAdd].map(([userId, emailOptIn]) => ({ userId, organisationId: successorId, emailOptIn })),
    });
  }

  const nameOf = new Map(plan.predecessors.map((p) => [p.id, p.name]));
  const dossiers = await tx.application.findMany({
    where: { organisationId: { in: predecessorIds } },
    select: { id: true, organisationId: true, callId: true, reference: true },
  });
  for (const dossier of dossiers) {
    // The version bump makes a save that started before the merger fail instead of landing.
    await tx.application.update({
      where: { id: dossier.id },
      data: { organisationId: successorId, transferredFromId: dossier.organisationId, transferredAt: at, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      ...audit,
      action: "application.transferred",
      entityType: "Application",
      entityId: dossier.id,
      applicationId: dossier.id,
      organisationId: successorId,
      before: { organisationId: dossier.organisationId, organisationName: nameOf.get(dossier.organisationId) },
      after: { organisationId: successorId, organisationName: plan.successor.name },
      reason: `Fusie in ${plan.successor.name}`,
    });
  }

  // A deadline extension belongs to one organisation in one call: it follows the dossier,
  // unless the successor already has its own for that call.
  const [extensions, successorExtensions] = await Promise.all([
    tx.deadlineExtension.findMany({
      where: { organisationId: { in: predecessorIds } },
      select: { id: true, callId: true, closesAt: true },
    }),
    tx.deadlineExtension.findMany({ where: { organisationId: successorId }, select: { callId: true } }),
  ]);
  const takenCalls = new Set(successorExtensions.map((e) => e.callId));
  let extensionsMoved = 0;
  for (const extension of extensions.sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())) {
    if (takenCalls.has(extension.callId)) continue;
    takenCalls.add(extension.callId);
    await tx.deadlineExtension.update({ where: { id: extension.id }, data: { organisationId: successorId } });
    extensionsMoved++;
  }

  await recordAudit(tx, {
    ...audit,
    action: "organisation.merger",
    entityType: "Organisation",
    entityId: successorId,
    organisationId: successorId,
    after: {
      predecessors: plan.predecessors.map((p) => ({ id: p.id, name: p.name, nisCode: p.nisCode })),
      mergedOn: input.mergedOn,
      dossiersMoved: dossiers.length,
      membershipsAdded: toAdd.size,
      extensionsMoved,
    },
  });
  return { ok: true, successorId, successorName: plan.successor.name, dossiersMoved: dossiers.length, membershipsAdded: toAdd.size };
}

/** Mergers done so far: one row per successor and merger date, newest first. */
export async function listMergers() {
  const predecessors = await prisma.organisation.findMany({
    where: { successorId: { not: null } },
    select: { id: true, name: true, nisCode: true, mergedAt: true, successor: { select: { id: true, name: true, nisCode: true } } },
    orderBy: { name: "asc" },
  });
  const rows = new Map<
    string,
    { id: string; name: string; nisCode: string | null; mergedAt: string | null; predecessors: Array<{ id: string; name: string }> }
  >();
  for (const { successor, ...p } of predecessors) {
    if (!successor) continue; // the query asks for merged organisations only
    const mergedAt = p.mergedAt?.toISOString() ?? null;
    const key = `${successor.id}|${mergedAt}`;
    const row = rows.get(key) ?? { ...successor, mergedAt, predecessors: [] };
    row.predecessors.push({ id: p.id, name: p.name });
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.mergedAt ?? "").localeCompare(a.mergedAt ?? "") || a.name.localeCompare(b.name, "nl"));
}
