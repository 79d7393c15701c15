import { createHash } from "node:crypto";
import { prisma, type Tx } from "~/db.server";
import { EMAIL_STATUSES, type EmailStatus } from "~/domain/email-status";
import type { Prisma } from "~/generated/prisma/client";
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
  /** Files sent along (e.g. the decision letter); stored with the row, in the same transaction. */
  attachments?: Array<{ filename: string; contentType: string; content: Uint8Array }>;
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
      attachments: {
        create: (input.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: new Uint8Array(attachment.content),
          sizeBytes: attachment.content.byteLength,
          sha256: createHash("sha256").update(attachment.content).digest("hex"),
        })),
      },
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
  /** SENT but never confirmed by the SMTP server (worker died or connection lost at the end). */
  unconfirmed: number;
};

/** Handed over without a 2xx reply, and no worker busy with it any more (docs/decisions/0013). */
export function unconfirmedWhere(at: Date) {
  return {
    status: "SENT",
    smtpResponse: null,
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }],
  } satisfies Prisma.EmailOutboxWhereInput;
}

/** Counts per status and the age of the queue, for monitoring (healthz, admin dashboard). */
export async function outboxStats(): Promise<OutboxStats> {
  const [groups, oldest, unconfirmed] = await Promise.all([
    prisma.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.emailOutbox.findFirst({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    prisma.emailOutbox.count({ where: unconfirmedWhere(now()) }),
  ]);
  const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
  for (const group of groups) {
    if (group.status in counts) counts[group.status as EmailStatus] = group._count._all;
  }
  return { ...counts, oldestPendingAt: oldest?.createdAt ?? null, unconfirmed };
}
