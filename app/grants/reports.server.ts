import { createHash } from "node:crypto";
import { reportStatusEmail, type ReportEmailEvent } from "../../emails/report-status";
import { canonicalJson } from "~/applications/canonical-json";
import { submissionContentHash } from "~/applications/receipt.server";
import { applyRowIntent, parseStepIntent } from "~/applications/wizard.server";
import { recordAudit } from "~/audit/audit.server";
import { prisma, type Tx } from "~/db.server";
import { callContact } from "~/documents/letter-texts";
import { canEditApplication, hasRole, isMemberOf, type Viewer } from "~/domain/permissions";
import type { StaffRole } from "~/domain/roles";
import { reportFigure } from "~/forms/definitions/reports";
import { displayFields, labelForPath } from "~/forms/display";
import { requireForm, storedFormJson } from "~/forms/form-store.server";
import type { AnyFormDefinition } from "~/forms/registry";
import { stepAnswersSchema, stepControlsSchema } from "~/forms/step-post.server";
import type { RawValues, Step } from "~/forms/types";
import { issuesToErrors, validateForm, validateStep } from "~/forms/validation";
import { isVisible, pickFields, rawValues } from "~/forms/values";
import { applicantRecipients } from "~/mail/recipients.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { invariant } from "~/utils/invariant";
import { parseJsonObject } from "~/utils/json";
import type { FormPost } from "~/utils/read-form-post.server";
import { formatDateTime } from "~/utils/time";
import { deadlineFromWallClock } from "~/utils/time";
import { publicUrl } from "~/utils/url.server";
import { payableGrantCents } from "./payment-status";
import type { SettlementFigures } from "./payments.server";
import { callGrantPhases, finalReport, REPORT_KIND_LABELS, reportPhases, type GrantPhase, type ReportPhase } from "./phases";
import {
  applicantReportStatusLabel,
  checkReportTransition,
  REPORT_MESSAGES,
  REPORT_STATUS_LABELS,
  reportEditability,
  reportStatusSchema,
  type ReportAction,
  type ReportStatus,
} from "./report-status";

/**
 * The reports of a granted dossier (GrantReport, docs/decisions/0057): the applicant fills the
 * phase's form step by step with the wizard's own pieces (step posts, validation, row intents,
 * fingerprints, the optimistic version), submits it within the phase's window by the request's
 * arrival, and staff review it: accept, ask for more information, or (final report) propose
 * acceptance for a different decider. Every step is audited and mailed through the outbox.
 */

/** The dossier as its pages loaded it (app/applications/dossier.server.ts): nothing is read twice. */
export type ReportDossier = {
  id: string;
  organisationId: string;
  status: string;
  grantedCents: number | null;
  reference: string | null;
  submittedById: string | null;
  organisation: { name: string };
  call: { title: string; settings: string };
};

type ReportRow = NonNullable<Awaited<ReturnType<typeof readReport>>>;

function readReport(db: Pick<Tx, "grantReport">, applicationId: string, phaseKey: string) {
  return db.grantReport.findUnique({ where: { applicationId_phaseKey: { applicationId, phaseKey } } });
}

export type ReportContext = {
  dossier: ReportDossier;
  phase: ReportPhase;
  final: boolean;
  report: (Omit<ReportRow, "status"> & { status: ReportStatus }) | null;
  status: ReportStatus;
  form: AnyFormDefinition;
  storedForm: Awaited<ReturnType<typeof storedFormJson>>;
  values: RawValues;
};

const phasesOf = (dossier: { call: { settings: string } }): GrantPhase[] => callGrantPhases(parseJsonObject(dossier.call.settings));

export function reportPath(applicationId: string, phaseKey: string): string {
  return `/dossiers/${applicationId}/verslagen/${phaseKey}`;
}

