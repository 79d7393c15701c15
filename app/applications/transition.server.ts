import { recordAudit } from "~/audit/audit.server";
import { prisma, type Tx } from "~/db.server";
import { applicationStatusSchema, checkTransition, type ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import { enqueueStatusEmails } from "~/mail/notifications.server";
import { now } from "~/utils/clock.server";

export type TransitionInput = {
  applicationId: string;
  to: ApplicationStatus;
  actor: { userId: string | null; role: ActorRole };
  reason?: string;
};

export type TransitionResult = { ok: true; from: ApplicationStatus; version: number } | { ok: false; message: string };

/**
 * Moves a dossier to another status, if the status machine allows it for this actor. The
 * update is conditional on the status read, so two simultaneous moves cannot both succeed,
 * and the audit line is written in the same transaction. Deadline, budget and four-eyes rules
 * are checked by the callers that need them, before calling this.
 */
export async function transitionApplication(input: TransitionInput, tx?: Tx): Promise<TransitionResult> {
  if (!tx) return prisma.$transaction((inner) => transitionApplication(input, inner));
  const current = await tx.application.findUnique({
    where: { id: input.applicationId },
    select: { status: true, organisationId: true },
  });
  if (!current) return { ok: false, message: "Dit dossier bestaat niet." };
  const from = applicationStatusSchema.parse(current.status);
  const check = checkTransition(from, input.to, input.actor.role);
  if (!check.ok) return check;
  const reason = input.reason?.trim();
  if (check.needsReason && !reason) return { ok: false, message: "Geef een motivering op." };
  const { count } = await tx.application.updateMany({
    where: { id: input.applicationId, status: from },
    data: { status: input.to, version: { increment: 1 }, updatedAt: now() },
  });
  if (count !== 1) return { ok: false, message: "Het dossier werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw." };
  await recordAudit(tx, {
    actorId: input.actor.userId,
    actorRole: input.actor.role,
    action: "application.status",
    entityType: "Application",
    entityId: input.applicationId,
    applicationId: input.applicationId,
    organisationId: current.organisationId,
    before: { status: from },
    after: { status: input.to },
    reason,
    at: now(),
  });
  // Every status change mails, in this transaction: no change without its e-mails, nor the reverse.
  await enqueueStatusEmails(tx, {
    applicationId: input.applicationId,
    from,
    to: input.to,
    reason,
    actorUserId: input.actor.userId,
    actorRole: input.actor.role,
  });
  const { version } = await tx.application.findUniqueOrThrow({ where: { id: input.applicationId }, select: { version: true } });
  return { ok: true, from, version };
}
