import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import { PROGRAMME_MESSAGES, type ProgrammeFormData } from "./programme-form";
import { changedFields } from "~/utils/changes";

/** Administrators' side of programmes: the code, texts and kind that every call of it shares. */

export async function listProgrammes() {
  const programmes = await prisma.programme.findMany({
    select: { id: true, code: true, name: true, kind: true, _count: { select: { calls: true } } },
    orderBy: { code: "asc" },
  });
  return programmes.map(({ _count, ...programme }) => ({ ...programme, calls: _count.calls }));
}

export async function programmeForAdmin(id: string) {
  const programme = await prisma.programme.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      kind: true,
      legalBasis: true,
      calls: { select: { id: true, title: true, closesAt: true }, orderBy: { closesAt: "desc" } },
    },
  });
  if (!programme) return null;
  const dossiers = await prisma.application.count({ where: { call: { programmeId: id } } });
  return { ...programme, calls: programme.calls.map((c) => ({ ...c, closesAt: c.closesAt.toISOString() })), dossiers };
}

export type ProgrammeSaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

async function codeTaken(code: string): Promise<ProgrammeSaveResult> {
  const existing = await prisma.programme.findUnique({ where: { code }, select: { name: true } });
  return { ok: false, errors: { code: PROGRAMME_MESSAGES.codeTaken(code, existing?.name ?? "een ander programma") } };
}

export async function createProgramme(
  viewer: Pick<Viewer, "userId">,
  input: ProgrammeFormData & { code: string },
): Promise<ProgrammeSaveResult> {
  const fields = { code: input.code, name: input.name, description: input.description, kind: input.kind, legalBasis: input.legalBasis };
  try {
    return await prisma.$transaction(async (tx) => {
      const at = now();
      const programme = await tx.programme.create({ data: { ...fields, createdAt: at }, select: { id: true } });
      await recordAudit(tx, {
        actorId: viewer.userId,
        actorRole: "ADMIN",
        action: "programme.created",
        entityType: "Programme",
        entityId: programme.id,
        after: fields,
        at,
      });
      return { ok: true as const, id: programme.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return codeTaken(input.code);
    throw error;
  }
}

/**
 * Changes a programme's texts. The code stays (it is in every dossier reference); the kind
 * only while no dossier exists (it decides what a decision means).
 */
export async function updateProgramme(viewer: Pick<Viewer, "userId">, id: string, input: ProgrammeFormData): Promise<ProgrammeSaveResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.programme.findUniqueOrThrow({
      where: { id },
      select: { name: true, description: true, kind: true, legalBasis: true },
    });
    if (current.kind !== input.kind && (await tx.application.count({ where: { call: { programmeId: id } } })) > 0) {
      return { ok: false as const, errors: { kind: PROGRAMME_MESSAGES.kindLocked } };
    }
    const next = { name: input.name, description: input.description, kind: input.kind, legalBasis: input.legalBasis };
    const diff = changedFields(current, next);
    if (diff.keys.length === 0) return { ok: true as const, id };
    await tx.programme.update({ where: { id }, data: next });
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: "ADMIN",
      action: "programme.updated",
      entityType: "Programme",
      entityId: id,
      before: diff.before,
      after: diff.after,
      at: now(),
    });
    return { ok: true as const, id };
  });
}
