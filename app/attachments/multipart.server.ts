/**
 * A small streaming parser for multipart/form-data (RFC 7578). We do not use Remix's
 * unstable_parseMultipartFormData: its header parser throws on a file name containing ";" or
 * "=" ("begroting; definitief.pdf"), and a throw loses every other field of the form.
 * See docs/decisions/0008-uploads-checked-and-stored.md.
 */

export type PartHeaders = {
  name: string;
  /** Present for file parts (may be ""), absent for text fields */
  filename?: string;
  contentType?: string;
};

export type PartHandler = {
  start(headers: PartHeaders): Promise<void> | void;
  data(chunk: Uint8Array): Promise<void> | void;
  end(): Promise<void> | void;
};

export class MultipartError extends Error {}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a multipart/form-data content type, or null for any other type. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * Feeds the parts of `body` to `handler`, one at a time and in order. Each callback is awaited
 * before more of the body is read, so a slow disk slows the upload instead of filling memory.
 */
export async function parseMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  handler: PartHandler,
): Promise<void> {
  // Every delimiter is CRLF "--" boundary; the first one may open the body without the CRLF,
  // so we pretend the body starts with one.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = Buffer.from(CRLF);
  let state = "preamble" as "preamble" | "delimiter" | "headers" | "body" | "done";

  const step = async (): Promise<boolean> => {
    switch (state) {
      case "preamble": {
        const index = buffer.indexOf(delimiter);
        if (index < 0) {
          buffer = buffer.subarray(Math.max(0, buffer.length - delimiter.length + 1));
          return false;
        }
        buffer = buffer.subarray(index + delimiter.length);
        state = "delimiter";
        return true;
      }
      case "delimiter": {
        if (buffer.length < 2) return false;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = "done";
          return false;
        }
        const index = buffer.indexOf(CRLF);
        if (index < 0) {
          if (buffer.length > 256) throw new MultipartError("Ongeldige scheiding tussen delen.");
          return false;
        }
        // Only linear white space may stand between a delimiter and its line end.
        if (!/^[ \t]*$/.test(buffer.subarray(0, index).toString("latin1"))) {
          throw new MultipartError("Ongeldige scheiding tussen delen.");
        }
        buffer = buffer.subarray(index + CRLF.length);
        state = "headers";
        return true;
      }
      case "headers": {
        if (buffer.length >= 2 && buffer[0] === 0x0d && buffer[1] === 0x0a) {
          throw new MultipartError("Een deel van het formulier heeft geen naam.");
        }
        const index = buffer.indexOf(HEADER_END);
        if (index < 0) {
          if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError("De kop van een deel is te lang.");
          return false;
        }
        const headers = parsePartHeaders(buffer.subarray(0, index));
        buffer = buffer.subarray(index + HEADER_END.length);
        state = "body";
        await handler.start(headers);
        return true;
      }
      case "body": {
        const index = buffer.indexOf(delimiter);
        if (index < 0) {
          // Keep what could be the start of a delimiter split over two chunks.
          const safe = buffer.length - (delimiter.length - 1);
          if (safe > 0) {
            const chunk = buffer.subarray(0, safe);
            buffer = buffer.subarray(safe);
            await handler.data(chunk);
          }
          return false;
        }
        if (index > 0) await handler.data(buffer.subarray(0, index));
        buffer = buffer.subarray(index + delimiter.length);
        state = "delimiter";
        await handler.end();
        return true;
      }
      case "done":
        return false;
    }
  };

  for await (const chunk of body) {
    if (state === "done") continue; // the epilogue is ignored, but the body is still drained
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    buffer = buffer.length === 0 ? bytes : Buffer.concat([buffer, bytes]);
    while (await step()) {
      // each step consumes part of the buffer
    }
  }
  if (state !== "done") throw new MultipartError("Het formulier werd niet volledig ontvangen.");
}

function parsePartHeaders(block: Buffer): PartHeaders {
  let disposition: { name?: string; filename?: string } | null = null;
  let contentType: string | undefined;
  // Browsers send names and file names as UTF-8; broken bytes become U+FFFD and are caught
  // later by the file name check.
  for (const line of new TextDecoder("utf-8").decode(block).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) throw new MultipartError("Ongeldige kop in een deel.");
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-disposition") disposition = parseContentDisposition(value);
    else if (header === "content-type") contentType = value;
  }
  if (!disposition?.name) throw new MultipartError("Een deel van het formulier heeft geen naam.");
  return { name: disposition.name, filename: disposition.filename, contentType };
}

/** `form-data; name="x"; filename="a; b=c.pdf"` with quoted strings and RFC 5987 `filename*`. */
export function parseContentDisposition(value: string): { name?: string; filename?: string } {
  const match = /^form-data\s*/i.exec(value);
  if (!match) throw new MultipartError("Een deel van het formulier is geen formulierveld.");
  const params = new Map<string, string>();
  let i = match[0].length;
  while (i < value.length) {
    if (value[i] !== ";") throw new MultipartError("Ongeldige parameter in een deel.");
    i++;
    while (value[i] === " " || value[i] === "\t") i++;
    const eq = value.indexOf("=", i);
    if (eq < 0) break;
    const key = value.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let paramValue = "";
    if (value[i] === '"') {
      i++;
      // Quoted string. Only \" and \\ are unescaped: old browsers sent Windows paths with
      // single backslashes (C:\Users\...), which must survive for the basename below.
      while (i < value.length && value[i] !== '"') {
        if (value[i] === "\\" && (value[i + 1] === '"' || value[i + 1] === "\\")) i++;
        paramValue += value[i];
        i++;
      }
      if (value[i] !== '"') throw new MultipartError("Ongeldige parameter in een deel.");
      i++;
    } else {
      const end = value.indexOf(";", i);
      paramValue = value.slice(i, end < 0 ? value.length : end).trim();
      i = end < 0 ? value.length : end;
    }
    while (value[i] === " " || value[i] === "\t") i++;
    params.set(key, paramValue);
  }
  const extended = decodeExtendedValue(params.get("filename*"));
  const filename = extended ?? htmlUnescape(params.get("filename"));
  return {
    name: htmlUnescape(params.get("name")),
    // Only the last path segment, as RFC 7578 section 4.2 recommends.
    filename: filename === undefined ? undefined : (filename.split(/[/\\]/).pop() ?? ""),
  };
}

/** Browsers write `"`, LF and CR in names as %22, %0A and %0D (HTML, multipart/form-data encoding). */
function htmlUnescape(value: string | undefined): string | undefined {
  return value?.replace(/%(22|0A|0D)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeExtendedValue(value: string | undefined): string | undefined {
  const match = value ? /^utf-8'[^']*'(.*)$/i.exec(value) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
