/**
 * Sample dossiers (Application rows, seeds/sample-dossiers.ts) with their attachments and their
 * status history as AuditEvent rows.
 *
 * AuditEvent is append-only (triggers refuse UPDATE and DELETE), so idempotency comes from the
 * dossier itself: one per call and organisation (@@unique). A dossier that exists is skipped
 * entirely, files included; a new one is written together with its attachments and its whole
 * history in one transaction, so a dossier never exists without its history and a history is
 * never written twice. Its files are copied into UPLOAD_DIR first and removed again when the
 * transaction fails.
 */
import { formatReference, submissionContentHash } from "~/applications/receipt.server";
import type { PrismaClient, Tx } from "~/db.server";
import type { ActorRole } from "~/domain/roles";
import type { Call } from "~/generated/prisma/client";
import { DEMO_USERS } from "./demo-users";
import { PROGRAMMES, type ProgrammeCode } from "./programmes";
import { sampleDossiers, type OrganisationKey, type SampleDossier } from "./sample-dossiers";
import { loadSampleFiles, removeStoredFiles, storeSampleFile, type SampleFiles } from "./sample-files";
import { validateSampleDossier } from "./sample-validation";
import { tally, type Outcome, type Tally } from "./sync";
import { findOrganisationId } from "./users";

export { sampleDossiers, type DossierStep, type SampleAttachment, type SampleDossier } from "./sample-dossiers";
export { validateSampleDossier, type SampleDossierContext } from "./sample-validation";

function actorEmails(): Record<Exclude<ActorRole, "APPLICANT" | "SYSTEM">, string | undefined> {
  const withRole = (role: "REVIEWER" | "DECIDER" | "ADMIN") => DEMO_USERS.find((u) => u.staffRoles.includes(role))?.email;
  return { REVIEWER: withRole("REVIEWER"), DECIDER: withRole("DECIDER"), ADMIN: withRole("ADMIN") };
}

function sameKey(a: OrganisationKey, b: OrganisationKey): boolean {
  if ("nisCode" in a) return "nisCode" in b && a.nisCode === b.nisCode;
  return "kboNumber" in b && a.kboNumber === b.kboNumber;
}

/**
 * Writes the sample dossiers whose call and organisation do not have one yet. Submitted ones
 * are numbered in order of submission per call (Call.lastReference), like the portal does.
 * Actors are the demo users: the applicant (who also uploaded the files) is the first demo user
 * who is a member of the organisation (none for an organisation without a demo account:
 * actorId stays empty, and such a dossier cannot have attachments), staff steps are taken by
 * the demo reviewer and decider.
 */
export async function seedSampleDossiers(
  prisma: PrismaClient,
  options: { now: Date; calls: Map<string, Call>; dossiers?: SampleDossier[] },
): Promise<Tally> {
  const dossiers = options.dossiers ?? sampleDossiers(options.now);
  const files = await loadSampleFiles();
  const emails = actorEmails();
  const users = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true } });
  const userId = (email: string | undefined) => (email ? (users.find((u) => u.email === email)?.id ?? null) : null);

  const submittedAt = (d: SampleDossier) => d.steps.find((s) => s.status === "SUBMITTED")?.at.getTime() ?? Infinity;
  const ordered = [...dossiers].sort((a, b) => submittedAt(a) - submittedAt(b));

  // First every new dossier is checked, then they are written: a wrong seed writes nothing.
  const outcomes: Outcome[] = [];
  const toWrite: WriteInput[] = [];
  for (const dossier of ordered) {
    const call = options.calls.get(dossier.callKey);
    if (!call) throw new Error(`Oproep ${dossier.callKey} is niet geseed.`);
    // A demo round seeded long ago may have closed: its "open round" dossiers no longer fit.
    if (call.isDemo && !(call.opensAt <= options.now && options.now <= call.closesAt)) {
      outcomes.push("unchanged");
      continue;
    }
    const organisationId = await findOrganisationId(prisma, dossier.organisation);
    const existing = await prisma.application.findUnique({
      where: { callId_organisationId: { callId: call.id, organisationId } },
      select: { id: true },
    });
    if (existing) {
      outcomes.push("unchanged");
      continue;
    }

    const [organisation, programme, eligibleKinds] = await Promise.all([
      prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, kind: true, name: true } }),
      prisma.programme.findUniqueOrThrow({ where: { id: call.programmeId }, select: { code: true } }),
      prisma.callEligibleKind.findMany({ where: { callId: call.id } }),
    ]);
    const programmeCode = programme.code as ProgrammeCode;
    const applicantId = userId(DEMO_USERS.find((u) => u.memberOf.some((key) => sameKey(key, dossier.organisation)))?.email);
    const actorFor = (role: ActorRole) => (role === "APPLICANT" ? applicantId : role === "SYSTEM" ? null : userId(emails[role]));
    validateSampleDossier(dossier, {
      call,
      programmeCode,
      organisation,
      eligibleKinds: eligibleKinds.map((k) => k.organisationKind),
      files,
      hasApplicant: applicantId !== null,
    });
    toWrite.push({ dossier, call, programmeCode, organisationId, applicantId, actorFor, files });
  }

  for (const input of toWrite) {
    const storedNames: string[] = [];
    try {
      for (const attachment of input.dossier.attachments) storedNames.push(await storeSampleFile(files[attachment.file]));
      await prisma.$transaction((tx) => writeDossier(tx, input, storedNames));
    } catch (error) {
      await removeStoredFiles(storedNames);
      throw error;
    }
    outcomes.push("created");
  }
  return tally(outcomes);
}

