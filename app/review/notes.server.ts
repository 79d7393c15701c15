import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { isStaff, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import type { ReviewResult } from "./assignment.server";
import { defined } from "~/utils/invariant";

/** An internal note of AgII staff on a dossier; never shown to the applicant. Audited. */
export async function addReviewNote(input: { viewer: Viewer; applicationId: string; text: string }): Promise<ReviewResult> {
  if (!isStaff(input.viewer)) return { ok: false, message: "Alleen medewerkers van het agentschap kunnen notities maken." };
  const text = input.text.trim();
  if (!text) return { ok: false, field: "text", message: "Dit veld is verplicht." };
  if (text.length > 4000) return { ok: false, field: "text", message: "Gebruik hoogstens 4.000 tekens." };
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({ where: { id: input.applicationId }, select: { organisationId: true } });
    const note = await tx.reviewNote.create({
      data: { applicationId: input.applicationId, authorId: input.viewer.userId, text, createdAt: now() },
    });
    await recordAudit(tx, {
      actorId: input.viewer.userId,
      actorRole: defined(input.viewer.staffRoles[0], "a staff role (isStaff checked it)"),
      action: "note.added",
      entityType: "ReviewNote",
      entityId: note.id,
      applicationId: input.applicationId,
      organisationId: application.organisationId,
      after: { text },
      at: note.createdAt,
    });
    return { ok: true };
  });
}
