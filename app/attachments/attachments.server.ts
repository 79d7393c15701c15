import { createReadableStreamFromReadable } from "@remix-run/node";
import { createHash } from "node:crypto";
import { open, rename, writeFile, type FileHandle } from "node:fs/promises";
import { recordAudit } from "~/audit/audit.server";
import { prisma, type PrismaClient, type Tx } from "~/db.server";
import { EDITABLE_STATUSES, isStatusIn, type ApplicationStatus } from "~/domain/application-status";
import { actorRoleFor, canViewApplication, isStaff, type Viewer } from "~/domain/permissions";
import type { ActorRole } from "~/domain/roles";
import { now } from "~/utils/clock.server";
import { canChangeAttachments } from "./access";
import { detectFileFormat, type ByteSource } from "./detect";
import { sanitiseFileName } from "./file-name";
import { ATTACHMENT_KINDS, FILE_FORMATS, UPLOAD_MESSAGES, type AttachmentKind, type FileFormat } from "./file-types";
import { ensureUploadDirs, randomStoredName, removeQuietly, storedPath } from "./storage.server";
import type { UploadedFile } from "./upload.server";

export type AttachmentSummary = {
  id: string;
  fieldKey: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
};

const summarySelect = {
  id: true,
  fieldKey: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
} as const;

export type StoreResult = { ok: true; attachment: AttachmentSummary } | { ok: false; message: string };

/**
 * Checks an uploaded file (size, not empty, readable name, content of an accepted kind) and
 * keeps it as an attachment of the dossier: moved from the temp folder to UPLOAD_DIR under a
 * random name, recorded with its sha-256, audited. The temp file is gone afterwards, whatever
 * the outcome. The caller has checked that the user may edit the dossier
 * (requireApplicationAccess(..., "edit")); this refuses dossiers that are no longer drafts.
 */
export async function storeAttachment(
  tx: Tx,
  input: {
    applicationId: string;
    fieldKey: string;
    upload: UploadedFile;
    kind: AttachmentKind;
    uploadedById: string;
    /** Statuses in which this upload is allowed: drafts, or e.g. an answer to a request for information */
    allowedStatuses?: readonly ApplicationStatus[];
  },
): Promise<StoreResult> {
  const { upload } = input;
  let stored: string | null = null;
  try {
    if (upload.tooLarge) return { ok: false, message: UPLOAD_MESSAGES.tooLarge };
    if (upload.sizeBytes === 0) return { ok: false, message: UPLOAD_MESSAGES.empty };
    const format = await detectStoredFormat(upload.tempPath);
    if (!format || !ATTACHMENT_KINDS[input.kind].formats.includes(format)) {
      return { ok: false, message: ATTACHMENT_KINDS[input.kind].wrongTypeMessage };
    }
    const fileName = sanitiseFileName(upload.fileName, FILE_FORMATS[format].extension);
    if (!fileName) return { ok: false, message: UPLOAD_MESSAGES.unreadableName };

    const application = await tx.application.findUnique({
      where: { id: input.applicationId },
      select: { organisationId: true, status: true },
    });
    if (!application) return { ok: false, message: UPLOAD_MESSAGES.notFound };
    const allowed = input.allowedStatuses ?? EDITABLE_STATUSES;
    if (!isStatusIn(allowed, application.status)) return { ok: false, message: UPLOAD_MESSAGES.notEditable };

    const storedName = randomStoredName();
    await ensureUploadDirs();
    await rename(upload.tempPath, storedPath(storedName));
    stored = storedPath(storedName);
    const attachment = await tx.attachment.create({
      data: {
        applicationId: input.applicationId,
        fieldKey: input.fieldKey,
        fileName,
        storedName,
        mimeType: FILE_FORMATS[format].mimeType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        uploadedById: input.uploadedById,
        createdAt: now(),
      },
      select: summarySelect,
    });
    await recordAudit(tx, {
      actorId: input.uploadedById,
      actorRole: "APPLICANT",
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: attachment.id,
      applicationId: input.applicationId,
      organisationId: application.organisationId,
      after: { fieldKey: input.fieldKey, fileName, mimeType: attachment.mimeType, sizeBytes: upload.sizeBytes, sha256: upload.sha256 },
      at: attachment.createdAt,
    });
    stored = null;
    return { ok: true, attachment };
  } finally {
    await removeQuietly(upload.tempPath);
    // The row was not written: the moved file belongs to nothing.
    if (stored) await removeQuietly(stored);
  }
}

/**
 * Stores a file the portal made itself (a decision letter) with a dossier, like an upload:
 * random stored name, sha-256, audited. The bytes are written before the row; if the
 * transaction rolls back, the file is left without a row (harmless, never served).
 */
