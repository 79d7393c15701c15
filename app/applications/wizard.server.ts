import { canEditApplication, EXTENSION_ROLES, hasRole, type Viewer } from "~/domain/permissions";
import { validateStep, issuesToErrors, type Issue } from "~/forms/validation";
import type { RawRow, RawValues, Step } from "~/forms/types";
import { stepAnswersSchema, stepControlsSchema } from "~/forms/step-post.server";
import { asRows, isVisible, pickFields } from "~/forms/values";
import { displayFields, labelForPath } from "~/forms/display";
import { now } from "~/utils/clock.server";
import { attachmentCounts, dossierEditability, findStep, loadDossier, stepFingerprint, type Dossier } from "./dossier.server";
import { withdrawability } from "./editability";
import { saveStep } from "./drafts.server";
import { applyStepFiles } from "./step-files.server";
import { discardUploads } from "~/attachments/upload.server";
import { invariant } from "~/utils/invariant";
import type { FormPost } from "~/utils/read-form-post.server";

export type StepState = "complete" | "incomplete" | "empty";

export function stepStates(dossier: Dossier): Array<{ id: string; title: string; state: StepState }> {
  const context = { attachmentCounts: attachmentCounts(dossier.attachments) };
  return dossier.form.steps.map((step) => {
    const { issues } = validateStep(step, dossier.values, dossier.settings, context);
    const touched = step.fields.some((field) =>
      field.type === "file" ? (context.attachmentCounts[field.name] ?? 0) > 0 : hasContent(dossier.values[field.name]),
    );
    return { id: step.id, title: step.title, state: issues.length === 0 ? "complete" : touched ? "incomplete" : "empty" };
  });
}

function hasContent(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return value === true;
}

/** What every page of a dossier shows in its header: titles, deadline, progress. */
export function dossierHeader(dossier: Dossier) {
  return {
    id: dossier.id,
    reference: dossier.reference,
    status: dossier.status,
    formTitle: dossier.form.title,
    callTitle: dossier.call.title,
    programmeName: dossier.call.programme.name,
    organisationName: dossier.organisation.name,
    closesAt: dossier.closesAt.toISOString(),
    deadlineExtended: dossier.deadlineExtended,
    serverNow: now().toISOString(),
  };
}

export function uploadsByField(dossier: Dossier) {
  const uploads: Record<string, Array<{ id: string; fileName: string; sizeBytes: number }>> = {};
  for (const { id, fieldKey, fileName, sizeBytes } of dossier.attachments) (uploads[fieldKey] ??= []).push({ id, fileName, sizeBytes });
  return uploads;
}

/** The step page's data: the answers as typed, the version they belong to, the step list. */
export async function stepPage(viewer: Viewer, applicationId: string, stepId: string, loaded?: Dossier) {
  const dossier = loaded ?? (await loadDossier(applicationId));
  const step = findStep(dossier.form, stepId);
  if (!step) return null;
  const index = dossier.form.steps.indexOf(step);
  const editability = dossierEditability(viewer, dossier);
  return {
    header: dossierHeader(dossier),
    editability,
    /** A dossier that cannot change shows its answers, not a form (the same lines as the summary) */
    readOnly: editability.editable ? null : stepSection(dossier, step, dossier.values),
    formKey: dossier.formKey,
    formVersion: dossier.formVersion,
    storedForm: dossier.storedForm,
    settings: dossier.settings,
    stepId: step.id,
    stepIndex: index,
    steps: stepStates(dossier),
    values: pickFields(step.fields, dossier.values),
    version: dossier.version,
    fingerprint: stepFingerprint(step, dossier.values),
    uploads: uploadsByField(dossier),
    lastSavedAt: dossier.lastSavedAt?.toISOString() ?? null,
    lastSavedByName: dossier.lastSavedByName,
  };
}

export type StepIntent =
  | { kind: "save" | "next" | "previous" | "autosave" }
  | { kind: "goto"; stepId: string }
  | { kind: "add-row"; field: string }
  | { kind: "remove-row"; field: string; index: number }
  | { kind: "remove-attachment"; attachmentId: string };

export function parseStepIntent(value = "save"): StepIntent {
  const [kind, a, b] = value.split(":");
  if (kind === "next" || kind === "previous" || kind === "autosave") return { kind };
  if (kind === "goto" && a) return { kind, stepId: a };
  if (kind === "add-row" && a) return { kind, field: a };
  if (kind === "remove-row" && a && /^\d+$/.test(b ?? "")) return { kind, field: a, index: Number(b) };
  if (kind === "remove-attachment" && a) return { kind, attachmentId: a };
  return { kind: "save" };
}

