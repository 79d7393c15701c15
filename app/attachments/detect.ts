import type { FileFormat } from "./file-types";

/**
 * Recognises an uploaded file by its content, never by its name or the browser's content
 * type. Pure: it reads through a ByteSource, so the server passes an open temp file and tests
 * pass bytes. A renamed executable, a Word document or any other ZIP is refused (null).
 */
export type ByteSource = {
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file) */
  read(offset: number, length: number): Promise<Uint8Array>;
};

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
  };
}

const PDF_MAGIC = ascii("%PDF-");
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ODS_MIMETYPE = ascii("application/vnd.oasis.opendocument.spreadsheet");
/** A spreadsheet's central directory is a few kB; this only stops absurd archives. */
const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export async function detectFileFormat(source: ByteSource): Promise<FileFormat | null> {
  const head = await source.read(0, 64);
  if (startsWith(head, PDF_MAGIC)) return "pdf";
  if (head.byteLength >= 30 && u32(head, 0) === ZIP_LOCAL_HEADER) return detectZipFormat(source, head);
  return null;
}

async function detectZipFormat(source: ByteSource, head: Uint8Array): Promise<FileFormat | null> {
  const names = await centralDirectoryNames(source);
  if (!names) return null;
  if (await isOds(source, head)) return "ods";
  // XLSX (Office Open XML workbook). Macro-enabled workbooks (.xlsm) carry VBA: refused.
  if (
    names.includes("[Content_Types].xml") &&
    names.includes("xl/workbook.xml") &&
    !names.some((n) => n.startsWith("xl/") && n.endsWith("vbaProject.bin"))
  ) {
    return "xlsx";
  }
  return null;
}

/**
 * OpenDocument: the first entry is named "mimetype", stored uncompressed, and holds the
 * document's media type (ODF 1.2, part 3, section 3.3), so it can be read in place.
 */
async function isOds(source: ByteSource, head: Uint8Array): Promise<boolean> {
  const method = u16(head, 8);
  const nameLength = u16(head, 26);
  const extraLength = u16(head, 28);
  const name = await source.read(30, nameLength);
  if (method !== 0 || !equals(name, ascii("mimetype"))) return false;
  const content = await source.read(30 + nameLength + extraLength, ODS_MIMETYPE.byteLength);
  return equals(content, ODS_MIMETYPE);
}

/** The entry names of a well-formed ZIP archive, or null if the archive cannot be read. */
async function centralDirectoryNames(source: ByteSource): Promise<string[] | null> {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes.
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail[i] !== 0x50 || tail[i + 1] !== 0x4b) continue;
    if (u32(tail, i) === ZIP_END_OF_DIRECTORY && i + 22 + u16(tail, i + 20) <= tail.byteLength) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entryCount = u16(tail, end + 10);
  const directorySize = u32(tail, end + 12);
  const directoryOffset = u32(tail, end + 16);
  // ZIP64 markers: a spreadsheet under the upload cap never needs them.
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return null;
  if (entryCount === 0 || entryCount > MAX_ENTRIES) return null;
  if (directorySize > MAX_CENTRAL_DIRECTORY_BYTES) return null;
  if (directoryOffset + directorySize > tailStart + end) return null;

  const directory = await source.read(directoryOffset, directorySize);
  if (directory.byteLength !== directorySize) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let offset = 0;
  for (let i = 0; i < entryCount; i++) {
    if (offset + 46 > directory.byteLength || u32(directory, offset) !== ZIP_CENTRAL_HEADER) return null;
    const nameLength = u16(directory, offset + 28);
    const extraLength = u16(directory, offset + 30);
    const commentLength = u16(directory, offset + 32);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > directory.byteLength) return null;
    names.push(decoder.decode(directory.subarray(offset + 46, nameEnd)));
    offset = nameEnd + extraLength + commentLength;
  }
  return names;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.byteLength >= prefix.byteLength && equals(bytes.subarray(0, prefix.byteLength), prefix);
}

function equals(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

function u16(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(offset, true);
}

function u32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}
