import { callToFormValues } from "~/calls/call-form";
import type { PrismaClient } from "~/db.server";
import { programmeKindSchema } from "~/programmes/programme-form";
import { rubricFor } from "~/review/rubric";

/**
 * The body an administrator posts to /beheer/oproepen/<id> to save the call as it is, with
 * `changes` on top: the edit form filled in from the stored call, as the page does.
 */
export async function callEditForm(db: PrismaClient, callId: string, changes: Record<string, string> = {}) {
  const call = await db.call.findUniqueOrThrow({ where: { id: callId }, include: { eligibleKinds: true, programme: true } });
  const settings = JSON.parse(call.settings) as Record<string, unknown>;
  const values = callToFormValues({
    ...call,
    settings,
    eligibleKinds: call.eligibleKinds.map((k) => k.organisationKind),
    rubric: rubricFor(call.formKey, settings),
    programme: { ...call.programme, kind: programmeKindSchema.parse(call.programme.kind) },
  });
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (name === "rubric" || name === "eligibleKinds" || name === "programmeId") continue;
    body.set(name, String(value ?? ""));
  }
  for (const kind of values.eligibleKinds as string[]) body.append("eligibleKinds", kind);
  (values.rubric as Array<Record<string, string>>).forEach((row, index) => {
    for (const [field, value] of Object.entries(row)) body.set(`rubric.${index}.${field}`, value);
  });
  for (const [name, value] of Object.entries(changes)) body.set(name, value);
  return body;
}
