import { transitionApplication } from "~/applications/transition.server";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { ASSIGNMENT_ROLES, hasRole, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import { REVIEW_MESSAGES } from "./rules";

export type ReviewResult = { ok: true } | { ok: false; message: string; field?: string };

/**
 * Gives a dossier to a reviewer: a reviewer takes it, or a reviewer or admin gives it to a
 * colleague. Taking it from someone else needs a reason. A submitted dossier goes into review
 * when it is first taken. Audited with the assignee before and after.
 */
export async function assignApplication(input: {
  viewer: Viewer;
  applicationId: string;
  assigneeId: string;
  reason?: string;
}): Promise<ReviewResult> {
  const { viewer } = input;
  if (!hasRole(viewer, ...ASSIGNMENT_ROLES)) return { ok: false, message: REVIEW_MESSAGES.notReviewer };
  const assignee = await prisma.staffRole.findUnique({ where: { userId_role: { userId: input.assigneeId, role: "REVIEWER" } } });
  if (!assignee) return { ok: false, field: "assigneeId", message: REVIEW_MESSAGES.unknownReviewer };
  const reason = input.reason?.trim() || undefined;
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { assigneeId: true, status: true, organisationId: true },
    });
    if (application.assigneeId === input.assigneeId) return { ok: true };
    if (application.assigneeId && !reason) return { ok: false, field: "reason", message: REVIEW_MESSAGES.reassignReason };
    await tx.application.update({ where: { id: input.applicationId }, data: { assigneeId: input.assigneeId, updatedAt: now() } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: hasRole(viewer, "REVIEWER") ? "REVIEWER" : "ADMIN",
      action: "application.assigned",
      entityType: "Application",
      entityId: input.applicationId,
      applicationId: input.applicationId,
      organisationId: application.organisationId,
      before: { assigneeId: application.assigneeId },
      after: { assigneeId: input.assigneeId },
      reason,
      at: now(),
    });
    if (application.status === "SUBMITTED") {
      const moved = await transitionApplication(
        { applicationId: input.applicationId, to: "IN_REVIEW", actor: { userId: input.assigneeId, role: "REVIEWER" } },
        tx,
      );
      if (!moved.ok) return moved;
    }
    return { ok: true };
  });
}