/** A report of a granted dossier, started or not; null when the call has no such report phase. */
export async function loadReport(dossier: ReportDossier, phaseKey: string, db: Pick<Tx, "grantReport"> = prisma) {
  if (payableGrantCents(dossier) <= 0) return null;
  const phases = phasesOf(dossier);
  const phase = reportPhases(phases).find((candidate) => candidate.key === phaseKey);
  if (!phase) return null;
  const row = await readReport(db, dossier.id, phaseKey);
  const report = row ? { ...row, status: reportStatusSchema.parse(row.status) } : null;
  // A started report keeps the form version it was started with, as a dossier does.
  const formKey = report?.formKey ?? phase.formKey;
  const formVersion = report?.formVersion ?? phase.formVersion;
  const [form, storedForm] = await Promise.all([requireForm(formKey, formVersion), storedFormJson(formKey, formVersion)]);
  const context: ReportContext = {
    dossier,
    phase,
    final: finalReport(phases)?.key === phase.key,
    report,
    status: report?.status ?? "DRAFT",
    form,
    storedForm,
    values: report ? rawValues(JSON.parse(report.data)) : {},
  };
  return context;
}

/** Only members of the dossier's organisation see and fill its reports. */
export function canFillReport(viewer: Viewer, dossier: Pick<ReportDossier, "organisationId">): boolean {
  return canEditApplication(viewer, dossier);
}

export function canSeeReport(viewer: Viewer, dossier: Pick<ReportDossier, "organisationId">): boolean {
  return isMemberOf(viewer, dossier.organisationId);
}

const settingsOf = (context: ReportContext) => context.form.parseSettings(parseJsonObject(context.dossier.call.settings));

function editabilityOf(context: ReportContext, at: Date) {
  return reportEditability(context.phase, context.report, at);
}

function findStep(form: AnyFormDefinition, stepId: string): Step<unknown> | null {
  return form.steps.find((step) => step.id === stepId) ?? null;
}

function fingerprintOf(step: Step<unknown>, values: RawValues): string {
  return createHash("sha256")
    .update(canonicalJson(pickFields(step.fields, values)))
    .digest("hex")
    .slice(0, 32);
}

const NO_FILES = { attachmentCounts: {} };

function sectionsOf(context: ReportContext, values: RawValues = context.values) {
  const settings = settingsOf(context);
  return context.form.steps.map((step) => {
    const { issues } = validateStep(step, values, settings, NO_FILES);
    const errors = issuesToErrors(issues);
    return {
      stepId: step.id,
      title: step.title,
      rows: displayFields(step.fields, values, {}, isVisible),
      problems: Object.entries(errors).map(([path, message]) => ({ label: labelForPath(step.fields, path) ?? path, message })),
      computed: [],
    };
  });
}

function stepStates(context: ReportContext) {
  const settings = settingsOf(context);
  return context.form.steps.map((step) => {
    const { issues } = validateStep(step, context.values, settings, NO_FILES);
    const touched = step.fields.some((field) => {
      const value = context.values[field.name];
      return typeof value === "string" ? value.trim() !== "" : Array.isArray(value) ? value.length > 0 : value === true;
    });
    return { id: step.id, title: step.title, state: issues.length === 0 ? "complete" : touched ? "incomplete" : "empty" } as const;
  });
}

function header(context: ReportContext, at: Date) {
  const editability = editabilityOf(context, at);
  return {
    applicationId: context.dossier.id,
    basePath: reportPath(context.dossier.id, context.phase.key),
    title: context.phase.title,
    kindLabel: REPORT_KIND_LABELS[context.phase.reportKind],
    formTitle: context.form.title,
    reference: context.dossier.reference,
    organisationName: context.dossier.organisation.name,
    callTitle: context.dossier.call.title,
    status: context.status,
    statusLabel: applicantReportStatusLabel(context.status),
    opensAt: context.phase.opensAt,
    closesAt: (editability.editable ? editability.closesAt : new Date(context.phase.dueAt)).toISOString(),
    deadlineExtended: Boolean(context.report?.extendedUntil && context.report.extendedUntil > new Date(context.phase.dueAt)),
    editable: editability.editable,
    message: editability.editable ? null : editability.message,
    infoQuestions: context.status === "INFO_REQUESTED" ? (context.report?.infoQuestions ?? null) : null,
    infoDueAt: context.status === "INFO_REQUESTED" ? (context.report?.infoDueAt?.toISOString() ?? null) : null,
    serverNow: at.toISOString(),
  };
}

