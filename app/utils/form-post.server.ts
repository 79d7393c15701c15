import { data } from "@remix-run/node";

/**
 * Every action reads its form through this module (by way of readFormPost in
 * ./read-form-post.server.ts), so every action answers a post that is not a form (JSON,
 * text/plain, no content type, a broken body) the same way: with a Dutch message and a 4xx
 * status, never a 500. Forms without files are urlencoded, as browsers and Remix send them;
 * multipart is for the routes that take files (app/attachments/upload.server.ts).
 */

/** A form without files is at most this large; server.js enforces the same while streaming. */
export const MAX_FORM_BYTES = 1024 * 1024;

export const FORM_POST_MESSAGES = {
  notAForm: "Dit verzoek werd niet als formulier verstuurd en kon niet verwerkt worden. Gebruik het formulier op de pagina.",
  noFiles: "Dit formulier neemt geen bestanden aan. Gebruik het formulier op de pagina.",
  tooLarge: "U verstuurde meer dan 1 MB in één formulier. Kort uw teksten in en probeer opnieuw.",
  malformed: "Het formulier kon niet gelezen worden. Laad de pagina opnieuw en probeer nog eens.",
} as const;

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/** The media type of a request without its parameters, lower case; "" when there is none. */
export function mediaType(request: Request): string {
  const [type = ""] = (request.headers.get("content-type") ?? "").split(";", 1);
  return type.trim().toLowerCase();
}

export function isMultipart(request: Request): boolean {
  return mediaType(request) === MULTIPART;
}

/** Reads a form post without files, or throws a Dutch 400/413/415 response. */
export async function readForm(request: Request): Promise<FormData> {
  const type = mediaType(request);
  if (type === MULTIPART) throw formPostError(415, FORM_POST_MESSAGES.noFiles);
  if (type !== URLENCODED) throw formPostError(415, FORM_POST_MESSAGES.notAForm);
  const text = new TextDecoder("utf-8").decode(await readBody(request, MAX_FORM_BYTES));
  const formData = new FormData();
  for (const [name, value] of new URLSearchParams(text)) formData.append(name, value);
  return formData;
}

/** The whole body, refused with 413 once it passes `maxBytes` (server.js usually stops it first). */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of countBytes(request.body, maxBytes)) {
      total += chunk.byteLength;
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw formPostError(413, FORM_POST_MESSAGES.tooLarge);
    if (error instanceof BodyReadError) throw formPostError(400, FORM_POST_MESSAGES.malformed);
    throw error;
  }
  return Buffer.concat(chunks, total);
}

export class BodyTooLargeError extends Error {}
/** The body broke off: the client went away, or server.js cut it at its limit. */
export class BodyReadError extends Error {}

/** Passes the body through while counting, and stops once it passes the limit. */
export async function* countBytes(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  // Read with a reader we release, not cancel: cancelling would destroy the connection before
  // the error page reaches the browser.
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((cause: unknown) => {
        throw new BodyReadError("The request body could not be read", { cause });
      });
      if (done) return;
      total += value.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError();
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function formPostError(status: 400 | 413 | 415, message: string) {
  return data({ message }, { status });
}
