import { createHash } from "node:crypto";
import { transitionApplication } from "~/applications/transition.server";
import type { PrismaClient } from "~/db.server";
import type { ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import { drainOutbox } from "~/mail/outbox-worker.server";
import { now } from "~/utils/clock.server";

/**
 * What the submit code does (written elsewhere): in one transaction, give the dossier its
 * reference, timestamp, submitter and content hash, then move it to SUBMITTED.
 */
export async function submitDossier(db: PrismaClient, applicationId: string, userId: string, reference: string) {
  return db.$transaction(async (tx) => {
    const { data } = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { data: true } });
    await tx.application.update({
      where: { id: applicationId },
      data: {
        reference,
        submittedAt: now(),
        submittedById: userId,
        contentHash: createHash("sha256").update(data).digest("hex"),
      },
    });
    const result = await transitionApplication({ applicationId, to: "SUBMITTED", actor: { userId, role: "APPLICANT" } }, tx);
    if (!result.ok) throw new Error(result.message);
    return result;
  });
}

export async function move(applicationId: string, to: ApplicationStatus, actor: { userId: string; role: ActorRole }, reason?: string) {
  const result = await transitionApplication({ applicationId, to, actor, reason });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Sends everything that is due, until a run sends nothing more. */
export async function drainAll(): Promise<number> {
  let total = 0;
  for (;;) {
    const { sent } = await drainOutbox({ batchSize: 500 });
    total += sent;
    if (sent === 0) return total;
  }
}