/** One step's page: the answers as typed, the version they build on, the steps' progress. */
export function reportStepPage(context: ReportContext, stepId: string) {
  const step = findStep(context.form, stepId);
  if (!step) return null;
  const at = now();
  return {
    header: header(context, at),
    formKey: context.form.key,
    formVersion: context.form.version,
    storedForm: context.storedForm,
    settings: settingsOf(context),
    stepId: step.id,
    stepIndex: context.form.steps.indexOf(step),
    steps: stepStates(context),
    values: pickFields(step.fields, context.values),
    version: context.report?.version ?? 0,
    fingerprint: fingerprintOf(step, context.values),
    readOnly: editabilityOf(context, at).editable ? null : (sectionsOf(context).find((s) => s.stepId === step.id) ?? null),
    lastSavedAt: context.report?.lastSavedAt?.toISOString() ?? null,
  };
}

/** The summary with the submit button. */
export function reportSummaryPage(context: ReportContext) {
  const sections = sectionsOf(context);
  return {
    header: header(context, now()),
    steps: stepStates(context),
    sections,
    complete: sections.every((section) => section.problems.length === 0),
    version: context.report?.version ?? 0,
    submittedAt: context.report?.submittedAt?.toISOString() ?? null,
    contentHash: context.report?.contentHash ?? null,
  };
}

type SaveResult =
  | { status: "saved"; version: number; fingerprint: string; savedAt: Date }
  | { status: "conflict"; theirs: RawValues; version: number; fingerprint: string; savedAt: Date | null }
  | { status: "refused"; message: string };

/** Creates the report's row on its first save; a colleague's simultaneous first save wins the race. */
async function ensureReport(context: ReportContext, viewer: Viewer): Promise<ReportContext> {
  if (context.report) return context;
  try {
    await prisma.grantReport.create({
      data: {
        applicationId: context.dossier.id,
        phaseKey: context.phase.key,
        formKey: context.form.key,
        formVersion: context.form.version,
        createdById: viewer.userId,
        version: 0,
      },
    });
  } catch (error) {
    if (!(await readReport(prisma, context.dossier.id, context.phase.key))) throw error;
  }
  const reloaded = await loadReport(context.dossier, context.phase.key);
  invariant(reloaded, "the report just created");
  return reloaded;
}

/**
 * Saves one step's answers, as a dossier's draft is saved: only that step's fields, conditional
 * on the version read; a save based on other answers of the same step is a conflict, not lost.
 */
export async function saveReportStep(input: {
  viewer: Viewer;
  context: ReportContext;
  stepId: string;
  values: RawValues;
  baseVersion: number;
  baseFingerprint: string;
}): Promise<SaveResult> {
  const step = findStep(input.context.form, input.stepId);
  if (!step) return { status: "refused", message: "Deze stap bestaat niet." };
  if (!canFillReport(input.viewer, input.context.dossier)) return { status: "refused", message: REPORT_MESSAGES.notMember };
  const at = now();
  const editability = editabilityOf(input.context, at);
  if (!editability.editable) return { status: "refused", message: editability.message };
  const context = await ensureReport(input.context, input.viewer);
  const report = context.report;
  invariant(report, "ensureReport gives a report");
  const fingerprint = fingerprintOf(step, context.values);
  const next = { ...context.values, ...pickFields(step.fields, input.values) };
  const nextFingerprint = fingerprintOf(step, next);
  if (nextFingerprint === fingerprint) return { status: "saved", version: report.version, fingerprint, savedAt: report.lastSavedAt ?? at };
  if (report.version !== input.baseVersion && fingerprint !== input.baseFingerprint) {
    return {
      status: "conflict",
      theirs: pickFields(step.fields, context.values),
      version: report.version,
      fingerprint,
      savedAt: report.lastSavedAt,
    };
  }
  const { count } = await prisma.grantReport.updateMany({
    where: { id: report.id, version: report.version, status: { in: ["DRAFT", "INFO_REQUESTED"] } },
    data: { data: JSON.stringify(next), version: report.version + 1, lastSavedAt: at, lastSavedById: input.viewer.userId },
  });
  if (count !== 1) {
    const reloaded = await loadReport(context.dossier, context.phase.key);
    invariant(reloaded, "the report saved a moment ago");
    return saveReportStep({ ...input, context: reloaded });
  }
  return { status: "saved", version: report.version + 1, fingerprint: nextFingerprint, savedAt: at };
}

