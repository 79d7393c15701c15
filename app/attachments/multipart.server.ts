/**
 * multipart/form-data (RFC 7578) read with busboy, which finds the boundaries and parses the
 * part headers (file names with ";" and "=" included). This module adds what the portal needs
 * on top: our limits turned into errors, the browser's file name made usable, and one place
 * that tells a broken body from a refusal of ours. See docs/decisions/0008.
 */
import busboy from "busboy";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import StreamSearch from "streamsearch";

export class MultipartError extends Error {}

export type MultipartLimits = {
  /** A text field is at most this long */
  maxFieldBytes: number;
  /** A file is read up to one byte past this; the rest of that part is skipped */
  maxFileBytes: number;
  maxParts: number;
};

export type FilePart = {
  name: string;
  /** As the browser sent it, last path segment only; "" for a file input left empty */
  filename: string;
  contentType: string;
  /** The content; ends after maxFileBytes + 1 bytes at most */
  stream: Readable;
};

export type MultipartHandler = {
  field(name: string, value: string): void;
  /**
   * Reads `part.stream` to its end. busboy waits for it before it parses on (a slow disk slows
   * the upload instead of filling memory), so it must read on or throw.
   */
  file(part: FilePart): Promise<void>;
};

/** The boundary of a multipart/form-data content type, or null for any other type. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * Feeds the fields and files of `body` to `handler`, in order. Resolves once every file
 * handler has finished. Rejects with the body's own error when reading it failed (too large,
 * broken off), with a MultipartError for a malformed form or one over our limits, and with a
 * file handler's error (e.g. a full disk) as it is; in every case only after all file handlers
 * have settled, so the caller can remove what they wrote.
 */
export async function parseMultipart(
  body: AsyncIterable<Uint8Array>,
  contentType: string,
  limits: MultipartLimits,
  handler: MultipartHandler,
): Promise<void> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Our own last-segment rule below: busboy's would turn ".." into "".
      preservePath: true,
      // Browsers send names as UTF-8; broken bytes become U+FFFD and the file name check refuses them.
      defParamCharset: "utf8",
      // One past each limit: busboy reports a value that reaches its limit, ours refuse one over it.
      limits: { fieldSize: limits.maxFieldBytes + 1, fileSize: limits.maxFileBytes + 1, parts: limits.maxParts + 1 },
    });
  } catch {
    throw new MultipartError("Het formulier heeft geen geldige scheiding tussen delen.");
  }

  const counter = new PartCounter(multipartBoundary(contentType) ?? "");
  let partsSeen = 0;
  // Boxed: what is thrown again is exactly what was caught, of whatever type.
  const failed: { source: { error: unknown } | null; refusal: { error: unknown } | null } = { source: null, refusal: null };
  const files: Array<Promise<void>> = [];
  // A refusal of ours, or a file handler's failure: stops the parse unless busboy already failed.
  const refuse = (error: unknown) => {
    if (parser.errored) return;
    failed.refusal ??= { error };
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  };

  parser.on("field", (rawName, value, info) => {
    partsSeen += 1;
    if (failed.refusal) return;
    const name = formName(rawName);
    if (!name) return refuse(new MultipartError("Een deel van het formulier heeft geen naam."));
    if (info.valueTruncated) return refuse(new MultipartError(`Het veld ${name} is te lang.`));
    handler.field(name, value);
  });
  parser.on("file", (rawName, stream, info) => {
    // busboy destroys the stream with its error when the body breaks off, maybe before the
    // handler reads it (it first opens a temp file); the handler still gets the error then.
    stream.on("error", () => {});
    partsSeen += 1;
    const name = formName(rawName);
    if (failed.refusal || !name) {
      stream.resume();
      if (!name) refuse(new MultipartError("Een deel van het formulier heeft geen naam."));
      return;
    }
    const part = { name, filename: browserFileName(info.filename), contentType: info.mimeType, stream };
    files.push(handler.file(part).catch(refuse));
  });
  parser.on("partsLimit", () => refuse(new MultipartError("Te veel delen in het formulier.")));

  async function* source() {
    try {
      for await (const chunk of body) {
        counter.push(chunk);
        yield chunk;
      }
    } catch (error) {
      failed.source = { error };
      throw error;
    }
  }

  let parseError: unknown = null;
  try {
    await pipeline(Readable.from(source(), { objectMode: false }), parser);
  } catch (error) {
    parseError = error;
  }
  await Promise.allSettled(files);
  if (failed.source) throw failed.source.error;
  if (failed.refusal) throw failed.refusal.error;
  // busboy's own errors: "Unexpected end of form", "Malformed part header", ...
  if (parseError) throw new MultipartError(parseError instanceof Error ? parseError.message : "Ongeldig formulier.");
  // busboy drops a part without (a valid) Content-Disposition without a word; we refuse the form.
  if (counter.opened > partsSeen) throw new MultipartError("Een deel van het formulier heeft geen naam.");
}

/**
 * Counts the parts a body opens: delimiters followed by CRLF, up to the closing one (followed
 * by "--"). The same search busboy runs (streamsearch, same needle), so both see the same
 * parts; compared with busboy's events it shows the parts busboy skipped.
 */
class PartCounter {
  opened = 0;
  private closed = false;
  /** After a delimiter: the bytes that decide what it was ("\r\n" opens a part, "--" closes) */
  private after: number[] | null = null;
  private readonly search: StreamSearch;

  constructor(boundary: string) {
    this.search = new StreamSearch(`\r\n--${boundary}`, (isMatch, data, start, end) => {
      if (data) for (let i = start; i < end && this.after; i++) this.decide(data[i]!);
      if (isMatch && !this.closed) this.after = [];
    });
    // As busboy does: the first delimiter may open the body without its CRLF.
    this.search.push(Buffer.from("\r\n"));
  }

  push(chunk: Uint8Array) {
    if (!this.closed) this.search.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  private decide(byte: number) {
    const after = this.after!;
    after.push(byte);
    if (after.length < 2) return;
    if (after[0] === 0x2d && after[1] === 0x2d) this.closed = true;
    else if (after[0] === 0x0d && after[1] === 0x0a) this.opened += 1;
    this.after = null;
  }
}

function formName(raw: string | undefined): string | undefined {
  return raw ? htmlUnescape(raw) : undefined;
}

/** Only the last path segment, as RFC 7578 section 4.2 recommends (old browsers sent C:\...). */
export function browserFileName(raw: string | undefined): string {
  return raw === undefined ? "" : (htmlUnescape(raw).split(/[/\\]/).pop() ?? "");
}

/** Browsers write `"`, LF and CR in names as %22, %0A and %0D (HTML, multipart/form-data encoding). */
function htmlUnescape(value: string): string {
  return value.replace(/%(22|0A|0D)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
