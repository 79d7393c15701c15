import { recordAudit } from "~/audit/audit.server";
import { prisma, type Tx } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { listFormVersions, resolveForm } from "~/forms/form-store.server";
import { rubricFor } from "~/review/rubric";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import { parseJsonObject } from "~/utils/json";
import type { CallInput } from "./call-form";
import { notifyCallDatesChanged } from "./call-notices.server";
import {
  changedDates,
  checkFormVersionChange,
  checkRubricChange,
  dateChangeNeedsNotice,
  describeDateChange,
  keepUnchangedMinute,
  type CallDates,
} from "./call-rules";
import { callPhase } from "./call-state";
import { callSummarySelect } from "./calls.server";
import { changedFields } from "~/utils/changes";
import { AGENCY } from "~/documents/agency";
import { letterSettingsWithoutDefaults, programmeLetterTexts, type LetterProgramme } from "~/documents/letter-texts";
import { letterFormValues } from "./letter-form";
import { programmeKindSchema } from "~/programmes/programme-form";

/** Administrators' side of calls: list, create, edit (docs/decisions/0019-call-administration.md). */

export const CALL_ADMIN_MESSAGES = {
  unknownProgramme: "Dit programma bestaat niet.",
  unknownForm: "Deze formulierversie bestaat niet.",
  invalidSettings: "Deze instelling is ongeldig voor het gekozen formulier.",
  created: "De oproep is aangemaakt.",
  unchanged: "Er was niets gewijzigd.",
  updated: "De oproep is bijgewerkt.",
  updatedAndTold: (count: number) =>
    `De oproep is bijgewerkt. ${count === 1 ? "1 e-mail" : `${count} e-mails`} over de gewijzigde data ${count === 1 ? "staat" : "staan"} klaar voor de aanvragers met een concept.`,
} as const;

/** Dossiers that were submitted at least once (a reopened draft too) or went further. */
const submittedWhere = { OR: [{ submittedAt: { not: null } }, { status: { notIn: ["DRAFT", "WITHDRAWN"] } }] };

export async function listCallsForAdmin() {
  const at = now();
  const calls = await prisma.call.findMany({
    select: {
      ...callSummarySelect,
      formKey: true,
      formVersion: true,
      _count: { select: { applications: true } },
    },
    orderBy: [{ closesAt: "desc" }, { title: "asc" }],
  });
  const drafts = await prisma.application.groupBy({ by: ["callId"], where: { status: "DRAFT" }, _count: { _all: true } });
  const draftsOf = new Map(drafts.map((row) => [row.callId, row._count._all]));
  return calls.map(({ _count, opensAt, closesAt, decisionDueAt, ...call }) => ({
    ...call,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    decisionDueAt: decisionDueAt?.toISOString() ?? null,
    phase: callPhase({ opensAt, closesAt }, at),
    dossiers: _count.applications,
    drafts: draftsOf.get(call.id) ?? 0,
  }));
}

const letterProgrammeSelect = { code: true, kind: true, legalBasis: true } as const;

/** A programme as the letter's texts need it (its kind checked). */
function letterProgramme(programme: { code: string; kind: string; legalBasis: string }): LetterProgramme {
  return { code: programme.code, kind: programmeKindSchema.parse(programme.kind), legalBasis: programme.legalBasis };
}

/**
 * What the call form offers: programmes (with the letter texts a new call of each starts from)
 * and every form version (code and stored).
 */
export async function callEditorOptions() {
  const [programmes, forms] = await Promise.all([
    prisma.programme.findMany({ select: { id: true, name: true, ...letterProgrammeSelect }, orderBy: { code: "asc" } }),
    listFormVersions(),
  ]);
  return {
    programmes: programmes.map(({ id, code, name, ...programme }) => {
      const letter = letterProgramme({ code, ...programme });
      return { id, code, name, kind: letter.kind, letter: letterFormValues(programmeLetterTexts(letter), AGENCY.contact) };
    }),
    forms,
  };
}

