/**
 * Refuses a sample dossier that the portal itself could never have produced, so that a wrong
 * seed fails loudly instead of showing "Niet ingevuld" or a receipt that does not add up.
 */
import { attachmentCounts } from "~/applications/dossier.server";
import { sanitiseFileName } from "~/attachments/file-name";
import { ATTACHMENT_KINDS, FILE_FORMATS } from "~/attachments/file-types";
import { checkTransition } from "~/domain/application-status";
import { labelForPath } from "~/forms/display";
import { allFields, getForm, type AnyFormDefinition } from "~/forms/registry";
import type { Issue } from "~/forms/validation";
import { validateForm } from "~/forms/validation";
import { asRows } from "~/forms/values";
import type { Call } from "~/generated/prisma/client";
import { formatCents } from "~/utils/money";
import type { ProgrammeCode } from "./programmes";
import type { SampleDossier } from "./sample-dossiers";
import type { SampleFiles } from "./sample-files";

export type SampleDossierContext = {
  call: Call;
  programmeCode: ProgrammeCode;
  organisation: { id: string; kind: string; name: string };
  eligibleKinds: string[];
  files: SampleFiles;
  /** A member of the organisation acts as applicant: attachments need someone who uploaded them. */
  hasApplicant: boolean;
};

export function validateSampleDossier(dossier: SampleDossier, context: SampleDossierContext): void {
  const where = `Voorbeelddossier ${context.programmeCode} van ${context.organisation.name}`;
  checkHistory(dossier, context, where);
  const form = getForm(context.call.formKey, context.call.formVersion);
  checkFieldNames(dossier, form, where);
  checkAttachments(dossier, form, context, where);
  checkSubmission(dossier, form, form.parseSettings(JSON.parse(context.call.settings)), where);
}

function checkHistory(dossier: SampleDossier, context: SampleDossierContext, where: string): void {
  const { steps } = dossier;
  const first = steps[0];
  if (!first || first.status !== "DRAFT" || first.by !== "APPLICANT")
    throw new Error(`${where}: begint niet als concept van de aanvrager.`);
  if (!context.eligibleKinds.includes(context.organisation.kind)) throw new Error(`${where}: organisatietype komt niet in aanmerking.`);
  if (first.at < context.call.opensAt) throw new Error(`${where}: aangemaakt voor de opening van de oproep.`);
  for (let i = 1; i < steps.length; i++) {
    const previous = steps[i - 1]!;
    const step = steps[i]!;
    const check = checkTransition(previous.status, step.status, step.by);
    if (!check.ok) throw new Error(`${where}: ${check.message}`);
    if (check.needsReason && !step.reason) throw new Error(`${where}: ${step.status} zonder reden.`);
    if (step.at <= previous.at) throw new Error(`${where}: statusgeschiedenis niet chronologisch.`);
    if (step.status === "SUBMITTED" && step.at > context.call.closesAt) throw new Error(`${where}: ingediend na de deadline.`);
  }
}

/** Every answer belongs to a field of the form version (drafts too): no leftovers of old shapes. */
function checkFieldNames(dossier: SampleDossier, form: AnyFormDefinition, where: string): void {
  const fields = new Map(allFields(form).map((field) => [field.name, field]));
  for (const [name, value] of Object.entries(dossier.data)) {
    const field = fields.get(name);
    if (!field || field.type === "file")
      throw new Error(`${where}: onbekend veld "${name}" in formulier ${form.key} versie ${form.version}.`);
    if (field.type !== "repeat") continue;
    for (const row of asRows(value)) {
      const unknown = Object.keys(row).find((key) => !field.fields.some((sub) => sub.name === key));
      if (unknown) throw new Error(`${where}: onbekend veld "${name}.${unknown}" in formulier ${form.key} versie ${form.version}.`);
    }
  }
}

function checkAttachments(dossier: SampleDossier, form: AnyFormDefinition, context: SampleDossierContext, where: string): void {
  if (dossier.attachments.length > 0 && !context.hasApplicant) {
    throw new Error(`${where}: heeft bijlagen, maar de organisatie heeft geen lid dat ze kan opladen.`);
  }
  const createdAt = dossier.steps[0]!.at;
  const submittedAt = dossier.steps.find((step) => step.status === "SUBMITTED")?.at;
  for (const attachment of dossier.attachments) {
    const field = allFields(form).find((f) => f.name === attachment.fieldKey);
    if (!field || field.type !== "file")
      throw new Error(`${where}: bijlage "${attachment.fileName}" hoort bij onbekend bestandsveld "${attachment.fieldKey}".`);
    const { format } = context.files[attachment.file];
    if (!ATTACHMENT_KINDS[field.accept].formats.includes(format)) {
      throw new Error(`${where}: bijlage "${attachment.fileName}" (${format}) past niet bij "${field.label}".`);
    }
    if (sanitiseFileName(attachment.fileName, FILE_FORMATS[format].extension) !== attachment.fileName) {
      throw new Error(`${where}: bestandsnaam "${attachment.fileName}" is niet de naam die het portaal zou bewaren.`);
    }
    if (attachment.uploadedAt < createdAt || (submittedAt && attachment.uploadedAt >= submittedAt)) {
      throw new Error(`${where}: bijlage "${attachment.fileName}" is niet opgeladen tussen het aanmaken en het indienen.`);
    }
  }
}

/** A submitted dossier passed the form's validation with its files, and its amount is the form's. */
function checkSubmission(dossier: SampleDossier, form: AnyFormDefinition, settings: unknown, where: string): void {
  const isSubmitted = dossier.steps.some((step) => step.status === "SUBMITTED");
  if (!isSubmitted) {
    // The portal computes the requested amount on submission only.
    if (dossier.requestedCents !== null) throw new Error(`${where}: een concept heeft nog geen gevraagd bedrag.`);
    return;
  }
  const result = validateForm(form, dossier.data, settings, { attachmentCounts: attachmentCounts(dossier.attachments) });
  if (!result.valid) {
    throw new Error(`${where}: de antwoorden konden zo niet ingediend worden: ${describeIssues(form, result.issuesByStep)}`);
  }
  const computed = form.requestedCents(result.parsed, settings);
  if (computed !== dossier.requestedCents) {
    const show = (cents: number | null) => (cents === null ? "geen" : formatCents(cents));
    throw new Error(`${where}: gevraagd bedrag ${show(dossier.requestedCents)}, maar het formulier berekent ${show(computed)}.`);
  }
}

function describeIssues(form: AnyFormDefinition, issuesByStep: Record<string, Issue[]>): string {
  return Object.entries(issuesByStep)
    .flatMap(([stepId, issues]) => {
      const step = form.steps.find((s) => s.id === stepId)!;
      return issues.map((issue) => {
        const path = issue.path.join(".");
        return `stap "${step.title}", ${labelForPath(step.fields, path) ?? path}: ${issue.message}`;
      });
    })
    .join(" ");
}