/** Adds an empty row to, or removes one from, a repeatable block of the posted answers (also for reports). */
export function applyRowIntent(step: Step<unknown>, values: RawValues, intent: StepIntent): { values: RawValues; focusPath?: string } {
  if (intent.kind !== "add-row" && intent.kind !== "remove-row") return { values };
  const field = step.fields.find((f) => f.name === intent.field && f.type === "repeat");
  if (!field || field.type !== "repeat") return { values };
  const rows = asRows(values[field.name]);
  if (intent.kind === "add-row") {
    if (rows.length >= field.maxRows) return { values };
    const row: RawRow = Object.fromEntries(field.fields.map((sub) => [sub.name, sub.type === "checkboxes" ? [] : ""]));
    const first = field.fields[0];
    return {
      values: { ...values, [field.name]: [...rows, row] },
      focusPath: first ? `${field.name}.${rows.length}.${first.name}` : undefined,
    };
  }
  return { values: { ...values, [field.name]: rows.filter((_, index) => index !== intent.index) } };
}

export type StepPostResult =
  | { kind: "redirect"; to: string }
  | { kind: "autosaved"; version: number; fingerprint: string; savedAt: string }
  | {
      kind: "shown";
      outcome: "saved" | "refused" | "conflict";
      values: RawValues;
      errors: Record<string, string>;
      message?: string;
      /** A refused save: the typed answers as read-only lines */
      answers?: StepSection;
      focusPath?: string;
      conflict?: { theirs: RawValues; version: number; fingerprint: string; savedByName: string | null; savedAt: string | null };
      /**
       * The version these answers were saved as. The page builds its next save on it: the answer
       * can render before the revalidated loader data, which still has the version before.
       */
      saved?: { version: number; fingerprint: string };
      revision: string;
    };