export async function callForAdmin(callId: string) {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      programmeId: true,
      title: true,
      description: true,
      year: true,
      opensAt: true,
      closesAt: true,
      decisionDueAt: true,
      budgetCents: true,
      formKey: true,
      formVersion: true,
      settings: true,
      isDemo: true,
      programme: { select: { name: true, ...letterProgrammeSelect } },
      eligibleKinds: { select: { organisationKind: true } },
    },
  });
  if (!call) return null;
  const [submitted, drafts] = await Promise.all([
    prisma.application.count({ where: { callId, ...submittedWhere } }),
    prisma.application.count({ where: { callId, status: "DRAFT" } }),
  ]);
  const settings = parseJsonObject(call.settings);
  return {
    ...call,
    programme: { name: call.programme.name, ...letterProgramme(call.programme) },
    settings,
    rubric: rubricFor(call.formKey, settings),
    eligibleKinds: call.eligibleKinds.map((k) => k.organisationKind),
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    decisionDueAt: call.decisionDueAt?.toISOString() ?? null,
    phase: callPhase(call, now()),
    submitted,
    drafts,
  };
}

export type CallSaveResult = { ok: true; callId: string; message: string; emailsQueued: number } | { ok: false; errors: FieldErrors };

/**
 * The settings to store: the current ones (rates of other forms, project period, …) with the
 * chosen form's editable keys, the rubric and the letter's texts replaced. Checked with the
 * form's own schema. Letter texts equal to the programme's are not stored (they follow it).
 */
async function nextSettings(
  tx: Tx,
  current: Record<string, unknown>,
  input: CallInput,
  programme: LetterProgramme,
): Promise<{ ok: true; settings: Record<string, unknown> } | { ok: false; errors: FieldErrors }> {
  const form = await resolveForm(input.form.key, input.form.version, tx);
  if (!form) return { ok: false, errors: { formVersion: CALL_ADMIN_MESSAGES.unknownForm } };
  const settings: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(input.settings)) {
    if (value === undefined) delete settings[key];
    else settings[key] = value;
  }
  // A call without its own rubric keeps following its form's default while it is unchanged.
  const isDefault = JSON.stringify(input.rubric) === JSON.stringify(rubricFor(input.form.key, {}));
  if (current.rubric !== undefined || !isDefault) settings.rubric = input.rubric;
  const letter = letterSettingsWithoutDefaults(input.letter, programme, AGENCY.contact);
  if (Object.keys(letter).length > 0) settings.letter = letter;
  else delete settings.letter;
  try {
    form.parseSettings(settings);
  } catch {
    const field = Object.keys(input.settings)[0];
    const formField =
      field === "ratePerLearnerCents" ? "ratePerLearner" : field === "amountPerPlanCents" ? "amountPerPlan" : (field ?? "formVersion");
    return { ok: false, errors: { [formField]: CALL_ADMIN_MESSAGES.invalidSettings } };
  }
  return { ok: true, settings };
}

function snapshot(call: {
  title: string;
  description: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  decisionDueAt: Date | null;
  budgetCents: number | null;
  formKey: string;
  formVersion: number;
  settings: string;
  eligibleKinds: string[];
}) {
  return {
    title: call.title,
    description: call.description,
    year: call.year,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    decisionDueAt: call.decisionDueAt?.toISOString() ?? null,
    budgetCents: call.budgetCents,
    form: `${call.formKey}@${call.formVersion}`,
    settings: parseJsonObject(call.settings),
    eligibleKinds: [...call.eligibleKinds].sort(),
  };
}

function callData(input: CallInput, settings: Record<string, unknown>) {
  return {
    title: input.title,
    description: input.description,
    year: input.year,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    decisionDueAt: input.decisionDueAt,
    budgetCents: input.budgetCents,
    formKey: input.form.key,
    formVersion: input.form.version,
    settings: JSON.stringify(settings),
  };
}

