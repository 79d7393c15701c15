import { prisma, type Tx } from "~/db.server";
import { EMAIL_STATUSES, type EmailStatus } from "~/domain/email-status";
import { now } from "~/utils/clock.server";

export type EnqueueEmailInput = {
  /** Same key, same message: e.g. "password-reset:<verificationId>". */
  idempotencyKey: string;
  /** Template name, for the admin view and statistics (e.g. "invitation"). */
  template: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  applicationId?: string;
  userId?: string;
};

/**
 * Queues an e-mail. Call it with the transaction client of the state change it reports, so
 * that the message exists exactly when the change was committed (transactional outbox).
 * A retried request with the same key finds the existing row and queues nothing new.
 */
export async function enqueueEmail(tx: Tx, input: EnqueueEmailInput): Promise<{ id: string }> {
  const at = now();
  return tx.emailOutbox.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    update: {},
    create: {
      idempotencyKey: input.idempotencyKey,
      template: input.template,
      toAddress: input.to,
      subject: input.subject,
      textBody: input.text,
      htmlBody: input.html,
      applicationId: input.applicationId,
      userId: input.userId,
      // Explicit, not the column default: the portal clock may be moved (tests, demos).
      nextAttemptAt: at,
      createdAt: at,
    },
    select: { id: true },
  });
}

export type OutboxStats = Record<EmailStatus, number> & {
  /** createdAt of the oldest message still waiting (PENDING), null when none waits. */
  oldestPendingAt: Date | null;
};

/** Counts per status and the age of the queue, for monitoring (healthz, admin dashboard). */
export async function outboxStats(): Promise<OutboxStats> {
  const [groups, oldest] = await Promise.all([
    prisma.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.emailOutbox.findFirst({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
  for (const group of groups) {
    if (group.status in counts) counts[group.status as EmailStatus] = group._count._all;
  }
  return { ...counts, oldestPendingAt: oldest?.createdAt ?? null };
}
