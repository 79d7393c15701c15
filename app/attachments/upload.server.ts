import { data } from "@remix-run/node";
import { createHash, type Hash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { BodyReadError, BodyTooLargeError, countBytes, isMultipart, readForm } from "~/utils/form-post.server";
import { MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "./file-types";
import { MultipartError, multipartBoundary, parseMultipart } from "./multipart.server";
import { ensureUploadDirs, newTempPath, removeQuietly } from "./storage.server";

/** A file from a form post, written to a temp file; hand it to storeAttachment or discardUploads. */
export type UploadedFile = {
  /** The name of the form's file input */
  field: string;
  /** As the browser sent it (only the last path segment); not yet sanitised */
  fileName: string;
  tempPath: string;
  /** Bytes received, also past the cap */
  sizeBytes: number;
  /** Hex sha-256 of the content; "" when the file was too large */
  sha256: string;
  /** Larger than maxFileBytes: nothing of it is kept */
  tooLarge: boolean;
};

export type MultipartForm = { formData: FormData; files: UploadedFile[] };

export type ReadOptions = {
  maxFileBytes?: number;
  maxRequestBytes?: number;
  /** A text field is at most this long (the longest form answer is a few kB) */
  maxFieldBytes?: number;
  maxParts?: number;
};

/**
 * Reads a form post that may carry files, without JavaScript in the browser and without
 * holding files in memory: each file streams to a temp file while it is counted and hashed.
 * A file over the cap is not kept, but the rest of the request is still read, so the text
 * fields of the same post come back and the page can show them again with the error.
 *
 * Throws (as a Remix error response with a Dutch message) only for posts no browser form
 * produces: larger than maxRequestBytes (413), malformed (400), or not a form at all (415, see
 * readForm). Then no temp file remains.
 */
export async function readMultipartForm(request: Request, options: ReadOptions = {}): Promise<MultipartForm> {
  const maxFileBytes = options.maxFileBytes ?? MAX_UPLOAD_BYTES;
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const maxFieldBytes = options.maxFieldBytes ?? 1024 * 1024;
  const maxParts = options.maxParts ?? 1000;

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > maxRequestBytes) throw tooLargeResponse();

  // A form without files (the autosave, or a script) is read the ordinary way.
  if (!isMultipart(request)) return { formData: await readForm(request), files: [] };
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary || !request.body) throw malformedResponse();

  await ensureUploadDirs();
  const formData = new FormData();
  const files: UploadedFile[] = [];
  let parts = 0;
  let current: PartWriter | null = null;

  try {
    await parseMultipart(countBytes(request.body, maxRequestBytes), boundary, {
      start: async (headers) => {
        if (++parts > maxParts) throw new MultipartError("Te veel delen in het formulier.");
        current =
          headers.filename === undefined
            ? new TextPart(headers.name, maxFieldBytes)
            : new FilePart(headers.name, headers.filename, maxFileBytes);
        await current.open();
      },
      data: async (chunk) => {
        await current!.write(chunk);
      },
      end: async () => {
        const part = current!;
        current = null;
        const result = await part.close();
        if (part instanceof TextPart) formData.append(part.field, result as string);
        else if (result) files.push(result as UploadedFile);
      },
    });
  } catch (error) {
    await (current as PartWriter | null)?.discard();
    await discardUploads(files);
    if (error instanceof BodyTooLargeError) throw tooLargeResponse();
    if (error instanceof MultipartError || error instanceof BodyReadError) throw malformedResponse();
    throw error;
  }
  return { formData, files };
}

/** Removes temp files that were not stored (e.g. the form was refused for another reason). */
export async function discardUploads(files: readonly UploadedFile[]): Promise<void> {
  await Promise.all(files.map((file) => removeQuietly(file.tempPath)));
}

type PartWriter = {
  open(): Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<string | UploadedFile | null>;
  discard(): Promise<void>;
};

class TextPart implements PartWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;
  constructor(
    readonly field: string,
    private readonly maxBytes: number,
  ) {}
  async open() {}
  async write(chunk: Uint8Array) {
    this.size += chunk.byteLength;
    if (this.size > this.maxBytes) throw new MultipartError(`Het veld ${this.field} is te lang.`);
    this.chunks.push(chunk);
  }
  async close() {
    return new TextDecoder("utf-8").decode(Buffer.concat(this.chunks));
  }
  async discard() {}
}

class FilePart implements PartWriter {
  private handle: FileHandle | null = null;
  private hash: Hash = createHash("sha256");
  private size = 0;
  private tooLarge = false;
  private readonly tempPath = newTempPath();
  constructor(
    readonly field: string,
    private readonly fileName: string,
    private readonly maxBytes: number,
  ) {}

  async open() {
    // A file input left empty arrives as a part with file name "" and no content: ignored.
    if (this.fileName === "") return;
    this.handle = await open(this.tempPath, "wx", 0o600);
  }

  async write(chunk: Uint8Array) {
    this.size += chunk.byteLength;
    if (!this.handle) return;
    if (this.size > this.maxBytes) {
      // Stop keeping it, but let the parser read on to the fields after it.
      this.tooLarge = true;
      await this.discard();
      return;
    }
    this.hash.update(chunk);
    await this.handle.write(chunk);
  }

  async close(): Promise<UploadedFile | null> {
    if (this.fileName === "") return null;
    await this.handle?.close();
    this.handle = null;
    return {
      field: this.field,
      fileName: this.fileName,
      tempPath: this.tempPath,
      sizeBytes: this.size,
      sha256: this.tooLarge ? "" : this.hash.digest("hex"),
      tooLarge: this.tooLarge,
    };
  }

  async discard() {
    await this.handle?.close();
    this.handle = null;
    await removeQuietly(this.tempPath);
  }
}

function tooLargeResponse() {
  return data({ message: UPLOAD_MESSAGES.requestTooLarge }, { status: 413 });
}

function malformedResponse() {
  return data({ message: UPLOAD_MESSAGES.malformed }, { status: 400 });
}
