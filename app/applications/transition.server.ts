import { auditInsertFor, recordAudit, type AuditInput } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { decode, decodeRows, sql, type Sql } from "~/db/sql";
import { asSqlDb, type AnyDb } from "~/db/sql.server";
import { applicationStatusSchema, checkTransition, type ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import { prepareStatusEmails, type KnownDossier, type PreparedStatusEmails } from "~/mail/notifications.server";
import { now } from "~/utils/clock.server";

export type TransitionInput = {
  applicationId: string;
  to: ApplicationStatus;
  actor: { userId: string | null; role: ActorRole };
  reason?: string;
  /**
   * The dossier's status and organisation as the caller just read them in this transaction,
   * which spares reading them again; the update stays conditional on that status.
   */
  current?: { status: ApplicationStatus; organisationId: string };
  /**
   * Only the submit: the version it read (the move then applies to the dossier exactly as read),
   * the columns its stamp sets in the same statement, and what it knows for the e-mails.
   */
  submission?: { version: number; stamp: Sql; known: KnownDossier };
};

export type TransitionResult = { ok: true; from: ApplicationStatus; version: number } | { ok: false; message: string };
type MoveResult = { ok: true; from: ApplicationStatus; version: number; emails: PreparedStatusEmails } | { ok: false; message: string };

/**
 * Moves a dossier to another status, if the status machine allows it for this actor. The
 * update is conditional on the status read, so two simultaneous moves cannot both succeed,
 * and the audit line and the e-mails are written in the same transaction: `db`, or a new one.
 * Deadline, budget and four-eyes rules are checked by the callers that need them, before
 * calling this. Plain SQL (app/db/sql.server.ts): the submit at a deadline runs it by the hundred.
 */
export async function transitionApplication(input: TransitionInput, db?: AnyDb): Promise<TransitionResult> {
  if (!db) return prisma.$transaction((tx) => transitionApplication(input, tx));
  const moved = await moveApplication(input, db);
  if (!moved.ok) return moved;
  await moved.emails.queue();
  return { ok: true, from: moved.from, version: moved.version };
}

/**
 * `transitionApplication` with its e-mails prepared but not yet queued: the caller queues them
 * before its transaction ends (every status change mails: no change without its e-mails, nor
 * the reverse). Only the submit needs this, to number the dossier in between.
 */
export async function moveApplication(input: TransitionInput, db: AnyDb): Promise<MoveResult> {
  const on = await asSqlDb(db);
  const [current] = input.current
    ? [input.current]
    : decodeRows(
        { status: decode.text, organisationId: decode.text },
        await on.query(sql`SELECT "status", "organisationId" FROM "Application" WHERE "id" = ${input.applicationId}`),
      );
  if (!current) return { ok: false, message: "Dit dossier bestaat niet." };
  const from = applicationStatusSchema.parse(current.status);
  const check = checkTransition(from, input.to, input.actor.role);
  if (!check.ok) return check;
  const reason = input.reason?.trim();
  if (check.needsReason && !reason) return { ok: false, message: "Geef een motivering op." };
  const at = now();
  const submission = input.submission;
  const update = sql`
      UPDATE "Application" SET "status" = ${input.to}, "version" = "version" + 1, "updatedAt" = ${at}${submission ? sql`, ${submission.stamp}` : sql``}
      WHERE "id" = ${input.applicationId} AND "status" = ${from}${submission ? sql` AND "version" = ${submission.version}` : sql``}
      RETURNING "version"`;
  const audit: AuditInput = {
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
    at,
  };
  // On PostgreSQL the move and its audit line are one statement (the line only if it moved).
  const [moved] = decodeRows(
    { version: decode.int },
    await on.query(
      on.provider === "postgresql"
        ? sql`WITH "moved" AS (${update}), "audited" AS (${auditInsertFor(sql`"moved"`, audit)}) SELECT "version" FROM "moved"`
        : update,
    ),
  );
  if (!moved) return { ok: false, message: "Het dossier werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw." };
  if (on.provider !== "postgresql") await recordAudit(on, audit);
  const emails = await prepareStatusEmails(
    on,
    {
      applicationId: input.applicationId,
      from,
      to: input.to,
      reason,
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
    },
    submission && { ...submission.known, version: moved.version },
  );
  return { ok: true, from, version: moved.version, emails };
}
