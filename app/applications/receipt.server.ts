import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** Dossier reference as shown to applicants: OEF-2026-0042 (programme, call year, number in the call). */
export function formatReference(programmeCode: string, year: number, sequence: number): string {
  return `${programmeCode}-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The length of a reference of a four-digit year and at most 9,999 dossiers in the call. */
export function usualReferenceLength(programmeCode: string): number {
  return formatReference(programmeCode, 1000, 1).length;
}

export type SubmittedContent = {
  formKey: string;
  formVersion: number;
  values: unknown;
  /** The files as submitted: field, name and their own sha-256 */
  attachments: Array<{ fieldKey: string; fileName: string; sha256: string }>;
};

/**
 * The sha-256 on the receipt: over the form version, the answers and the hashes of the files,
 * in a canonical order, so anyone holding the same content can recompute it.
 */
export function submissionContentHash(content: SubmittedContent): string {
  const attachments = [...content.attachments].sort(
    (a, b) => a.fieldKey.localeCompare(b.fieldKey) || a.sha256.localeCompare(b.sha256) || a.fileName.localeCompare(b.fileName),
  );
  const text = canonicalJson({ form: `${content.formKey}@${content.formVersion}`, values: content.values, attachments });
  return createHash("sha256").update(text, "utf8").digest("hex");
}