export type ReportStepResult =
  | { kind: "redirect"; to: string }
  | { kind: "autosaved"; version: number; fingerprint: string; savedAt: string }
  | {
      kind: "shown";
      outcome: "saved" | "refused" | "conflict";
      values: RawValues;
      errors: Record<string, string>;
      message?: string;
      focusPath?: string;
      conflict?: { theirs: RawValues; version: number; fingerprint: string; savedByName: string | null; savedAt: string | null };
      saved?: { version: number; fingerprint: string };
      revision: string;
    };

/** A post of one step (the wizard's buttons and row intents; no JavaScript needed). */
export async function postReportStep(input: {
  viewer: Viewer;
  context: ReportContext;
  stepId: string;
  post: FormPost;
}): Promise<ReportStepResult | null> {
  const { context } = input;
  const step = findStep(context.form, input.stepId);
  if (!step) return null;
  const controls = input.post.parse(stepControlsSchema);
  const answers = input.post.parse(stepAnswersSchema(step.fields));
  invariant(controls.ok && answers.ok, "the step schemas read any post");
  const intent = parseStepIntent(controls.data.intent);
  const { values, focusPath } = applyRowIntent(step, answers.data, intent);
  const revision = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const saved = await saveReportStep({
    viewer: input.viewer,
    context,
    stepId: step.id,
    values,
    baseVersion: controls.data.baseVersion,
    baseFingerprint: controls.data.baseFingerprint,
  });
  if (saved.status === "refused") return { kind: "shown", outcome: "refused", values, errors: {}, message: saved.message, revision };
  if (saved.status === "conflict") {
    return {
      kind: "shown",
      outcome: "conflict",
      values,
      errors: {},
      revision,
      conflict: { ...saved, savedByName: null, savedAt: saved.savedAt?.toISOString() ?? null },
    };
  }
  if (intent.kind === "autosave") {
    return { kind: "autosaved", version: saved.version, fingerprint: saved.fingerprint, savedAt: saved.savedAt.toISOString() };
  }
  const base = reportPath(context.dossier.id, context.phase.key);
  const steps = context.form.steps;
  const index = steps.findIndex((candidate) => candidate.id === step.id);
  if (intent.kind === "previous") return { kind: "redirect", to: `${base}/stap/${(steps[index - 1] ?? step).id}` };
  if (intent.kind === "goto" && findStep(context.form, intent.stepId)) return { kind: "redirect", to: `${base}/stap/${intent.stepId}` };
  const errors =
    intent.kind === "next"
      ? issuesToErrors(validateStep(step, { ...context.values, ...values }, settingsOf(context), NO_FILES).issues)
      : {};
  if (intent.kind === "next" && Object.keys(errors).length === 0) {
    const following = steps[index + 1];
    return { kind: "redirect", to: following ? `${base}/stap/${following.id}` : `${base}/overzicht` };
  }
  return {
    kind: "shown",
    outcome: "saved",
    values,
    errors,
    focusPath,
    saved: { version: saved.version, fingerprint: saved.fingerprint },
    revision,
  };
}

