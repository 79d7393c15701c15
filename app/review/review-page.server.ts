import { prisma } from "~/db.server";
import { applicationStatusSchema } from "~/domain/application-status";
import type { Viewer } from "~/domain/permissions";
import { isAssessmentComplete } from "./assessment.server";
import { callBudget } from "./budget.server";
import { DECISION_LETTER_FIELD } from "./letter.server";
import { answerFieldKey } from "./information.server";
import { programmeKindSchema } from "~/programmes/programme-form";
import { parseJsonObject } from "~/utils/json";
import { rubricFor } from "./rubric";
import { reviewActions } from "./rules";

async function userNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}

/** Requests for information with their answers and files: for staff and applicant alike. */
export async function informationHistory(applicationId: string) {
  const [requests, files] = await Promise.all([
    prisma.informationRequest.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } }),
    prisma.attachment.findMany({
      where: { applicationId, deletedAt: null, fieldKey: { startsWith: "antwoord-" } },
      select: { id: true, fieldKey: true, fileName: true, sizeBytes: true },
    }),
  ]);
  return requests.map((request) => ({
    id: request.id,
    questions: request.questions,
    askedAt: request.createdAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    answer: request.answer,
    answeredAt: request.answeredAt?.toISOString() ?? null,
    files: files.filter((file) => file.fieldKey === answerFieldKey(request.id)),
  }));
}

/** The decision as the applicant sees it: outcome, amount, motivation, period, letter. */
export async function decisionForApplicant(applicationId: string) {
  const application = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { decidedAt: true, decisionMotivation: true, grantedCents: true, recognitionStartsOn: true, recognitionEndsOn: true },
  });
  if (!application.decidedAt) return null;
  const letter = await prisma.attachment.findFirst({
    where: { applicationId, fieldKey: DECISION_LETTER_FIELD, deletedAt: null },
    select: { id: true, fileName: true },
    orderBy: { createdAt: "desc" },
  });
  return {
    decidedAt: application.decidedAt.toISOString(),
    motivation: application.decisionMotivation,
    grantedCents: application.grantedCents,
    recognitionStartsOn: application.recognitionStartsOn,
    recognitionEndsOn: application.recognitionEndsOn,
    letter,
  };
}

/** Everything the staff review page shows, with what this staff member may do now. */
export async function reviewPage(viewer: Viewer, applicationId: string) {
  const application = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      reference: true,
      requestedCents: true,
      grantedCents: true,
      assigneeId: true,
      proposedOutcome: true,
      proposedCents: true,
      proposedById: true,
      proposedAt: true,
      callId: true,
      organisation: { select: { name: true } },
      call: { select: { title: true, formKey: true, settings: true, programme: { select: { name: true, kind: true } } } },
      assessments: { select: { criterionKey: true, score: true, motivation: true, assessedById: true, updatedAt: true } },
      notes: { select: { id: true, text: true, authorId: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const [audit, reviewers, budget, information] = await Promise.all([
    prisma.auditEvent.findMany({ where: { applicationId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    prisma.user.findMany({
      where: { staffRoles: { some: { role: "REVIEWER" } }, deactivatedAt: null },
      select: { id: true, firstName: true, lastName: true },
      orderBy: { lastName: "asc" },
    }),
    callBudget(prisma, application.callId),
    informationHistory(applicationId),
  ]);
  const names = await userNames([
    application.assigneeId,
    application.proposedById,
    ...application.assessments.map((a) => a.assessedById),
    ...application.notes.map((n) => n.authorId),
    ...audit.map((event) => event.actorId),
  ]);
  const settings = parseJsonObject(application.call.settings);
  const rubric = rubricFor(application.call.formKey, settings);
  const status = applicationStatusSchema.parse(application.status);
  return {
    id: application.id,
    status,
    reference: application.reference,
    organisationName: application.organisation.name,
    callTitle: application.call.title,
    programmeName: application.call.programme.name,
    programmeKind: programmeKindSchema.parse(application.call.programme.kind),
    recognitionStartsOn: typeof settings.recognitionStartsOn === "string" ? settings.recognitionStartsOn : null,
    requestedCents: application.requestedCents,
    grantedCents: application.grantedCents,
    assignee: application.assigneeId ? { id: application.assigneeId, name: names.get(application.assigneeId) ?? "?" } : null,
    proposal: application.proposedOutcome
      ? {
          outcome: application.proposedOutcome,
          cents: application.proposedCents,
          by: names.get(application.proposedById ?? "") ?? null,
          at: application.proposedAt?.toISOString() ?? null,
        }
      : null,
    rubric: rubric.map((criterion) => {
      const given = application.assessments.find((a) => a.criterionKey === criterion.key);
      return {
        ...criterion,
        score: given?.score ?? null,
        motivation: given?.motivation ?? "",
        by: given ? names.get(given.assessedById) ?? null : null,
      };
    }),
    notes: application.notes.map((note) => ({
      id: note.id,
      text: note.text,
      by: names.get(note.authorId) ?? "?",
      at: note.createdAt.toISOString(),
    })),
    information,
    audit: audit.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actor: event.actorId ? names.get(event.actorId) ?? event.actorId : null,
      actorRole: event.actorRole,
      action: event.action,
      before: event.before,
      after: event.after,
      reason: event.reason,
    })),
    budget,
    reviewers: reviewers.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` })),
    can: reviewActions({
      status,
      viewer,
      proposedById: application.proposedById,
      assessmentComplete: isAssessmentComplete(rubric, application.assessments),
    }),
  };
}
