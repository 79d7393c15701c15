import { answerToAssigneeEmail } from "../../emails/answer-to-assignee";
import type { Tx } from "~/db.server";
import { callContact } from "~/documents/letter-texts";
import { enqueueEmail } from "~/mail/outbox.server";
import { staffRecipients, type Recipient } from "~/mail/recipients.server";
import { decode, decodeRows, sql } from "~/db/sql";
import { asSqlDb, type AnyDb } from "~/db/sql.server";
import { publicUrl } from "~/utils/url.server";

/** The reviewer a dossier is assigned to, if their account is active and they still review. */
async function activeAssignee(db: AnyDb, applicationId: string): Promise<Recipient | null> {
  const on = await asSqlDb(db);
  const [row] = decodeRows(
    { userId: decode.text, email: decode.text, firstName: decode.text, lastName: decode.text },
    await on.query(sql`
      SELECT u."id" AS "userId", u."email", u."firstName", u."lastName"
      FROM "Application" a JOIN "User" u ON u."id" = a."assigneeId"
      WHERE a."id" = ${applicationId} AND u."deactivatedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "StaffRole" r WHERE r."userId" = u."id" AND r."role" = 'REVIEWER')`),
  );
  return row ?? null;
}

/**
 * Who hears of an answer through the status e-mail ("answer-received"): every reviewer when
 * nobody has the dossier, nobody when its assignee does (they get `notifyAssigneeOfAnswer`'s
 * message instead). For app/mail/notifications.server.ts, in place of staffRecipients there.
 */
export async function answerReceivedRecipients(db: AnyDb, applicationId: string, exceptUserId: string | null): Promise<Recipient[]> {
  if (await activeAssignee(db, applicationId)) return [];
  return staffRecipients(db, ["REVIEWER"], exceptUserId);
}

/**
 * Tells the assigned reviewer that the applicant answered their request for information, with
 * the question and the answer. Call it in the answer's transaction: the message exists exactly
 * when the answer was committed (transactional outbox). Returns the number of messages queued.
 */
export async function notifyAssigneeOfAnswer(
  tx: Tx,
  input: { applicationId: string; requestId: string; fileCount: number },
): Promise<number> {
  const assignee = await activeAssignee(tx, input.applicationId);
  if (!assignee) return 0;
  const [application, request] = await Promise.all([
    tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { reference: true, organisation: { select: { name: true } }, call: { select: { title: true, settings: true } } },
    }),
    tx.informationRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { questions: true, answer: true } }),
  ]);
  await enqueueEmail(tx, {
    idempotencyKey: `answer:${input.requestId}:${assignee.userId}`,
    template: "answer-to-assignee",
    to: assignee.email,
    applicationId: input.applicationId,
    userId: assignee.userId,
    ...answerToAssigneeEmail({
      firstName: assignee.firstName,
      dossier: {
        reference: application.reference,
        organisationName: application.organisation.name,
        callTitle: application.call.title,
        dossierUrl: publicUrl(null, `/dossiers/${input.applicationId}/beoordeling`),
        contact: callContact(application.call.settings),
      },
      question: request.questions,
      answer: request.answer ?? "",
      fileCount: input.fileCount,
    }),
  });
  return 1;
}
