import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { prisma, type PrismaClient } from "~/db.server";
import { tempDir, uploadDir } from "./storage.server";

/**
 * A temp file (`*.part`) untouched for this long is no upload in progress: a file being
 * received is written to all the time, and a request ends after 10 minutes at most
 * (server/timeouts.js). Judged by mtime, because another server process may share UPLOAD_DIR
 * and be receiving an upload right now.
 */
export const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

/** Removes stale temp files, e.g. left by a server killed during an upload; returns their names. */
export async function sweepStaleTempFiles(maxAgeMs = STALE_TEMP_AGE_MS, at = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await namesIn(tempDir())) {
    if (!name.endsWith(".part")) continue;
    const file = path.join(tempDir(), name);
    // Another process may have stored or removed it in the meantime.
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || at - info.mtimeMs < maxAgeMs) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}

export type FileCheck = {
  /** Names of files in UPLOAD_DIR that no Attachment row refers to */
  filesWithoutRow: string[];
  /** Attachment rows whose file is not in UPLOAD_DIR */
  rowsWithoutFile: Array<{ id: string; applicationId: string; fileName: string; storedName: string; deleted: boolean }>;
  files: number;
  rows: number;
};

/** Compares UPLOAD_DIR with the Attachment rows (soft-deleted rows keep their file, see 0008). */
export async function checkStoredFiles(db: PrismaClient = prisma): Promise<FileCheck> {
  const files = new Set<string>();
  for (const name of await namesIn(uploadDir())) {
    if ((await stat(path.join(uploadDir(), name))).isFile()) files.add(name);
  }
  const rows = await db.attachment.findMany({
    select: { id: true, applicationId: true, fileName: true, storedName: true, deletedAt: true },
    orderBy: { createdAt: "asc" },
  });
  const referenced = new Set(rows.map((row) => row.storedName));
  return {
    filesWithoutRow: [...files].filter((name) => !referenced.has(name)).sort(),
    rowsWithoutFile: rows
      .filter((row) => !files.has(row.storedName))
      .map(({ deletedAt, ...row }) => ({ ...row, deleted: deletedAt !== null })),
    files: files.size,
    rows: rows.length,
  };
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
}
