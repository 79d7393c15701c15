import { effectiveClosesAt } from "~/calls/deadline.server";
import { prisma } from "~/db.server";
import { canEditApplication, type Viewer } from "~/domain/permissions";
import { validateForm, type Issue } from "~/forms/validation";
import { now } from "~/utils/clock.server";
import { attachmentCounts, loadDossier } from "./dossier.server";
import { DRAFT_MESSAGES, draftEditability } from "./editability";
import { formatReference, submissionContentHash } from "./receipt.server";
import { transitionApplication } from "./transition.server";

export const SUBMISSION_MESSAGES = {
  incomplete: "Uw aanvraag is nog niet volledig. Vul de stappen hieronder aan en dien daarna in.",
  stale: "Iemand heeft de aanvraag gewijzigd terwijl u het overzicht bekeek. Controleer het overzicht opnieuw en dien daarna in.",
  withdrawAfterDeadline: "De deadline is verstreken: u kunt de aanvraag niet meer intrekken. Neem contact op met het agentschap.",
  notWithdrawable: "Deze aanvraag kan niet meer ingetrokken worden.",
} as const;

export type SubmitResult =
  | { status: "submitted"; reference: string }
  | { status: "already-submitted"; reference: string | null }
  | { status: "incomplete"; issuesByStep: Record<string, Issue[]> }
  | { status: "refused"; message: string };

class Refusal extends Error {
  constructor(readonly result: SubmitResult) {
    super("refused");
  }
}

/**
 * Submits a draft: validates everything, numbers it, stores the receipt (timestamp and
 * content hash), locks the content and moves it to SUBMITTED, all in one transaction. A
 * repeated submit of the same draft (double click, retry after a timeout) finds it submitted
 * and changes nothing: there is one submission and one receipt.
 */
export async function submitApplication(input: { viewer: Viewer; applicationId: string; baseVersion: number }): Promise<SubmitResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const dossier = await loadDossier(input.applicationId, tx);
      if (dossier.status !== "DRAFT" && dossier.submittedAt) {
        return { status: "already-submitted", reference: dossier.reference };
      }
      const at = now();
      const editability = draftEditability({
        status: dossier.status,
        opensAt: dossier.call.opensAt,
        closesAt: dossier.closesAt,
        at,
        canEdit: canEditApplication(input.viewer, dossier),
      });
      if (!editability.editable) return { status: "refused", message: editability.message };
      if (dossier.version !== input.baseVersion) return { status: "refused", message: SUBMISSION_MESSAGES.stale };
      const validation = validateForm(dossier.form, dossier.values, dossier.settings, {
        attachmentCounts: attachmentCounts(dossier.attachments),
      });
      if (!validation.valid) return { status: "incomplete", issuesByStep: validation.issuesByStep };

      const numbered = await tx.call.update({
        where: { id: dossier.callId },
        data: { lastReference: { increment: 1 } },
        select: { lastReference: true, year: true },
      });
      const reference = formatReference(dossier.call.programme.code, numbered.year, numbered.lastReference);
      const contentHash = submissionContentHash({
        formKey: dossier.formKey,
        formVersion: dossier.formVersion,
        values: dossier.values,
        attachments: dossier.attachments.map(({ fieldKey, fileName, sha256 }) => ({ fieldKey, fileName, sha256 })),
      });
      const { count } = await tx.application.updateMany({
        where: { id: dossier.id, status: "DRAFT", version: dossier.version },
        data: {
          reference,
          contentHash,
          submittedAt: at,
          submittedById: input.viewer.userId,
          requestedCents: dossier.form.requestedCents(validation.parsed, dossier.settings),
        },
      });
      if (count !== 1) throw new Refusal({ status: "refused", message: SUBMISSION_MESSAGES.stale });
      const moved = await transitionApplication(
        { applicationId: dossier.id, to: "SUBMITTED", actor: { userId: input.viewer.userId, role: "APPLICANT" } },
        tx,
      );
      if (!moved.ok) throw new Refusal({ status: "refused", message: moved.message });
      return { status: "submitted", reference };
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // Lost a race with a simultaneous submit of the same draft: that one counts.
    const current = await prisma.application.findUnique({
      where: { id: input.applicationId },
      select: { status: true, submittedAt: true, reference: true },
    });
    if (current?.submittedAt && current.status !== "DRAFT") return { status: "already-submitted", reference: current.reference };
    return error.result;
  }
}

export type WithdrawResult = { ok: true } | { ok: false; message: string };

/** The applicant withdraws a draft or a submitted dossier, up to the organisation's deadline. */
export async function withdrawApplication(input: { viewer: Viewer; applicationId: string; reason?: string }): Promise<WithdrawResult> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { status: true, callId: true, organisationId: true },
    });
    if (!canEditApplication(input.viewer, application)) return { ok: false, message: DRAFT_MESSAGES.notMember };
    if (application.status !== "DRAFT" && application.status !== "SUBMITTED") {
      return { ok: false, message: SUBMISSION_MESSAGES.notWithdrawable };
    }
    const { closesAt } = await effectiveClosesAt(tx, application.callId, application.organisationId);
    if (now() > closesAt) return { ok: false, message: SUBMISSION_MESSAGES.withdrawAfterDeadline };
    const moved = await transitionApplication(
      { applicationId: input.applicationId, to: "WITHDRAWN", actor: { userId: input.viewer.userId, role: "APPLICANT" }, reason: input.reason },
      tx,
    );
    return moved.ok ? { ok: true } : { ok: false, message: moved.message };
  });
}
