import { removeAttachment, storeAttachment } from "~/attachments/attachments.server";
import { discardUploads, type UploadedFile } from "~/attachments/upload.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import type { Step } from "~/forms/types";
import type { Dossier } from "./dossier.server";

/**
 * Stores the files posted with a step and removes the one the user asked to remove. Valid
 * files are kept even when other answers of the step have errors, so nobody has to pick them
 * again. A field that takes one file gets the new file instead of the old one.
 * Returns a message per field whose file was refused.
 */
export async function applyStepFiles(input: {
  viewer: Viewer;
  dossier: Dossier;
  step: Step<unknown>;
  files: readonly UploadedFile[];
  removeAttachmentId: string | null;
  editable: boolean;
}): Promise<Record<string, string>> {
  const { dossier, viewer } = input;
  const errors: Record<string, string> = {};
  if (!input.editable) {
    await discardUploads([...input.files]);
    return errors;
  }
  for (const upload of input.files) {
    const field = input.step.fields.find((f) => f.name === upload.field);
    if (!field || field.type !== "file") {
      await discardUploads([upload]);
      continue;
    }
    const previous = dossier.attachments.filter((a) => a.fieldKey === field.name);
    const result = await prisma.$transaction(async (tx) => {
      const stored = await storeAttachment(tx, {
        applicationId: dossier.id,
        fieldKey: field.name,
        upload,
        kind: field.accept,
        uploadedById: viewer.userId,
      });
      if (stored.ok && field.maxFiles === 1) {
        for (const old of previous) await removeAttachment(tx, { attachmentId: old.id, applicationId: dossier.id, viewer });
      }
      return stored;
    });
    if (!result.ok) errors[field.name] = result.message;
  }
  const removeAttachmentId = input.removeAttachmentId;
  if (removeAttachmentId) {
    const removed = await prisma.$transaction((tx) =>
      removeAttachment(tx, { attachmentId: removeAttachmentId, applicationId: dossier.id, viewer }),
    );
    if (!removed.ok) errors.form = removed.message;
  }
  return errors;
}