export type ReportResult = { ok: true } | { ok: false; message: string; field?: string };

class Refused extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function refusable(work: () => Promise<ReportResult>): Promise<ReportResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message, field: error.field };
    throw error;
  }
}

/** The applicant's e-mails about a report, queued in the transaction of the change. */
async function mailApplicants(
  tx: Tx,
  context: ReportContext,
  reportId: string,
  status: ReportStatus,
  version: number,
  event: ReportEmailEvent,
) {
  const { dossier } = context;
  const recipients = await applicantRecipients(tx, dossier.organisationId, context.report?.submittedById ?? dossier.submittedById);
  const reportUrl = publicUrl(null, `${reportPath(dossier.id, context.phase.key)}/overzicht`);
  const info = {
    reference: dossier.reference,
    organisationName: dossier.organisation.name,
    callTitle: dossier.call.title,
    dossierUrl: publicUrl(null, `/dossiers/${dossier.id}`),
    contact: callContact(dossier.call.settings),
  };
  for (const recipient of recipients) {
    await enqueueEmail(tx, {
      idempotencyKey: `report:${reportId}:${status}:${version}:${recipient.userId}`,
      template: `report-${event.kind}`,
      to: recipient.email,
      applicationId: dossier.id,
      userId: recipient.userId,
      ...reportStatusEmail({ firstName: recipient.firstName, dossier: info, reportTitle: context.phase.title, reportUrl, event }),
    });
  }
}

/**
 * Submits the report. What counts for the deadline is `receivedAt`, the request's arrival
 * (arrivalTime in the route, as for applications, docs/decisions/0005): the phase's due instant
 * or the dossier's extension is the last accepted instant, by the one rule of app/calls/deadline.ts.
 */
export async function submitReport(input: {
  viewer: Viewer;
  context: ReportContext;
  baseVersion: number;
  receivedAt: Date;
}): Promise<ReportResult> {
  const { context, viewer } = input;
  if (!canFillReport(viewer, context.dossier)) return { ok: false, message: REPORT_MESSAGES.notMember };
  const report = context.report;
  const allowed = checkReportTransition({ status: context.status, final: context.final, proposedById: null }, "submit", {
    userId: viewer.userId,
    roles: [],
  });
  if (!allowed.ok) return allowed;
  const editability = editabilityOf(context, input.receivedAt);
  if (!editability.editable) return { ok: false, message: editability.message };
  if (!report) return { ok: false, message: REPORT_MESSAGES.incomplete };
  if (report.version !== input.baseVersion) return { ok: false, message: REPORT_MESSAGES.stale };
  const validation = validateForm(context.form, context.values, settingsOf(context), NO_FILES);
  if (!validation.valid) return { ok: false, message: REPORT_MESSAGES.incomplete };
  const contentHash = submissionContentHash({
    formKey: report.formKey,
    formVersion: report.formVersion,
    values: context.values,
    attachments: [],
  });
  const at = input.receivedAt;
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const moved = await tx.grantReport.updateMany({
        where: { id: report.id, version: report.version, status: context.status },
        data: { status: allowed.to, submittedAt: at, submittedById: viewer.userId, contentHash, version: report.version + 1 },
      });
      if (moved.count !== 1) throw new Refused(REPORT_MESSAGES.stale);
      await audit(tx, context, report.id, viewer.userId, "APPLICANT", "report.submitted", context.status, allowed.to, at);
      await mailApplicants(
        tx,
        { ...context, report: { ...report, submittedById: viewer.userId } },
        report.id,
        allowed.to,
        report.version + 1,
        {
          kind: "submitted",
          submittedAt: at,
          contentHash,
        },
      );
      return { ok: true as const };
    }),
  );
}