export async function createCall(viewer: Pick<Viewer, "userId">, input: CallInput): Promise<CallSaveResult> {
  return prisma.$transaction(async (tx) => {
    const programme = input.programmeId
      ? await tx.programme.findUnique({ where: { id: input.programmeId }, select: { id: true, ...letterProgrammeSelect } })
      : null;
    if (!programme) return { ok: false as const, errors: { programmeId: CALL_ADMIN_MESSAGES.unknownProgramme } };
    const settings = await nextSettings(tx, {}, input, letterProgramme(programme));
    if (!settings.ok) return settings;
    const at = now();
    const call = await tx.call.create({
      data: {
        programmeId: programme.id,
        ...callData(input, settings.settings),
        createdAt: at,
        eligibleKinds: { create: input.eligibleKinds.map((organisationKind) => ({ organisationKind })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: "ADMIN",
      action: "call.created",
      entityType: "Call",
      entityId: call.id,
      after: { programmeId: programme.id, ...snapshot({ ...callData(input, settings.settings), eligibleKinds: input.eligibleKinds }) },
      at,
    });
    return { ok: true as const, callId: call.id, message: CALL_ADMIN_MESSAGES.created, emailsQueued: 0 };
  });
}

/**
 * Saves an administrator's edit of a call, in one transaction: the rules (frozen form
 * version, scored criteria), the change, its audit line (before → after), and, when dates
 * change after the call opened, a separate audit line and an e-mail to every member of an
 * organisation with a draft.
 */
export async function updateCall(viewer: Pick<Viewer, "userId">, callId: string, input: CallInput): Promise<CallSaveResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.call.findUniqueOrThrow({
      where: { id: callId },
      select: {
        title: true,
        description: true,
        year: true,
        opensAt: true,
        closesAt: true,
        decisionDueAt: true,
        budgetCents: true,
        formKey: true,
        formVersion: true,
        settings: true,
        eligibleKinds: { select: { organisationKind: true } },
        programme: { select: letterProgrammeSelect },
      },
    });
    const currentKinds = current.eligibleKinds.map((k) => k.organisationKind);
    const submitted = await tx.application.count({ where: { callId, ...submittedWhere } });
    const frozen = checkFormVersionChange({ key: current.formKey, version: current.formVersion }, input.form, submitted);
    if (frozen) return { ok: false as const, errors: { formVersion: frozen } };

    const currentSettings = parseJsonObject(current.settings);
    const scored = await tx.assessment.findMany({
      where: { application: { callId } },
      select: { criterionKey: true },
      distinct: ["criterionKey"],
    });
    const rubricIssue = checkRubricChange(
      rubricFor(current.formKey, currentSettings),
      input.rubric,
      new Set(scored.map((s) => s.criterionKey)),
    );
    if (rubricIssue) return { ok: false as const, errors: { rubric: rubricIssue } };

    const settings = await nextSettings(tx, currentSettings, input, letterProgramme(current.programme));
    if (!settings.ok) return settings;

    input = {
      ...input,
      opensAt: keepUnchangedMinute(current.opensAt, input.opensAt),
      closesAt: keepUnchangedMinute(current.closesAt, input.closesAt),
      decisionDueAt: keepUnchangedMinute(current.decisionDueAt, input.decisionDueAt),
    };
    const data = callData(input, settings.settings);
    const before = snapshot({ ...current, eligibleKinds: currentKinds });
    const after = snapshot({ ...data, eligibleKinds: input.eligibleKinds });
    const diff = changedFields(before, after);
    if (diff.keys.length === 0) return { ok: true as const, callId, message: CALL_ADMIN_MESSAGES.unchanged, emailsQueued: 0 };

    const at = now();
    await tx.call.update({ where: { id: callId }, data });
    if (diff.keys.includes("eligibleKinds")) {
      await tx.callEligibleKind.deleteMany({ where: { callId } });
      await tx.callEligibleKind.createMany({ data: input.eligibleKinds.map((organisationKind) => ({ callId, organisationKind })) });
    }
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: "ADMIN",
      action: "call.updated",
      entityType: "Call",
      entityId: callId,
      before: diff.before,
      after: diff.after,
      at,
    });

    const beforeDates: CallDates = { opensAt: current.opensAt, closesAt: current.closesAt, decisionDueAt: current.decisionDueAt };
    const changes = changedDates(beforeDates, { opensAt: input.opensAt, closesAt: input.closesAt, decisionDueAt: input.decisionDueAt });
    let emailsQueued = 0;
    if (dateChangeNeedsNotice(beforeDates, changes, at)) {
      emailsQueued = await notifyCallDatesChanged(tx, { callId, changes, note: input.changeNote, changedAt: at });
      await recordAudit(tx, {
        actorId: viewer.userId,
        actorRole: "ADMIN",
        action: "call.dates-changed",
        entityType: "Call",
        entityId: callId,
        before: Object.fromEntries(changes.map((c) => [c.field, c.before?.toISOString() ?? null])),
        after: Object.fromEntries(changes.map((c) => [c.field, c.after?.toISOString() ?? null])),
        reason: [changes.map(describeDateChange).join("; "), input.changeNote].filter(Boolean).join(" — "),
        at,
      });
    }
    return {
      ok: true as const,
      callId,
      message: emailsQueued > 0 ? CALL_ADMIN_MESSAGES.updatedAndTold(emailsQueued) : CALL_ADMIN_MESSAGES.updated,
      emailsQueued,
    };
  });
}
