import { transitionApplication } from "~/applications/transition.server";
import { storeAttachment } from "~/attachments/attachments.server";
import { discardUploads, type UploadedFile } from "~/attachments/upload.server";
import { prisma } from "~/db.server";
import { canEditApplication, hasRole, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";
import { deadlineFromWallClock } from "~/utils/time";
import type { ReviewResult } from "./assignment.server";
import { notifyAssigneeOfAnswer } from "./answer-notice.server";
import { REVIEW_MESSAGES } from "./rules";

/** Attachments sent with the answer to a request carry this field key. */
export function answerFieldKey(requestId: string): string {
  return `antwoord-${requestId}`;
}

/**
 * A reviewer asks the applicant for more information, with a date to answer by (end of that
 * Brussels day). The questions are the reason of the status change, so the applicant's
 * e-mail and timeline show them; every round stays in the history.
 */
export async function requestInformation(input: {
  viewer: Viewer;
  applicationId: string;
  questions: string;
  dueDate: string;
}): Promise<ReviewResult> {
  if (!hasRole(input.viewer, "REVIEWER")) return { ok: false, message: REVIEW_MESSAGES.notReviewer };
  const dueAt = deadlineFromWallClock(input.dueDate, "23:59");
  if (!dueAt) return { ok: false, field: "dueDate", message: "Geef een geldige datum op." };
  if (dueAt <= now()) return { ok: false, field: "dueDate", message: REVIEW_MESSAGES.dueInPast };
  const questions = input.questions.trim();
  return prisma.$transaction(async (tx) => {
    const moved = await transitionApplication(
      {
        applicationId: input.applicationId,
        to: "INFO_REQUESTED",
        actor: { userId: input.viewer.userId, role: "REVIEWER" },
        reason: questions,
      },
      tx,
    );
    if (!moved.ok) return { ok: false, message: moved.message };
    await tx.informationRequest.create({
      data: { applicationId: input.applicationId, questions, dueAt, requestedById: input.viewer.userId, createdAt: now() },
    });
    return { ok: true };
  });
}

/**
 * The applicant answers the open request (text and files); the dossier returns to review.
 * Files are checked like any upload; a refused file keeps the answer unsent, so nothing is
 * half-answered.
 */
export async function answerInformationRequest(input: {
  viewer: Viewer;
  applicationId: string;
  answer: string;
  files: readonly UploadedFile[];
}): Promise<ReviewResult> {
  const application = await prisma.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: { organisationId: true, status: true },
  });
  if (!canEditApplication(input.viewer, application)) {
    await discardUploads([...input.files]);
    return { ok: false, message: "U kunt dit dossier niet wijzigen." };
  }
  const request = await prisma.informationRequest.findFirst({
    where: { applicationId: input.applicationId, answeredAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (application.status !== "INFO_REQUESTED" || !request) {
    await discardUploads([...input.files]);
    return { ok: false, message: REVIEW_MESSAGES.notAwaitingAnswer };
  }
  const answer = input.answer.trim();
  if (!answer) {
    await discardUploads([...input.files]);
    return { ok: false, field: "answer", message: "Dit veld is verplicht." };
  }
  try {
    return await prisma.$transaction(async (tx) => {
      for (const upload of input.files) {
        const stored = await storeAttachment(tx, {
          applicationId: input.applicationId,
          fieldKey: answerFieldKey(request.id),
          upload,
          kind: "pdf-or-spreadsheet",
          uploadedById: input.viewer.userId,
          allowedStatuses: ["INFO_REQUESTED"],
        });
        if (!stored.ok) throw new AnswerRefused(stored.message);
      }
      const { count } = await tx.informationRequest.updateMany({
        where: { id: request.id, answeredAt: null },
        data: { answer, answeredById: input.viewer.userId, answeredAt: now() },
      });
      if (count !== 1) throw new AnswerRefused(REVIEW_MESSAGES.notAwaitingAnswer);
      const moved = await transitionApplication(
        { applicationId: input.applicationId, to: "IN_REVIEW", actor: { userId: input.viewer.userId, role: "APPLICANT" } },
        tx,
      );
      if (!moved.ok) throw new AnswerRefused(moved.message);
      // The assigned reviewer hears of it, in this transaction (review/answer-notice.server.ts).
      await notifyAssigneeOfAnswer(tx, { applicationId: input.applicationId, requestId: request.id, fileCount: input.files.length });
      return { ok: true } as const;
    });
  } catch (error) {
    await discardUploads([...input.files]);
    if (error instanceof AnswerRefused) return { ok: false, field: "files", message: error.message };
    throw error;
  }
}

class AnswerRefused extends Error {}