function audit(
  tx: Tx,
  context: ReportContext,
  reportId: string,
  actorId: string,
  actorRole: "APPLICANT" | StaffRole,
  action: "report.submitted" | "report.info-requested" | "report.acceptance-proposed" | "report.accepted",
  from: ReportStatus,
  to: ReportStatus,
  at: Date,
  reason?: string,
) {
  return recordAudit(tx, {
    actorId,
    actorRole,
    action,
    entityType: "GrantReport",
    entityId: reportId,
    applicationId: context.dossier.id,
    organisationId: context.dossier.organisationId,
    before: { status: from },
    after: { status: to, phaseKey: context.phase.key, title: context.phase.title },
    reason,
    at,
  });
}

const ASSESSORS: StaffRole[] = ["REVIEWER", "DECIDER"];
const staffRoleFor = (viewer: Viewer): StaffRole => (hasRole(viewer, "DECIDER") ? "DECIDER" : "REVIEWER");

/** A staff move of a report: the status machine decides; the update is conditional on the status read. */
async function moveReport(
  viewer: Viewer,
  context: ReportContext,
  action: Exclude<ReportAction, "submit">,
  extra: { questions?: string; dueAt?: Date } = {},
): Promise<ReportResult> {
  if (!hasRole(viewer, ...ASSESSORS)) return { ok: false, message: REPORT_MESSAGES.notReviewer };
  const report = context.report;
  if (!report) return { ok: false, message: REPORT_MESSAGES.notAllowed("DRAFT", action) };
  const allowed = checkReportTransition({ status: report.status, final: context.final, proposedById: report.proposedById }, action, {
    userId: viewer.userId,
    roles: viewer.staffRoles,
  });
  if (!allowed.ok) return allowed;
  const at = now();
  const role = action === "accept" && context.final ? "DECIDER" : staffRoleFor(viewer);
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const moved = await tx.grantReport.updateMany({
        where: { id: report.id, status: report.status, version: report.version },
        data: {
          status: allowed.to,
          version: report.version + 1,
          ...(action === "request-info"
            ? {
                infoQuestions: extra.questions,
                infoDueAt: extra.dueAt,
                infoRequestedById: viewer.userId,
                proposedById: null,
                proposedAt: null,
              }
            : action === "propose"
              ? { proposedById: viewer.userId, proposedAt: at }
              : { acceptedById: viewer.userId, acceptedAt: at }),
        },
      });
      if (moved.count !== 1) throw new Refused(REPORT_MESSAGES.notAllowed(report.status, action));
      const auditAction =
        action === "request-info" ? "report.info-requested" : action === "propose" ? "report.acceptance-proposed" : "report.accepted";
      await audit(tx, context, report.id, viewer.userId, role, auditAction, report.status, allowed.to, at, extra.questions);
      // The proposal is internal: the applicant still reads "being assessed", so no e-mail.
      if (action === "request-info" && extra.questions && extra.dueAt) {
        await mailApplicants(tx, context, report.id, allowed.to, report.version + 1, {
          kind: "info-requested",
          questions: extra.questions,
          dueAt: extra.dueAt,
        });
      } else if (action === "accept") {
        await mailApplicants(tx, context, report.id, allowed.to, report.version + 1, { kind: "accepted" });
      }
      return { ok: true as const };
    }),
  );
}

export const REPORT_REVIEW_MESSAGES = {
  invalidDate: "Geef een geldige datum op.",
  dueInPast: "De datum om te antwoorden moet in de toekomst liggen.",
  questionsRequired: "Schrijf de vraag aan de aanvrager.",
} as const;

/** Questions with a date to answer by (end of that Brussels day); the applicant changes and resubmits. */
export function requestReportInformation(input: { viewer: Viewer; context: ReportContext; questions: string; dueDate: string }) {
  const questions = input.questions.trim();
  if (!questions)
    return Promise.resolve<ReportResult>({ ok: false, field: "questions", message: REPORT_REVIEW_MESSAGES.questionsRequired });
  const dueAt = deadlineFromWallClock(input.dueDate, "23:59");
  if (!dueAt) return Promise.resolve<ReportResult>({ ok: false, field: "dueDate", message: REPORT_REVIEW_MESSAGES.invalidDate });
  if (dueAt <= now()) return Promise.resolve<ReportResult>({ ok: false, field: "dueDate", message: REPORT_REVIEW_MESSAGES.dueInPast });
  return moveReport(input.viewer, input.context, "request-info", { questions, dueAt });
}

