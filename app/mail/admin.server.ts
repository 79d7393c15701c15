import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { emailStatusSchema } from "~/domain/email-status";
import { now } from "~/utils/clock.server";
import { outboxStats, unconfirmedWhere } from "./outbox.server";

const LIST_LIMIT = 200;

/** For administrators: the queue's figures and every message that needs a person's decision. */
export async function outboxOverview() {
  const at = now();
  const [stats, rows] = await Promise.all([
    outboxStats(),
    prisma.emailOutbox.findMany({
      where: { OR: [{ status: "FAILED" }, unconfirmedWhere(at)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_LIMIT,
      select: {
        id: true,
        createdAt: true,
        sentAt: true,
        toAddress: true,
        subject: true,
        template: true,
        status: true,
        attempts: true,
        lastError: true,
        application: { select: { id: true, reference: true } },
      },
    }),
  ]);
  return {
    stats: { ...stats, oldestPendingAt: stats.oldestPendingAt?.toISOString() ?? null },
    problems: rows.map((row) => ({
      ...row,
      status: emailStatusSchema.parse(row.status),
      // SENT here means: handed over without a reply from the mail server.
      unconfirmed: row.status === "SENT",
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
  };
}

export type RetryResult = { ok: true } | { ok: false; message: string };

/**
 * Puts a failed (or unconfirmed) message back in the queue with fresh attempts, audited. It
 * keeps its key and so its Message-ID: if an unconfirmed one did arrive, the copy is recognisable.
 */
export async function retryEmail(actorUserId: string, emailId: string): Promise<RetryResult> {
  return prisma.$transaction(async (tx) => {
    const at = now();
    const row = await tx.emailOutbox.findUnique({
      where: { id: emailId },
      select: { id: true, status: true, attempts: true, lastError: true, applicationId: true, template: true, toAddress: true },
    });
    const { count } = await tx.emailOutbox.updateMany({
      where: { id: emailId, OR: [{ status: "FAILED" }, unconfirmedWhere(at)] },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: at, lockedUntil: null, sentAt: null, smtpResponse: null },
    });
    if (!row || count !== 1) {
      return { ok: false, message: "Dit bericht kan niet opnieuw verstuurd worden: het is niet (meer) mislukt." };
    }
    await recordAudit(tx, {
      actorId: actorUserId,
      actorRole: "ADMIN",
      action: "email.retry",
      entityType: "EmailOutbox",
      entityId: row.id,
      applicationId: row.applicationId ?? undefined,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: "PENDING", template: row.template, to: row.toAddress },
      at,
    });
    return { ok: true };
  });
}
