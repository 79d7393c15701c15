import { effectiveClosesAt } from "~/calls/deadline.server";
import { prisma } from "~/db.server";
import { applicationStatusSchema } from "~/domain/application-status";
import { canEditApplication, type Viewer } from "~/domain/permissions";
import { validateForm, type Issue } from "~/forms/validation";
import { enqueueEmails } from "~/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { decode, decodeRows, sql } from "~/db/sql";
import { sqlTransaction } from "~/db/sql.server";
import { attachmentCounts, dossierEditability, loadDossier, type Dossier } from "./dossier.server";
import { WITHDRAW_MESSAGES, withdrawability } from "./editability";
import { formatReference, submissionContentHash, usualReferenceLength } from "./receipt.server";
import { moveApplication, transitionApplication } from "./transition.server";

export const SUBMISSION_MESSAGES = {
  incomplete: "Uw aanvraag is nog niet volledig. Vul de stappen hieronder aan en dien daarna in.",
  stale: "Iemand heeft de aanvraag gewijzigd terwijl u het overzicht bekeek. Controleer het overzicht opnieuw en dien daarna in.",
  ...WITHDRAW_MESSAGES,
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
 * content hash), locks the content and moves it to SUBMITTED, in one transaction. A repeated
 * submit of the same draft (double click, retry after a timeout) finds it submitted and
 * changes nothing: there is one submission and one receipt.
 *
 * What counts for the deadline is when the request reached the server (`receivedAt`), not
 * when its transaction got its turn: at a deadline a hundred submits queue up, and one that
 * arrived at 23:59:59.9 is on time (docs/decisions/0005). The dossier is read before the
 * transaction; the transaction's updates are conditional on the version read, so a change in
 * between refuses the submit instead of numbering stale content.
 */
export async function submitApplication(input: {
  viewer: Viewer;
  applicationId: string;
  baseVersion: number;
  receivedAt?: Date;
  /** The dossier as the caller just read it (the access check) */
  loaded?: Dossier;
}): Promise<SubmitResult> {
  const dossier = input.loaded ?? (await loadDossier(input.applicationId));
  if (dossier.status !== "DRAFT" && dossier.submittedAt) return { status: "already-submitted", reference: dossier.reference };
  const at = input.receivedAt ?? now();
  const editability = dossierEditability(input.viewer, dossier, at);
  if (!editability.editable) return { status: "refused", message: editability.message };
  if (dossier.version !== input.baseVersion) return { status: "refused", message: SUBMISSION_MESSAGES.stale };
  const validation = validateForm(dossier.form, dossier.values, dossier.settings, {
    attachmentCounts: attachmentCounts(dossier.attachments),
  });
  if (!validation.valid) return { status: "incomplete", issuesByStep: validation.issuesByStep };
  const contentHash = submissionContentHash({
    formKey: dossier.formKey,
    formVersion: dossier.formVersion,
    values: dossier.values,
    attachments: dossier.attachments.map(({ fieldKey, fileName, sha256 }) => ({ fieldKey, fileName, sha256 })),
  });
  const requestedCents = dossier.form.requestedCents(validation.parsed, dossier.settings);
  try {
    return await sqlTransaction(async (db) => {
      const moved = await moveApplication(
        {
          applicationId: dossier.id,
          to: "SUBMITTED",
          actor: { userId: input.viewer.userId, role: "APPLICANT" },
          current: { status: "DRAFT", organisationId: dossier.organisationId },
          // One statement stamps and moves the draft, on the condition that it is the version read.
          submission: {
            version: dossier.version,
            stamp: sql`"contentHash" = ${contentHash}, "submittedAt" = ${at}, "submittedById" = ${input.viewer.userId}, "requestedCents" = ${requestedCents}`,
            known: {
              id: dossier.id,
              callId: dossier.callId,
              organisationId: dossier.organisationId,
              reference: null,
              submittedAt: at,
              submittedById: input.viewer.userId,
              contentHash,
              requestedCents,
              grantedCents: dossier.grantedCents,
              organisationName: dossier.organisation.name,
              callTitle: dossier.call.title,
              callClosesAt: dossier.call.closesAt,
              callSettings: dossier.call.settings,
              programmeName: dossier.call.programme.name,
              programmeKind: dossier.call.programme.kind,
              extensionClosesAt: dossier.deadlineExtended ? dossier.closesAt : null,
              submitterFirstName: input.viewer.firstName,
              submitterLastName: input.viewer.lastName,
            },
          },
        },
        db,
      );
      if (!moved.ok) throw new Refusal({ status: "refused", message: SUBMISSION_MESSAGES.stale });
      const code = dossier.call.programme.code;
      const receipts = moved.emails.renderBeforeNumbering(usualReferenceLength(code));
      // The call's row numbers its dossiers one at a time, so it is taken last and held for two
      // statements only: numbering, then the reference and the receipts together (record 0049).
      const [numbered] = decodeRows(
        { lastReference: decode.int, year: decode.int },
        await db.query(sql`
          UPDATE "Call" SET "lastReference" = "lastReference" + 1, "updatedAt" = ${now()} WHERE "id" = ${dossier.callId}
          RETURNING "lastReference", "year"`),
      );
      if (!numbered) throw new Error(`Oproep ${dossier.callId} bestaat niet.`);
      const reference = formatReference(code, numbered.year, numbered.lastReference);
      await enqueueEmails(
        db,
        receipts.messages(reference),
        sql`UPDATE "Application" SET "reference" = ${reference} WHERE "id" = ${dossier.id}`,
      );
      return { status: "submitted", reference };
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // Lost a race with a simultaneous submit of the same draft: that one counts.
    const current = await loadDossier(input.applicationId);
    if (current.submittedAt && current.status !== "DRAFT") return { status: "already-submitted", reference: current.reference };
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
    const { closesAt } = await effectiveClosesAt(tx, application.callId, application.organisationId);
    const allowed = withdrawability({
      status: applicationStatusSchema.parse(application.status),
      closesAt,
      at: now(),
      canEdit: canEditApplication(input.viewer, application),
    });
    if (!allowed.ok) return allowed;
    const moved = await transitionApplication(
      {
        applicationId: input.applicationId,
        to: "WITHDRAWN",
        actor: { userId: input.viewer.userId, role: "APPLICANT" },
        reason: input.reason,
      },
      tx,
    );
    return moved.ok ? { ok: true } : { ok: false, message: moved.message };
  });
}
