import { readFile } from "node:fs/promises";
import * as z from "zod";
import { storeGeneratedFile } from "~/attachments/attachments.server";
import { storedPath } from "~/attachments/storage.server";
import type { Tx } from "~/db.server";
import {
  decisionLetterFilename,
  decisionLetterPdf,
  type DecisionLetterInput,
  type DecisionOutcome,
} from "~/documents/decision-letter.server";
import { letterSettingsOf } from "~/documents/letter-texts";
import { configuredSeal } from "~/documents/seal.server";
import { organisationKindSchema } from "~/domain/organisation";
import { programmeKindSchema } from "~/programmes/programme-form";
import type { ActorRole } from "~/domain/roles";
import { now } from "~/utils/clock.server";
import { parseJsonObject } from "~/utils/json";

/** Attachments with this field key are decision letters (readable by the applicant). */
export const DECISION_LETTER_FIELD = "beslissingsbrief";

const answer = z.string().trim().min(1).optional().catch(undefined);

/**
 * What the letter takes from the dossier's answers: the contact person and the registered
 * address (the recurring blocks of app/forms/blocks.ts and the recognition form). Answers that
 * are missing or of another shape are left out rather than failing the decision.
 */
const letterAnswersSchema = z.object({
  contactVoornaam: answer,
  contactAchternaam: answer,
  contactFunctie: answer,
  adres: answer,
});

export function letterPartsOfAnswers(data: string): Pick<DecisionLetterInput, "contactPerson" | "declaredAddress"> {
  const answers = letterAnswersSchema.parse(parseJsonObject(data));
  const name = [answers.contactVoornaam, answers.contactAchternaam].filter(Boolean).join(" ");
  return {
    contactPerson: name ? { name, role: answers.contactFunctie ?? null } : null,
    declaredAddress: answers.adres ?? null,
  };
}

/** The letter's input, read from the decided dossier (decision fields already written). */
async function letterInput(tx: Tx, applicationId: string, outcome: DecisionOutcome, motivation: string): Promise<DecisionLetterInput> {
  const dossier = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      reference: true,
      data: true,
      requestedCents: true,
      grantedCents: true,
      submittedAt: true,
      decidedAt: true,
      decidedById: true,
      decisionMotivation: true,
      recognitionStartsOn: true,
      recognitionEndsOn: true,
      organisation: {
        select: { name: true, kind: true, boardName: true, addressStreet: true, addressPostalCode: true, addressCity: true },
      },
      call: {
        select: {
          title: true,
          opensAt: true,
          closesAt: true,
          settings: true,
          programme: { select: { code: true, name: true, kind: true, legalBasis: true } },
        },
      },
    },
  });
  const decider = dossier.decidedById
    ? await tx.user.findUnique({ where: { id: dossier.decidedById }, select: { firstName: true, lastName: true, jobTitle: true } })
    : null;
  const { organisation, call } = dossier;
  const sealKey = configuredSeal();
  return {
    reference: dossier.reference,
    organisation: {
      name: organisation.name,
      kind: organisationKindSchema.parse(organisation.kind),
      boardName: organisation.boardName,
      address: { street: organisation.addressStreet, postalCode: organisation.addressPostalCode, city: organisation.addressCity },
    },
    ...letterPartsOfAnswers(dossier.data),
    programme: { ...call.programme, kind: programmeKindSchema.parse(call.programme.kind) },
    call: { title: call.title, opensAt: call.opensAt, closesAt: call.closesAt, letter: letterSettingsOf(parseJsonObject(call.settings)) },
    outcome,
    requestedCents: dossier.requestedCents,
    grantedCents: dossier.grantedCents,
    motivation: dossier.decisionMotivation ?? motivation,
    submittedAt: dossier.submittedAt,
    decidedAt: dossier.decidedAt ?? now(),
    recognitionPeriod:
      dossier.recognitionStartsOn && dossier.recognitionEndsOn
        ? { startsOn: dossier.recognitionStartsOn, endsOn: dossier.recognitionEndsOn }
        : null,
    signatory: decider ? { name: `${decider.firstName} ${decider.lastName}`, jobTitle: decider.jobTitle } : null,
    seal: sealKey ? { key: sealKey, signedAt: now() } : null,
  };
}

/**
 * The decision letter of a dossier: rendered once from the decided dossier, stored with it
 * (so the applicant can download it) and returned for the decision e-mail. Called in the
 * transaction of the decision, after the decision fields are written.
 */
export async function decisionLetterFor(
  tx: Tx,
  input: {
    applicationId: string;
    outcome: DecisionOutcome;
    motivation: string;
    actor: { userId: string | null; role: ActorRole };
  },
): Promise<{ filename: string; content: Buffer }> {
  const dossier = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: { reference: true, organisationId: true, decidedAt: true },
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
  const content = await decisionLetterPdf(await letterInput(tx, input.applicationId, input.outcome, input.motivation));
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