export function proposeReportAcceptance(input: { viewer: Viewer; context: ReportContext }) {
  return moveReport(input.viewer, input.context, "propose");
}

export function acceptReport(input: { viewer: Viewer; context: ReportContext }) {
  return moveReport(input.viewer, input.context, "accept");
}

/**
 * The settlement's figure from the accepted final report, if there is one (docs/decisions/0057):
 * learners reached or the costs in cents, read from its answers with its own form version.
 */
export async function acceptedFinalReportFigures(
  dossier: { id: string; call: { settings: string } },
  db: Pick<Tx, "grantReport"> = prisma,
): Promise<SettlementFigures | null> {
  const final = finalReport(phasesOf(dossier));
  if (!final) return null;
  const row = await readReport(db, dossier.id, final.key);
  if (!row || row.status !== "ACCEPTED") return null;
  const form = await requireForm(row.formKey, row.formVersion);
  const settings = form.parseSettings(parseJsonObject(dossier.call.settings));
  const { parsed } = validateForm(form, rawValues(JSON.parse(row.data)), settings, NO_FILES);
  return reportFigure(parsed);
}

/** The reports of a dossier for the staff page: status, answers, and what the viewer may do. */
export async function reportsForStaff(viewer: Viewer, dossier: ReportDossier) {
  const phases = reportPhases(phasesOf(dossier));
  const contexts = (await Promise.all(phases.map((phase) => loadReport(dossier, phase.key)))).filter((c): c is ReportContext => c !== null);
  const ids = contexts
    .flatMap((c) => [c.report?.submittedById, c.report?.proposedById, c.report?.acceptedById])
    .filter((id): id is string => !!id);
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } });
  const name = (id: string | null | undefined) => {
    const user = users.find((u) => u.id === id);
    return user ? `${user.firstName} ${user.lastName}` : null;
  };
  const actor = { userId: viewer.userId, roles: viewer.staffRoles };
  return contexts.map((context) => {
    const report = context.report;
    const state = { status: context.status, final: context.final, proposedById: report?.proposedById ?? null };
    const can = (action: ReportAction) => report !== null && checkReportTransition(state, action, actor).ok;
    return {
      phaseKey: context.phase.key,
      title: context.phase.title,
      final: context.final,
      status: REPORT_STATUS_LABELS[context.status],
      submitted: report?.submittedAt ? `${name(report.submittedById) ?? "?"}, ${formatDateTime(report.submittedAt)}` : null,
      proposedBy: report?.proposedAt ? `${name(report.proposedById) ?? "?"}, ${formatDateTime(report.proposedAt)}` : null,
      acceptedBy: report?.acceptedAt ? `${name(report.acceptedById) ?? "?"}, ${formatDateTime(report.acceptedAt)}` : null,
      infoQuestions: context.status === "INFO_REQUESTED" ? (report?.infoQuestions ?? null) : null,
      sections: report?.submittedAt ? sectionsOf(context) : [],
      can: {
        requestInfo: can("request-info"),
        propose: can("propose"),
        accept: can("accept"),
        // A proposal the viewer made: only four-eyes stands in the way.
        fourEyesBlocked: context.final && context.status === "ACCEPTANCE_PROPOSED" && hasRole(viewer, "DECIDER") && !can("accept"),
      },
    };
  });
}

/** The report's status per phase key, for the timeline. */
export async function reportStatuses(applicationId: string): Promise<Map<string, ReportStatus>> {
  const rows = await prisma.grantReport.findMany({ where: { applicationId }, select: { phaseKey: true, status: true } });
  return new Map(rows.map((row) => [row.phaseKey, reportStatusSchema.parse(row.status)]));
}