export async function storeGeneratedFile(
  tx: Tx,
  input: {
    applicationId: string;
    organisationId: string;
    fieldKey: string;
    fileName: string;
    format: FileFormat;
    bytes: Uint8Array;
    createdById: string;
    actorRole: ActorRole;
  },
): Promise<AttachmentSummary> {
  const storedName = randomStoredName();
  await ensureUploadDirs();
  await writeFile(storedPath(storedName), input.bytes, { mode: 0o600 });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const attachment = await tx.attachment.create({
    data: {
      applicationId: input.applicationId,
      fieldKey: input.fieldKey,
      fileName: input.fileName,
      storedName,
      mimeType: FILE_FORMATS[input.format].mimeType,
      sizeBytes: input.bytes.byteLength,
      sha256,
      uploadedById: input.createdById,
      createdAt: now(),
    },
    select: summarySelect,
  });
  await recordAudit(tx, {
    actorId: input.createdById,
    actorRole: input.actorRole,
    action: "attachment.generated",
    entityType: "Attachment",
    entityId: attachment.id,
    applicationId: input.applicationId,
    organisationId: input.organisationId,
    after: { fieldKey: input.fieldKey, fileName: input.fileName, sha256 },
    at: attachment.createdAt,
  });
  return attachment;
}

/** The attachments of a dossier (optionally of one field) that were not removed, oldest first. */
export async function listAttachments(
  applicationId: string,
  fieldKey?: string,
  client: PrismaClient | Tx = prisma,
): Promise<AttachmentSummary[]> {
  return client.attachment.findMany({
    where: { applicationId, deletedAt: null, ...(fieldKey === undefined ? {} : { fieldKey }) },
    select: summarySelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export type RemoveResult = { ok: true } | { ok: false; message: string };

/**
 * Removes an attachment from a draft (soft delete: the row and file stay, so the audit trail
 * can still name them). Only members who may edit the dossier, only while it is a draft.
 */
export async function removeAttachment(
  tx: Tx,
  input: { attachmentId: string; applicationId: string; viewer: Viewer },
): Promise<RemoveResult> {
  const attachment = await tx.attachment.findFirst({
    where: { id: input.attachmentId, applicationId: input.applicationId, deletedAt: null },
    select: { id: true, fieldKey: true, fileName: true, application: { select: { organisationId: true, status: true } } },
  });
  if (!attachment || !canViewApplication(input.viewer, attachment.application)) {
    return { ok: false, message: UPLOAD_MESSAGES.notFound };
  }
  if (!canChangeAttachments(input.viewer, attachment.application)) {
    return { ok: false, message: UPLOAD_MESSAGES.notEditable };
  }
  const at = now();
  await tx.attachment.update({ where: { id: attachment.id }, data: { deletedAt: at } });
  await recordAudit(tx, {
    actorId: input.viewer.userId,
    actorRole: "APPLICANT",
    action: "attachment.remove",
    entityType: "Attachment",
    entityId: attachment.id,
    applicationId: input.applicationId,
    organisationId: attachment.application.organisationId,
    before: { fieldKey: attachment.fieldKey, fileName: attachment.fileName },
    at,
  });
  return { ok: true };
}

export type AttachmentDownload = {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  body: ReadableStream<Uint8Array>;
};

export type DownloadResult = { ok: true; download: AttachmentDownload } | { ok: false; status: 404 | 500; message: string };

/**
 * Opens an attachment for someone allowed to see its dossier (its organisation's members and
 * AgII staff). Everyone else, and removed or unknown attachments, get the same 404, so an id
 * reveals nothing about other organisations. Downloads by staff go to the audit trail.
 */
export async function openAttachmentForDownload(viewer: Viewer, attachmentId: string): Promise<DownloadResult> {
  const attachment = await prisma.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      ...summarySelect,
      storedName: true,
      deletedAt: true,
      application: { select: { id: true, organisationId: true } },
    },
  });
  if (!attachment || attachment.deletedAt || !canViewApplication(viewer, attachment.application)) {
    return { ok: false, status: 404, message: UPLOAD_MESSAGES.notFound };
  }

  // Opened before the audit line is written: only a file that can be sent counts as downloaded.
  let handle: FileHandle;
  try {
    handle = await open(storedPath(attachment.storedName), "r");
  } catch (error) {
    console.error(`Bijlage ${attachment.id}: bestand ${attachment.storedName} kan niet geopend worden`, error);
    return { ok: false, status: 500, message: UPLOAD_MESSAGES.fileMissing };
  }
  try {
    const { size } = await handle.stat();
    if (isStaff(viewer)) {
      await prisma.$transaction((tx) =>
        recordAudit(tx, {
          actorId: viewer.userId,
          actorRole: actorRoleFor(viewer, attachment.application) ?? "SYSTEM",
          action: "attachment.download",
          entityType: "Attachment",
          entityId: attachment.id,
          applicationId: attachment.application.id,
          organisationId: attachment.application.organisationId,
          after: { fileName: attachment.fileName, sha256: attachment.sha256 },
          at: now(),
        }),
      );
    }
    return {
      ok: true,
      download: {
        fileName: attachment.fileName,
        mimeType: attachment.mimeType,
        sizeBytes: size,
        sha256: attachment.sha256,
        // Closes the file when it has been sent, or when the browser goes away.
        body: createReadableStreamFromReadable(handle.createReadStream()),
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function detectStoredFormat(file: string) {
  const handle = await open(file, "r");
  try {
    return await detectFileFormat(fileSource(handle, (await handle.stat()).size));
  } finally {
    await handle.close();
  }
}

function fileSource(handle: FileHandle, size: number): ByteSource {
  return {
    size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
  };
}
