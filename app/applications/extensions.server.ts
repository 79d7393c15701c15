import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { notifyExtensionGranted } from "~/mail/notifications.server";
import { EXTENSION_ROLES, hasRole, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import { deadlineFromWallClock, formatDateTime } from "~/utils/time";
import { z } from "zod";
import { requiredText } from "~/utils/schemas";

export const EXTENSION_MESSAGES = {
  notAllowed: "Alleen beoordelaars en beheerders van het agentschap kunnen een termijn verlengen.",
  invalidMoment: "Geef een geldige datum en een geldig uur op.",
  beforeCallDeadline: (callDeadline: Date) =>
    `De nieuwe deadline moet na de gewone deadline van de oproep liggen (${formatDateTime(callDeadline)}).`,
  inPast: "De nieuwe deadline moet in de toekomst liggen.",
  notDraft: "Het dossier is al verstuurd of afgehandeld; een verlenging heeft geen zin meer.",
} as const;

/** The form a staff member fills to extend one organisation's deadline (Brussels wall clock). */
export const extensionFormSchema = z.object({
  date: z.string({ error: "Dit veld is verplicht." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Geef een datum op."),
  time: z.string({ error: "Dit veld is verplicht." }).regex(/^\d{2}:\d{2}$/, "Geef een uur op, bv. 23:59."),
  reason: requiredText(1000),
});

export type ExtensionResult = { ok: true; closesAt: Date } | { ok: false; field: "date" | "reason"; message: string };

/**
 * Grants one organisation a later deadline in one call, with a reason, audited (before and
 * after). Granting again replaces the earlier extension. The last minute given counts fully:
 * "23:59" means up to 23:59:59.999.
 */
export async function grantExtension(input: {
  viewer: Viewer;
  applicationId: string;
  date: string;
  time: string;
  reason: string;
}): Promise<ExtensionResult> {
  if (!hasRole(input.viewer, ...EXTENSION_ROLES)) return { ok: false, field: "reason", message: EXTENSION_MESSAGES.notAllowed };
  const closesAt = deadlineFromWallClock(input.date, input.time);
  if (!closesAt) return { ok: false, field: "date", message: EXTENSION_MESSAGES.invalidMoment };
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { status: true, callId: true, organisationId: true, call: { select: { closesAt: true } } },
    });
    if (application.status !== "DRAFT") return { ok: false, field: "date", message: EXTENSION_MESSAGES.notDraft };
    if (closesAt <= application.call.closesAt) {
      return { ok: false, field: "date", message: EXTENSION_MESSAGES.beforeCallDeadline(application.call.closesAt) };
    }
    if (closesAt <= now()) return { ok: false, field: "date", message: EXTENSION_MESSAGES.inPast };
    const key = { callId_organisationId: { callId: application.callId, organisationId: application.organisationId } };
    const before = await tx.deadlineExtension.findUnique({ where: key, select: { closesAt: true, reason: true } });
    const reason = input.reason.trim();
    const extension = await tx.deadlineExtension.upsert({
      where: key,
      create: {
        callId: application.callId,
        organisationId: application.organisationId,
        closesAt,
        reason,
        grantedById: input.viewer.userId,
        createdAt: now(),
      },
      update: { closesAt, reason, grantedById: input.viewer.userId },
    });
    const role = hasRole(input.viewer, "REVIEWER") ? "REVIEWER" : "ADMIN";
    await recordAudit(tx, {
      actorId: input.viewer.userId,
      actorRole: role,
      action: "deadline.extended",
      entityType: "DeadlineExtension",
      entityId: extension.id,
      applicationId: input.applicationId,
      organisationId: application.organisationId,
      before: { closesAt: (before?.closesAt ?? application.call.closesAt).toISOString() },
      after: { closesAt: closesAt.toISOString() },
      reason,
      at: now(),
    });
    await notifyExtensionGranted(tx, { callId: application.callId, organisationId: application.organisationId, closesAt, reason });
    return { ok: true, closesAt };
  });
}
