import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { listFormVersions, resolveForm, saveStoredForm, storedFormJson, type SaveFormResult } from "~/forms/form-store.server";
import type { AnyFormDefinition } from "~/forms/registry";
import { compileStoredForm, readStoredFormJson } from "~/forms/stored-form";
import type { Field } from "~/forms/types";
import { now } from "~/utils/clock.server";

/** Administrators' view of form versions: those in code and those stored as JSON (0015). */

export type FormPreview = {
  key: string;
  version: number;
  title: string;
  steps: Array<{ id: string; title: string; intro?: string; fields: Field[]; computed: string[] }>;
};

/** Steps and fields as plain data (no rule functions), for a read-only preview. */
function preview(form: AnyFormDefinition): FormPreview {
  return {
    key: form.key,
    version: form.version,
    title: form.title,
    steps: form.steps.map((step) => ({
      id: step.id,
      title: step.title,
      intro: step.intro,
      fields: step.fields,
      computed: (step.computed ?? []).map((line) => line.label),
    })),
  };
}

export async function formVersionsOverview() {
  const [versions, usage] = await Promise.all([
    listFormVersions(),
    prisma.call.groupBy({ by: ["formKey", "formVersion"], _count: { _all: true } }),
  ]);
  const callsOf = new Map(usage.map((row) => [`${row.formKey}@${row.formVersion}`, row._count._all]));
  return versions.map((version) => ({ ...version, calls: callsOf.get(`${version.key}@${version.version}`) ?? 0 }));
}

export async function formVersionDetail(key: string, version: number) {
  const form = await resolveForm(key, version);
  if (!form) return null;
  const [json, row, calls] = await Promise.all([
    storedFormJson(key, version),
    prisma.formVersion.findUnique({ where: { key_version: { key, version } }, select: { createdAt: true, createdById: true } }),
    prisma.call.findMany({
      where: { formKey: key, formVersion: version },
      select: { id: true, title: true },
      orderBy: { closesAt: "desc" },
    }),
  ]);
  const author = row?.createdById
    ? await prisma.user.findUnique({ where: { id: row.createdById }, select: { firstName: true, lastName: true } })
    : null;
  return {
    preview: preview(form),
    stored: json !== null,
    json: json ? JSON.stringify(json, null, 2) : null,
    createdAt: row?.createdAt.toISOString() ?? null,
    createdBy: author ? `${author.firstName} ${author.lastName}` : null,
    calls,
  };
}

/** Checks pasted JSON and shows what it would look like, without saving anything. */
export function previewFormJson(json: string): { ok: true; preview: FormPreview } | { ok: false; errors: { definition: string } } {
  const parsed = readStoredFormJson(json);
  if (!parsed.ok) return parsed;
  return { ok: true, preview: preview(compileStoredForm(parsed.data)) };
}

/** Saves a new stored form version and records who did it. Nothing is ever overwritten. */
export async function addFormVersion(viewer: Pick<Viewer, "userId">, json: string): Promise<SaveFormResult> {
  return prisma.$transaction(async (tx) => {
    const result = await saveStoredForm(json, viewer.userId, tx);
    if (!result.ok) return result;
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: "ADMIN",
      action: "form-version.created",
      entityType: "FormVersion",
      entityId: `${result.key}@${result.version}`,
      after: { key: result.key, version: result.version },
      at: now(),
    });
    return result;
  });
}
