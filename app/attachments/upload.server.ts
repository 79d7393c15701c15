import { data } from "@remix-run/node";
import { createHash, type Hash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { BodyReadError, BodyTooLargeError, countBytes, isMultipart, readForm } from "~/utils/form-post.server";
import { MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "./file-types";
import { MultipartError, multipartBoundary, parseMultipart, type FilePart } from "./multipart.server";
import { ensureUploadDirs, newTempPath, removeQuietly } from "./storage.server";

/** A file from a form post, written to a temp file; hand it to storeAttachment or discardUploads. */
export type UploadedFile = {
  /** The name of the form's file input */
  field: string;
  /** As the browser sent it (only the last path segment); not yet sanitised */
  fileName: string;
  tempPath: string;
  /** Bytes received; for a file over the cap, the cap plus one (the rest is not read) */
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
  const contentType = request.headers.get("content-type");
  if (!contentType || !multipartBoundary(contentType) || !request.body) throw malformedResponse();

  await ensureUploadDirs();
  const formData = new FormData();
  // One slot per file part, in the order of the form, filled when that file is on disk.
  const received: Array<UploadedFile | null> = [];
  try {
    await parseMultipart(
      countBytes(request.body, maxRequestBytes),
      contentType,
      { maxFieldBytes, maxFileBytes, maxParts },
      {
        field: (name, value) => formData.append(name, value),
        file: async (part) => {
          const slot = received.push(null) - 1;
          received[slot] = await receiveFile(part, maxFileBytes);
        },
      },
    );
  } catch (error) {
    await discardUploads(received.filter((file) => file !== null));
    if (error instanceof BodyTooLargeError) throw tooLargeResponse();
    if (error instanceof MultipartError || error instanceof BodyReadError) throw malformedResponse();
    throw error;
  }
  return { formData, files: received.filter((file) => file !== null) };
}

/** Removes temp files that were not stored (e.g. the form was refused for another reason). */
export async function discardUploads(files: readonly UploadedFile[]): Promise<void> {
  await Promise.all(files.map((file) => removeQuietly(file.tempPath)));
}

/**
 * Streams one file part to a temp file, counting and hashing as it goes. Over the cap it stops
 * keeping the file but reads the part to its end, so the fields after it still arrive. A file
 * input left empty (file name "") is read and dropped. On any error nothing of it remains.
 */
async function receiveFile(part: FilePart, maxBytes: number): Promise<UploadedFile | null> {
  if (part.filename === "") {
    part.stream.resume();
    return null;
  }
  const tempPath = newTempPath();
  const hash: Hash = createHash("sha256");
  let handle: FileHandle | null = await open(tempPath, "wx", 0o600);
  let size = 0;
  try {
    // busboy's file streams have no encoding set, so they yield Buffers; the type says any.
    for await (const chunk of part.stream as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (!handle) continue;
      if (size > maxBytes) {
        await handle.close();
        handle = null;
        await removeQuietly(tempPath);
        continue;
      }
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle?.close();
  } catch (error) {
    await handle?.close();
    await removeQuietly(tempPath);
    throw error;
  }
  const tooLarge = size > maxBytes;
  return { field: part.name, fileName: part.filename, tempPath, sizeBytes: size, sha256: tooLarge ? "" : hash.digest("hex"), tooLarge };
}

function tooLargeResponse() {
  return data({ message: UPLOAD_MESSAGES.requestTooLarge }, { status: 413 });
}

function malformedResponse() {
  return data({ message: UPLOAD_MESSAGES.malformed }, { status: 400 });
}
