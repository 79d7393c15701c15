import { createHash } from "node:crypto";
import { newId } from "~/db/ids";
import { prisma } from "~/db.server";
import { decode, decodeRows, list, sql, type Sql } from "~/db/sql";
import { asSqlDb, type AnyDb, type SqlDb } from "~/db/sql.server";
import { EMAIL_STATUSES, type EmailStatus } from "~/domain/email-status";
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { fromKeys, isOneOf } from "~/utils/guards";
import { defined } from "~/utils/invariant";

export type EnqueueEmailInput = {
  /** Same key, same message: e.g. "password-reset:<verificationId>". */
  idempotencyKey: string;
  /** Template name, for the admin view and statistics (e.g. "invitation"). */
  template: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Reply-To address (templates give the contact their footer names). */
  replyTo?: string | null;
  applicationId?: string;
  userId?: string;
  /** Files sent along (e.g. the decision letter); stored with the row, in the same transaction. */
  attachments?: Array<{ filename: string; contentType: string; content: Uint8Array }>;
};

const OUTBOX_COLUMNS = sql`("id", "idempotencyKey", "template", "toAddress", "subject", "textBody", "htmlBody", "replyTo",
  "applicationId", "userId", "status", "attempts", "nextAttemptAt", "createdAt")`;

/** A new message's row, in the order of OUTBOX_COLUMNS. */
function outboxRow(id: string, input: EnqueueEmailInput, at: Date): Sql {
  return sql`(${id}, ${input.idempotencyKey}, ${input.template}, ${input.to}, ${input.subject}, ${input.text}, ${input.html}, ${input.replyTo ?? null},
    ${input.applicationId ?? null}, ${input.userId ?? null}, 'PENDING', 0, ${at}, ${at})`;
}

/**
 * Queues an e-mail. Call it with the transaction of the state change it reports, so that the
 * message exists exactly when the change was committed (transactional outbox). A retried
 * request with the same key finds the existing row and queues nothing new: the insert skips a
 * key that exists (ON CONFLICT), which also never aborts a PostgreSQL transaction as a failed
 * insert would.
 */
export async function enqueueEmail(db: AnyDb, input: EnqueueEmailInput): Promise<{ id: string; created: boolean }> {
  const on = await asSqlDb(db);
  const at = now(); // explicit, not the column default: the portal clock may be moved (tests, demos)
  const id = newId();
  const inserted = await on.execute(sql`
    INSERT INTO "EmailOutbox" ${OUTBOX_COLUMNS} VALUES ${outboxRow(id, input, at)}
    ON CONFLICT ("idempotencyKey") DO NOTHING`);
  if (inserted === 0) {
    const [existing] = decodeRows(
      { id: decode.text },
      await on.query(sql`SELECT "id" FROM "EmailOutbox" WHERE "idempotencyKey" = ${input.idempotencyKey}`),
    );
    return { id: defined(existing, "the message with this idempotency key (the insert was skipped for it)").id, created: false };
  }
  for (const attachment of input.attachments ?? []) {
    await on.execute(sql`
      INSERT INTO "EmailAttachment" ("id", "emailId", "filename", "contentType", "content", "sizeBytes", "sha256")
      VALUES (${newId()}, ${id}, ${attachment.filename}, ${attachment.contentType}, ${attachment.content},
        ${attachment.content.byteLength}, ${createHash("sha256").update(attachment.content).digest("hex")})`);
  }
  return { id, created: true };
}

/**
 * Queues several messages without attachments (a submit's receipts) in one INSERT, as
 * `enqueueEmail` does one by one. `together`: a statement of the caller's that runs in the same
 * round trip on PostgreSQL, as a data-modifying WITH (which always runs to completion, whether
 * the INSERT reads it or not); on SQLite, which has no round trips, just before. The submit
 * holds its call's row meanwhile, so each round trip saved shortens the queue at a deadline
 * (docs/decisions/0049).
 */
export async function enqueueEmails(db: SqlDb, messages: readonly EnqueueEmailInput[], together?: Sql): Promise<void> {
  if (messages.length === 0 || messages.some((message) => message.attachments?.length)) {
    if (together) await db.execute(together);
    for (const message of messages) await enqueueEmail(db, message);
    return;
  }
  const at = now();
  const rows = messages.map((message) => outboxRow(newId(), message, at));
  const insert = sql`
    INSERT INTO "EmailOutbox" ${OUTBOX_COLUMNS} VALUES ${list(rows)}
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  if (together && db.provider === "postgresql") {
    await db.execute(sql`WITH "together" AS (${together}) ${insert}`);
  } else {
    if (together) await db.execute(together);
    await db.execute(insert);
  }
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
  const counts = fromKeys(EMAIL_STATUSES, () => 0);
  for (const group of groups) {
    if (isOneOf(EMAIL_STATUSES, group.status)) counts[group.status] = group._count._all;
  }
  return { ...counts, oldestPendingAt: oldest?.createdAt ?? null, unconfirmed };
}
