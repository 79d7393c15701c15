import { readFile } from "node:fs/promises";
import { storeGeneratedFile } from "~/attachments/attachments.server";
import { storedPath } from "~/attachments/storage.server";
import type { Tx } from "~/db.server";
import { decisionLetterFilename, decisionLetterPdf } from "~/documents/decision-letter.server";
import type { ActorRole } from "~/domain/roles";
import { now } from "~/utils/clock.server";

/** Attachments with this field key are decision letters (readable by the applicant). */
export const DECISION_LETTER_FIELD = "beslissingsbrief";

/**
 * The decision letter of a dossier: rendered once from the decided dossier, stored with it
 * (so the applicant can download it) and returned for the decision e-mail. Called in the
 * transaction of the decision, after the decision fields are written.
 */
export async function decisionLetterFor(
  tx: Tx,
  input: {
    applicationId: string;
    outcome: "APPROVED" | "PARTIALLY_APPROVED" | "REFUSED";
    motivation: string;
    actor: { userId: string | null; role: ActorRole };
  },
): Promise<{ filename: string; content: Buffer }> {
  const dossier = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: {
      reference: true,
      organisationId: true,
      requestedCents: true,
      grantedCents: true,
      decidedAt: true,
      decisionMotivation: true,
      recognitionStartsOn: true,
      recognitionEndsOn: true,
      organisation: { select: { name: true } },
      call: { select: { title: true, programme: { select: { name: true, kind: true, legalBasis: true } } } },
    },
  });
  const filename = decisionLetterFilename(dossier.reference);
  const stored = await tx.attachment.findFirst({
    where: {
      applicationId: input.applicationId,
      fieldKey: DECISION_LETTER_FIELD,
      deletedAt: null,
      createdAt: { gte: dossier.decidedAt ?? new Date(0) },
    },
    select: { storedName: true },
    orderBy: { createdAt: "desc" },
  });
  if (stored) return { filename, content: await readFile(storedPath(stored.storedName)) };
  const content = decisionLetterPdf({
    reference: dossier.reference,
    organisationName: dossier.organisation.name,
    callTitle: dossier.call.title,
    programmeName: dossier.call.programme.name,
    programmeKind: dossier.call.programme.kind,
    legalBasis: dossier.call.programme.legalBasis,
    outcome: input.outcome,
    requestedCents: dossier.requestedCents,
    grantedCents: dossier.grantedCents,
    motivation: dossier.decisionMotivation ?? input.motivation,
    decidedAt: dossier.decidedAt ?? now(),
    recognitionPeriod:
      dossier.recognitionStartsOn && dossier.recognitionEndsOn
        ? { startsOn: dossier.recognitionStartsOn, endsOn: dossier.recognitionEndsOn }
        : null,
  });
  if (input.actor.userId) {
    await storeGeneratedFile(tx, {
      applicationId: input.applicationId,
      organisationId: dossier.organisationId,
      fieldKey: DECISION_LETTER_FIELD,
      fileName: filename,
      format: "pdf",
      bytes: content,
      createdById: input.actor.userId,
      actorRole: input.actor.role,
    });
  }
  return { filename, content };
}
