import { createHash } from "node:crypto";
import { effectiveClosesAt } from "~/calls/deadline.server";
import { prisma, type PrismaClient, type Tx } from "~/db.server";
import { applicationStatusSchema } from "~/domain/application-status";
import { requireForm, storedFormJson } from "~/forms/form-store.server";
import type { AnyFormDefinition } from "~/forms/registry";
import type { RawValues, Step } from "~/forms/types";
import { pickFields } from "~/forms/values";
import { canonicalJson } from "./canonical-json";
import { draftEditability } from "./editability";
import { canEditApplication, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";

/**
 * Everything the wizard, the summary and the receipt need about one dossier: the content as
 * typed, the form version it was started with, the call's settings and the deadline that
 * applies to this organisation.
 */
export async function loadDossier(applicationId: string, db: Tx | PrismaClient = prisma) {
  const application = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      version: true,
      data: true,
      formKey: true,
      formVersion: true,
      reference: true,
      requestedCents: true,
      submittedAt: true,
      submittedById: true,
      contentHash: true,
      lastSavedAt: true,
      lastSavedById: true,
      organisationId: true,
      callId: true,
      organisation: { select: { name: true, kind: true } },
      call: {
        select: {
          title: true,
          opensAt: true,
          settings: true,
          programme: { select: { code: true, name: true, kind: true } },
        },
      },
      attachments: {
        where: { deletedAt: null },
        select: { id: true, fieldKey: true, fileName: true, sizeBytes: true, sha256: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const [form, storedForm] = await Promise.all([
    requireForm(application.formKey, application.formVersion, db),
    storedFormJson(application.formKey, application.formVersion, db),
  ]);
  const deadline = await effectiveClosesAt(db, application.callId, application.organisationId);
  const lastSavedBy = application.lastSavedById
    ? await db.user.findUnique({ where: { id: application.lastSavedById }, select: { firstName: true, lastName: true } })
    : null;
  return {
    ...application,
    status: applicationStatusSchema.parse(application.status),
    values: parseStoredValues(application.data),
    form,
    /** For the browser: a form version stored as data travels with the page */
    storedForm,
    settings: form.parseSettings(JSON.parse(application.call.settings)),
    closesAt: deadline.closesAt,
    deadlineExtended: deadline.extended,
    lastSavedByName: lastSavedBy ? `${lastSavedBy.firstName} ${lastSavedBy.lastName}` : null,
  };
}
export type Dossier = Awaited<ReturnType<typeof loadDossier>>;

/** Whether the viewer may change this dossier's content now (see editability.ts). */
export function dossierEditability(viewer: Viewer, dossier: Dossier, at: Date = now()) {
  return draftEditability({
    status: dossier.status,
    opensAt: dossier.call.opensAt,
    closesAt: dossier.closesAt,
    at,
    canEdit: canEditApplication(viewer, dossier),
  });
}

export function parseStoredValues(json: string): RawValues {
  const parsed: unknown = JSON.parse(json);
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as RawValues) : {};
}

export function attachmentCounts(attachments: ReadonlyArray<{ fieldKey: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { fieldKey } of attachments) counts[fieldKey] = (counts[fieldKey] ?? 0) + 1;
  return counts;
}

export function findStep(form: AnyFormDefinition, stepId: string): Step<unknown> | null {
  return form.steps.find((step) => step.id === stepId) ?? null;
}

/**
 * A fingerprint of one step's stored answers. The wizard posts the fingerprint it started
 * from; if the stored answers changed since, someone else edited this step.
 */
export function stepFingerprint(step: Step<unknown>, values: RawValues): string {
  return createHash("sha256").update(canonicalJson(pickFields(step.fields, values))).digest("hex").slice(0, 32);
}
