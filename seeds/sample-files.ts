/**
 * The documents behind the sample dossiers' attachments: two tiny, valid files in seeds/files
 * (see its README) that say they are demonstration data. Every seeded attachment is a copy of
 * one of them under a random stored name in UPLOAD_DIR, like an upload.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bytesSource, detectFileFormat } from "~/attachments/detect";
import { FILE_FORMATS, type FileFormat } from "~/attachments/file-types";
import { ensureUploadDirs, randomStoredName, removeQuietly, storedPath } from "~/attachments/storage.server";

const SOURCES = {
  pdf: "voorbeelddocument.pdf",
  xlsx: "voorbeeldrekenblad.xlsx",
} as const;

export type SampleFileKey = keyof typeof SOURCES;

export type SampleFile = {
  path: string;
  format: FileFormat;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
};

export type SampleFiles = Record<SampleFileKey, SampleFile>;

/** Reads the sample documents and recognises them the way an upload is recognised (by content). */
export async function loadSampleFiles(): Promise<SampleFiles> {
  const entries = await Promise.all(
    (Object.entries(SOURCES) as Array<[SampleFileKey, string]>).map(async ([key, name]) => {
      const path = fileURLToPath(new URL(`./files/${name}`, import.meta.url));
      const bytes = await readFile(path);
      const format = await detectFileFormat(bytesSource(bytes));
      if (format !== key) throw new Error(`Voorbeeldbestand ${name} is geen geldig ${key.toUpperCase()}-bestand.`);
      const file: SampleFile = {
        path,
        format,
        mimeType: FILE_FORMATS[format].mimeType,
        sizeBytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      };
      return [key, file] as const;
    }),
  );
  return Object.fromEntries(entries) as SampleFiles;
}

/** Copies a sample document into UPLOAD_DIR; returns its stored name. */
export async function storeSampleFile(file: SampleFile): Promise<string> {
  await ensureUploadDirs();
  const storedName = randomStoredName();
  await copyFile(file.path, storedPath(storedName), constants.COPYFILE_EXCL);
  return storedName;
}

/** Removes copies whose database rows were not written (the transaction failed). */
export async function removeStoredFiles(storedNames: readonly string[]): Promise<void> {
  await Promise.all(storedNames.map((name) => removeQuietly(storedPath(name))));
}
