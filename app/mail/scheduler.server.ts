import { draftReminderEmail } from "../../emails/draft-reminder";
import { decisionDeadlineReminderEmail } from "../../emails/decision-deadline-reminder";
import { statusLabel } from "~/applications/status-labels";
import { combineDeadline } from "~/calls/deadline";
import { prisma, type PrismaClient } from "~/db.server";
import { callContact } from "~/documents/letter-texts";
import { decode, decodeRows, nullable, sql } from "~/db/sql";
import { onPrisma } from "~/db/sql.server";
import { applicationStatusSchema, type ApplicationStatus } from "~/domain/application-status";
import { REVIEW_ROLES } from "~/domain/permissions";
import { publicUrl } from "~/utils/url.server";
import { enqueueEmail, type EnqueueEmailInput } from "./outbox.server";
import { applicantRecipients, staffRecipients } from "./recipients.server";
import { DECISION_REMINDER_DAYS, DRAFT_REMINDER_DAYS, dueReminder } from "./reminder-schedule";

/** Submitted but not yet decided: what the decision deadline is about. */
const UNDECIDED: ApplicationStatus[] = ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "PROPOSED"];

export type SchedulerResult = { draftReminders: number; decisionReminders: number };

/**
 * Queues the reminders that are due at `at`. Every reminder has an outbox key naming what it is
 * about, the deadline, the day count and the recipient, so running this again (later the same
 * day, or in two processes at once) queues nothing twice.
 */
export async function runScheduler(at: Date, db: PrismaClient = prisma): Promise<SchedulerResult> {
  return {
    draftReminders: await queueDraftReminders(db, at),
    decisionReminders: await queueDecisionDeadlineReminders(db, at),
  };
}

const DRAFT_COLUMNS = {
  id: decode.text,
  organisationId: decode.text,
  reference: nullable(decode.text),
  organisationName: decode.text,
  callTitle: decode.text,
  callClosesAt: decode.date,
  callSettings: decode.text,
  extensionClosesAt: nullable(decode.date),
};

async function queueDraftReminders(db: PrismaClient, at: Date): Promise<number> {
  // Drafts whose deadline has not passed (the call's, or an extension for their organisation),
  // with both dates in one statement: on deadline day this runs every hour over every draft.
  // Merged organisations are read-only and get no reminders.
  const drafts = decodeRows(
    DRAFT_COLUMNS,
    await onPrisma(db).query(sql`
      SELECT a."id", a."organisationId", a."reference", o."name" AS "organisationName", c."title" AS "callTitle",
        c."closesAt" AS "callClosesAt", c."settings" AS "callSettings", e."closesAt" AS "extensionClosesAt"
      FROM "Application" a
      JOIN "Organisation" o ON o."id" = a."organisationId"
      JOIN "Call" c ON c."id" = a."callId"
      LEFT JOIN "DeadlineExtension" e ON e."callId" = a."callId" AND e."organisationId" = a."organisationId"
      WHERE a."status" = 'DRAFT' AND o."successorId" IS NULL AND (c."closesAt" >= ${at} OR e."closesAt" >= ${at})
      ORDER BY a."id"`),
  );
  let queued = 0;
  // Drafts share a handful of deadlines; Brussels calendar arithmetic costs about 0.2 ms, and
  // on deadline day this loop runs over every draft without giving the requests a turn.
  const dueByDeadline = new Map<number, number | null>();
  const due = (closesAt: Date): number | null => {
    const known = dueByDeadline.get(closesAt.getTime());
    if (known !== undefined) return known;
    const daysBefore = dueReminder(closesAt, at, DRAFT_REMINDER_DAYS);
    dueByDeadline.set(closesAt.getTime(), daysBefore);
    return daysBefore;
  };
  for (const draft of drafts) {
    const { closesAt, extended } = combineDeadline(draft.callClosesAt, draft.extensionClosesAt);
    const daysBefore = due(closesAt);
    if (daysBefore === null) continue;
    const dossier = {
      reference: draft.reference,
      organisationName: draft.organisationName,
      callTitle: draft.callTitle,
      dossierUrl: publicUrl(null, `/dossiers/${draft.id}`),
      contact: callContact(draft.callSettings),
    };
    for (const recipient of await applicantRecipients(db, draft.organisationId)) {
      const created = await enqueueOnce(db, {
        idempotencyKey: `draft-reminder:${draft.id}:${closesAt.toISOString()}:${daysBefore}d:${recipient.userId}`,
        template: "draft-reminder",
        to: recipient.email,
        applicationId: draft.id,
        userId: recipient.userId,
        ...draftReminderEmail({ firstName: recipient.firstName, dossier, closesAt, daysBefore, extended }),
      });
      if (created) queued += 1;
    }
  }
  return queued;
}

async function queueDecisionDeadlineReminders(db: PrismaClient, at: Date): Promise<number> {
  const calls = await db.call.findMany({
    where: { decisionDueAt: { gte: at } },
    select: { id: true, title: true, decisionDueAt: true, settings: true, programme: { select: { kind: true } } },
  });
  let queued = 0;
  for (const call of calls) {
    const decisionDueAt = call.decisionDueAt;
    if (!decisionDueAt) continue; // the query asks for calls with one
    const daysBefore = dueReminder(decisionDueAt, at, DECISION_REMINDER_DAYS);
    if (daysBefore === null) continue;
    const undecided = await db.application.findMany({
      where: { callId: call.id, status: { in: UNDECIDED } },
      select: { id: true, reference: true, status: true, organisation: { select: { name: true } } },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
    });
    if (undecided.length === 0) continue;
    const listed = undecided.map((application) => ({
      reference: application.reference,
      organisationName: application.organisation.name,
      statusLabel: statusLabel(applicationStatusSchema.parse(application.status), call.programme.kind),
      url: publicUrl(null, `/dossiers/${application.id}`),
    }));
    for (const recipient of await staffRecipients(db, REVIEW_ROLES)) {
      const created = await enqueueOnce(db, {
        idempotencyKey: `decision-deadline:${call.id}:${decisionDueAt.toISOString()}:${daysBefore}d:${recipient.userId}`,
        template: "decision-deadline-reminder",
        to: recipient.email,
        userId: recipient.userId,
        ...decisionDeadlineReminderEmail({
          firstName: recipient.firstName,
          callTitle: call.title,
          decisionDueAt,
          daysBefore,
          undecided: listed,
          worklistUrl: publicUrl(null, "/te-beoordelen"),
          contact: callContact(call.settings),
        }),
      });
      if (created) queued += 1;
    }
  }
  return queued;
}

/**
 * Queues one reminder unless its key exists. Another process running the scheduler at the same
 * moment can make SQLite refuse our write (busy); then we look again and retry.
 */
async function enqueueOnce(db: PrismaClient, input: EnqueueEmailInput): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const existing = await tx.emailOutbox.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
        if (existing) return false;
        // Another process may queue the same key between the look and the insert (PostgreSQL,
        // READ COMMITTED): the insert then does nothing, and this one did not queue it.
        return (await enqueueEmail(tx, input)).created;
      });
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 25));
    }
  }
}
