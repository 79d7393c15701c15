import { draftReminderEmail } from "../../emails/draft-reminder";
import { decisionDeadlineReminderEmail } from "../../emails/decision-deadline-reminder";
import { statusLabel } from "~/applications/status-labels";
import { effectiveClosesAt } from "~/calls/deadline.server";
import { prisma, type PrismaClient } from "~/db.server";
import { applicationStatusSchema, type ApplicationStatus } from "~/domain/application-status";
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

async function queueDraftReminders(db: PrismaClient, at: Date): Promise<number> {
  // Drafts whose deadline has not passed: the call's, or an extension for their organisation.
  const extensions = await db.deadlineExtension.findMany({
    where: { closesAt: { gte: at } },
    select: { callId: true, organisationId: true },
  });
  const drafts = await db.application.findMany({
    where: {
      status: "DRAFT",
      organisation: { successorId: null }, // merged organisations are read-only
      OR: [{ call: { closesAt: { gte: at } } }, ...extensions.map((e) => ({ callId: e.callId, organisationId: e.organisationId }))],
    },
    select: { id: true, callId: true, organisationId: true, reference: true, organisation: { select: { name: true } }, call: { select: { title: true } } },
  });
  let queued = 0;
  for (const draft of drafts) {
    const { closesAt, extended } = await effectiveClosesAt(db, draft.callId, draft.organisationId);
    const daysBefore = dueReminder(closesAt, at, DRAFT_REMINDER_DAYS);
    if (daysBefore === null) continue;
    const dossier = {
      reference: draft.reference,
      organisationName: draft.organisation.name,
      callTitle: draft.call.title,
      dossierUrl: publicUrl(null, `/dossiers/${draft.id}`),
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
    select: { id: true, title: true, decisionDueAt: true, programme: { select: { kind: true } } },
  });
  let queued = 0;
  for (const call of calls) {
    const decisionDueAt = call.decisionDueAt!;
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
    for (const recipient of await staffRecipients(db, ["REVIEWER", "DECIDER"])) {
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
        await enqueueEmail(tx, input);
        return true;
      });
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 25));
    }
  }
}
