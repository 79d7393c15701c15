/**
 * What a file field accepts, as data shared by the browser (accept attribute, hints) and the
 * server (content checks, messages). Client-safe: no server imports.
 */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** A whole form post above this is refused before it is read (several files of 20 MB fit). */
export const MAX_REQUEST_BYTES = 100 * 1024 * 1024;

/** The formats we recognise by content (app/attachments/detect.ts). */
export type FileFormat = "pdf" | "xlsx" | "ods";

export const FILE_FORMATS: Record<FileFormat, { mimeType: string; extension: string }> = {
  pdf: { mimeType: "application/pdf", extension: "pdf" },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  ods: { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods" },
};

export type AttachmentKind = "pdf" | "pdf-or-spreadsheet";

type KindDefinition = {
  formats: readonly FileFormat[];
  /** For the `accept` attribute: only a convenience in the file picker, the server decides. */
  accept: string;
  /** Short hint shown under the label */
  hint: string;
  /** Shown when the content is not one of `formats` */
  wrongTypeMessage: string;
};

function acceptFor(formats: readonly FileFormat[]): string {
  return formats.flatMap((f) => [`.${FILE_FORMATS[f].extension}`, FILE_FORMATS[f].mimeType]).join(",");
}

export const ATTACHMENT_KINDS: Record<AttachmentKind, KindDefinition> = {
  pdf: {
    formats: ["pdf"],
    accept: acceptFor(["pdf"]),
    hint: "PDF, max. 20 MB",
    wrongTypeMessage: "Dit bestand is geen PDF-bestand. Kies een PDF-document.",
  },
  "pdf-or-spreadsheet": {
    formats: ["pdf", "xlsx", "ods"],
    accept: acceptFor(["pdf", "xlsx", "ods"]),
    hint: "PDF, XLSX of ODS, max. 20 MB",
    wrongTypeMessage: "Dit bestand is geen PDF-, XLSX- of ODS-bestand. Kies een PDF-document of een rekenblad in XLSX- of ODS-formaat.",
  },
};

export const UPLOAD_MESSAGES = {
  tooLarge: "Het bestand is groter dan 20 MB. Kies een kleiner bestand.",
  empty: "Het bestand is leeg. Kies een bestand met inhoud.",
  unreadableName: "De naam van het bestand kan niet gelezen worden. Geef het bestand een eenvoudige naam en kies het opnieuw.",
  required: "Voeg een bestand toe.",
  requestTooLarge: "U verstuurde in één keer meer dan 100 MB. Voeg de bestanden één voor één toe, of kies kleinere bestanden.",
  malformed: "Het formulier kon niet gelezen worden. Laad de pagina opnieuw en probeer nog eens.",
  notEditable: "De bijlagen van dit dossier kunnen niet meer gewijzigd worden.",
  notFound: "Deze bijlage bestaat niet of u hebt er geen toegang toe.",
  fileMissing: "Het bestand van deze bijlage is niet beschikbaar. Neem contact op met de helpdesk.",
} as const;

export function wrongTypeMessage(kind: AttachmentKind): string {
  return ATTACHMENT_KINDS[kind].wrongTypeMessage;
}

/** The "Verwijderen" button of a file field posts intent=remove-attachment:<id>. */
const REMOVE_PREFIX = "remove-attachment:";

export function removeAttachmentIntent(attachmentId: string): string {
  return `${REMOVE_PREFIX}${attachmentId}`;
}

/** The attachment id of a remove intent, or null when the intent is something else. */
export function parseRemoveAttachmentIntent(intent: unknown): string | null {
  if (typeof intent !== "string" || !intent.startsWith(REMOVE_PREFIX)) return null;
  const id = intent.slice(REMOVE_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

const sizeFormat = new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 1 });

/** "1,2 MB", "340 kB", "12 bytes" (binary units, so the 20 MB cap reads as "20 MB"). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${sizeFormat.format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}
