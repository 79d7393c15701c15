import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Where uploaded files live on disk: `UPLOAD_DIR` (default ./data/uploads), flat, under random
 * names without extension; unfinished uploads go to its `tmp/` folder first, so a move into
 * place is a rename on the same file system. Read at call time, so tests can point it at a
 * temp dir per test file.
 */
export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR ?? "./data/uploads");
}

export function tempDir(): string {
  return path.join(uploadDir(), "tmp");
}

export async function ensureUploadDirs(): Promise<void> {
  await mkdir(tempDir(), { recursive: true, mode: 0o700 });
}

/** 128 random bits as hex: nothing of the user's file name ever reaches the disk. */
export function randomStoredName(): string {
  return randomBytes(16).toString("hex");
}

export function storedPath(storedName: string): string {
  if (!/^[a-f0-9]{32}$/.test(storedName)) throw new Error(`Ongeldige opslagnaam: ${storedName}`);
  return path.join(uploadDir(), storedName);
}

export function newTempPath(): string {
  return path.join(tempDir(), `${randomStoredName()}.part`);
}

export async function removeQuietly(file: string): Promise<void> {
  if (file) await rm(file, { force: true });
}