/** A recognition from a seeded round runs five calendar years from the round's start date. */
const RECOGNITION_YEARS = 5;

/**
 * What the review workflow would have stored along the status history: the reviewer who took
 * the dossier, the proposal (the seeded decisions follow it) and the decision.
 */
function reviewFields(
  dossier: SampleDossier,
  call: Call,
  actorFor: (role: ActorRole) => string | null,
  programmeKind: "FUNDING" | "RECOGNITION" | undefined,
) {
  const steps = dossier.steps;
  const last = steps[steps.length - 1]!;
  const proposal = [...steps].reverse().find((s) => s.status === "PROPOSED");
  const decided = ["APPROVED", "PARTIALLY_APPROVED", "REFUSED"].includes(last.status);
  const reviewed = steps.some((s) => s.status === "IN_REVIEW");
  const startsOn = (JSON.parse(call.settings) as { recognitionStartsOn?: string }).recognitionStartsOn;
  const recognised = programmeKind === "RECOGNITION" && last.status === "APPROVED" && startsOn;
  return {
    assigneeId: reviewed ? actorFor("REVIEWER") : null,
    proposedOutcome: proposal && decided ? last.status : null,
    proposedCents: proposal && decided ? dossier.grantedCents : null,
    proposedById: proposal ? actorFor("REVIEWER") : null,
    proposedAt: proposal?.at ?? null,
    decidedAt: decided ? last.at : null,
    decidedById: decided ? actorFor("DECIDER") : null,
    decisionMotivation: decided ? (last.reason ?? null) : null,
    recognitionStartsOn: recognised ? startsOn : null,
    recognitionEndsOn: recognised ? `${Number(startsOn.slice(0, 4)) + RECOGNITION_YEARS - 1}-12-31` : null,
  };
}

type WriteInput = {
  dossier: SampleDossier;
  call: Call;
  programmeCode: ProgrammeCode;
  organisationId: string;
  applicantId: string | null;
  actorFor: (role: ActorRole) => string | null;
  files: SampleFiles;
};

/** `storedNames`: the copies of dossier.attachments in UPLOAD_DIR, in the same order. */
async function writeDossier(tx: Tx, input: WriteInput, storedNames: readonly string[]): Promise<void> {
  const { dossier, call, organisationId, applicantId, actorFor, files } = input;
  const steps = dossier.steps;
  const last = steps[steps.length - 1]!;
  const submission = steps.find((s) => s.status === "SUBMITTED");

  let reference: string | null = null;
  if (submission) {
    const numbered = await tx.call.update({
      where: { id: call.id },
      data: { lastReference: { increment: 1 } },
      select: { lastReference: true, year: true },
    });
    reference = formatReference(input.programmeCode, numbered.year, numbered.lastReference);
  }
  const submittedFiles = dossier.attachments.map((a) => ({ fieldKey: a.fieldKey, fileName: a.fileName, sha256: files[a.file].sha256 }));
  const review = reviewFields(dossier, call, actorFor, PROGRAMMES.find((p) => p.code === input.programmeCode)?.kind);
  const application = await tx.application.create({
    data: {
      callId: call.id,
      organisationId,
      status: last.status,
      formKey: call.formKey,
      formVersion: call.formVersion,
      data: JSON.stringify(dossier.data),
      // The portal bumps the version on every transition (app/applications/transition.server.ts).
      version: steps.length,
      requestedCents: dossier.requestedCents,
      grantedCents: dossier.grantedCents,
      reference,
      submittedAt: submission?.at ?? null,
      submittedById: submission ? applicantId : null,
      contentHash: submission
        ? submissionContentHash({ formKey: call.formKey, formVersion: call.formVersion, values: dossier.data, attachments: submittedFiles })
        : null,
      createdById: applicantId,
      createdAt: steps[0]!.at,
      updatedAt: last.at,
      ...review,
    },
  });

  // Uploads are audited like the portal does (app/attachments/attachments.server.ts).
  const uploads = [];
  for (const [index, attachment] of dossier.attachments.entries()) {
    const file = files[attachment.file];
    const row = await tx.attachment.create({
      data: {
        applicationId: application.id,
        fieldKey: attachment.fieldKey,
        fileName: attachment.fileName,
        storedName: storedNames[index]!,
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        // Checked by validateSampleDossier: a dossier with files has an applicant.
        uploadedById: applicantId!,
        createdAt: attachment.uploadedAt,
      },
    });
    uploads.push({
      at: row.createdAt,
      actorId: applicantId,
      actorRole: "APPLICANT",
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: row.id,
      applicationId: application.id,
      organisationId,
      before: null,
      after: JSON.stringify({
        fieldKey: row.fieldKey,
        fileName: row.fileName,
        mimeType: row.mimeType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      }),
      reason: null,
    });
  }

  const statusEvents = steps.map((step, index) => ({
    at: step.at,
    actorId: actorFor(step.by),
    actorRole: step.by,
    action: "application.status",
    entityType: "Application",
    entityId: application.id,
    applicationId: application.id,
    organisationId,
    before: index === 0 ? null : JSON.stringify({ status: steps[index - 1]!.status }),
    after: JSON.stringify({ status: step.status }),
    reason: step.reason ?? null,
  }));
  await tx.auditEvent.createMany({ data: [...statusEvents, ...uploads] });
}