/** Handles a post of one step: save the answers, then move on, stay, or show what is wrong. */
export async function postStep(input: {
  viewer: Viewer;
  applicationId: string;
  stepId: string;
  /** The post, with the files of the step (readFormPost with files) */
  post: FormPost;
  /** The dossier as the caller just read it (the access check) */
  loaded?: Dossier;
}): Promise<StepPostResult | null> {
  const { files } = input.post;
  const before = input.loaded ?? (await loadDossier(input.applicationId));
  const step = findStep(before.form, input.stepId);
  if (!step) {
    await discardUploads(files);
    return null;
  }
  const controls = input.post.parse(stepControlsSchema);
  const answers = input.post.parse(stepAnswersSchema(step.fields));
  if (!controls.ok || !answers.ok) await discardUploads(files);
  invariant(controls.ok && answers.ok, "the step schemas read any post");
  const intent = parseStepIntent(controls.data.intent);
  const fileErrors = await applyStepFiles({
    viewer: input.viewer,
    dossier: before,
    step,
    files,
    removeAttachmentId: intent.kind === "remove-attachment" ? intent.attachmentId : null,
    editable: dossierEditability(input.viewer, before).editable,
  });
  // Only a change to the files makes the dossier loaded above out of date (autosaves never do).
  const filesChanged = files.length > 0 || intent.kind === "remove-attachment";
  const dossier = filesChanged ? await loadDossier(input.applicationId) : before;
  const { values, focusPath } = applyRowIntent(step, answers.data, intent);
  const revision = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

  const saved = await saveStep(
    {
      viewer: input.viewer,
      applicationId: dossier.id,
      stepId: step.id,
      values,
      baseVersion: controls.data.baseVersion,
      baseFingerprint: controls.data.baseFingerprint,
    },
    dossier,
  );
  if (saved.status === "refused") {
    // What was typed, shown read-only: the page offers no form to save it with.
    const answers = stepSection(dossier, step, { ...dossier.values, ...values });
    return { kind: "shown", outcome: "refused", values, errors: {}, message: saved.message, answers, revision };
  }
  if (saved.status === "conflict") {
    return {
      kind: "shown",
      outcome: "conflict",
      values,
      errors: {},
      revision,
      conflict: {
        theirs: saved.theirs,
        version: saved.version,
        fingerprint: saved.fingerprint,
        savedByName: saved.savedByName,
        savedAt: saved.savedAt?.toISOString() ?? null,
      },
    };
  }
  if (intent.kind === "autosave") {
    return { kind: "autosaved", version: saved.version, fingerprint: saved.fingerprint, savedAt: saved.savedAt.toISOString() };
  }

  const steps = dossier.form.steps;
  // By id: a stored form is compiled anew for every load, so `step` is not an element of `steps`.
  const index = steps.findIndex((candidate) => candidate.id === step.id);
  const base = `/dossiers/${dossier.id}`;
  if (intent.kind === "previous") return { kind: "redirect", to: `${base}/stap/${(steps[index - 1] ?? step).id}` };
  if (intent.kind === "goto" && findStep(dossier.form, intent.stepId)) return { kind: "redirect", to: `${base}/stap/${intent.stepId}` };

  const errors = { ...(intent.kind === "next" ? stepErrors(step, values, dossier) : {}), ...fileErrors };
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

function stepErrors(step: Step<unknown>, values: RawValues, dossier: Dossier): Record<string, string> {
  const { issues } = validateStep(step, { ...dossier.values, ...values }, dossier.settings, {
    attachmentCounts: attachmentCounts(dossier.attachments),
  });
  return issuesToErrors(issues satisfies Issue[]);
}

/** One step's answers as label/value lines, what is still missing, and its computed lines. */
function stepSection(dossier: Dossier, step: Step<unknown>, values: RawValues) {
  const names: Record<string, string[]> = {};
  for (const file of dossier.attachments) (names[file.fieldKey] ??= []).push(file.fileName);
  const { issues, parsed } = validateStep(step, values, dossier.settings, { attachmentCounts: attachmentCounts(dossier.attachments) });
  const errors = issuesToErrors(issues);
  return {
    stepId: step.id,
    title: step.title,
    rows: displayFields(step.fields, values, names, isVisible),
    problems: Object.entries(errors).map(([path, message]) => ({ label: labelForPath(step.fields, path) ?? path, message })),
    computed: (step.computed ?? []).map((line) => ({
      label: line.label,
      value: line.value(parsed, dossier.settings),
    })),
  };
}
export type StepSection = ReturnType<typeof stepSection>;

/** Every answer per step, as the summary, the print view, the receipt and a read-only step show it. */
export function dossierSections(dossier: Dossier) {
  return dossier.form.steps.map((step) => stepSection(dossier, step, dossier.values));
}

export async function summaryPage(viewer: Viewer, applicationId: string, loaded?: Dossier) {
  const dossier = loaded ?? (await loadDossier(applicationId));
  const sections = dossierSections(dossier);
  const editability = dossierEditability(viewer, dossier);
  return {
    header: dossierHeader(dossier),
    editability,
    steps: stepStates(dossier),
    sections,
    complete: sections.every((section) => section.problems.length === 0),
    version: dossier.version,
    submittedAt: dossier.submittedAt?.toISOString() ?? null,
    contentHash: dossier.contentHash,
    requestedCents: dossier.requestedCents,
  };
}

/** The receipt: only for a submitted dossier; everything as it was submitted. */
export async function receiptPage(applicationId: string, loaded?: Dossier) {
  const dossier = loaded ?? (await loadDossier(applicationId));
  if (!dossier.submittedAt || !dossier.reference || !dossier.contentHash) return null;
  return {
    header: dossierHeader(dossier),
    reference: dossier.reference,
    submittedAt: dossier.submittedAt.toISOString(),
    submittedBy: dossier.submittedByName,
    contentHash: dossier.contentHash,
    requestedCents: dossier.requestedCents,
    /** When the agency decides at the latest (the call's decision date), if the call has one */
    decisionDueAt: dossier.call.decisionDueAt?.toISOString() ?? null,
    sections: dossierSections(dossier),
  };
}

/** What the viewer can do next on a dossier's page. */
export async function dossierActions(viewer: Viewer, applicationId: string, loaded?: Dossier) {
  const dossier = loaded ?? (await loadDossier(applicationId));
  const editability = dossierEditability(viewer, dossier);
  const base = `/dossiers/${dossier.id}`;
  const links: Array<{ to: string; label: string; primary?: boolean }> = [];
  const withdrawal = withdrawability({
    status: dossier.status,
    closesAt: dossier.closesAt,
    at: now(),
    canEdit: canEditApplication(viewer, dossier),
  });
  if (editability.editable) {
    const next = stepStates(dossier).find((step) => step.state !== "complete");
    links.push({ to: next ? `${base}/stap/${next.id}` : `${base}/overzicht`, label: "Aanvraag verder invullen", primary: true });
    links.push({ to: `${base}/overzicht`, label: "Overzicht en indienen" });
  } else {
    links.push({ to: `${base}/overzicht`, label: dossier.status === "DRAFT" ? "Inhoud bekijken" : "Inhoud van de aanvraag" });
  }
  if (dossier.submittedAt) links.push({ to: `${base}/ontvangstbewijs`, label: "Ontvangstbewijs" });
  if (withdrawal.ok) links.push({ to: `${base}/intrekken`, label: "Aanvraag intrekken" });
  return {
    links,
    notice: canEditApplication(viewer, dossier) && dossier.status === "DRAFT" && !editability.editable ? editability.message : null,
    canExtend: dossier.status === "DRAFT" && hasRole(viewer, ...EXTENSION_ROLES),
    deadline: { closesAt: dossier.closesAt.toISOString(), extended: dossier.deadlineExtended, serverNow: now().toISOString() },
  };
}
