// How many bytes a request body may have, enforced before and while it streams, never by
// buffering it: a declared Content-Length over the limit is refused at once, a chunked body is
// counted as it arrives and cut at the limit (docs/decisions/0020-body-limits-while-streaming.md).
import { Transform } from "node:stream";
import { refuse } from "./refusal.js";

// As in remix-handler.js: every other method may carry a body that Remix would read.
const BODYLESS = new Set(["GET", "HEAD"]);

/**
 * The limit that applies to a request: the upload limit for a multipart post to a route that
 * takes files, the form limit for everything else (the app refuses multipart elsewhere).
 * `limits` come from the app (entry.server.tsx): { form, upload } with { bytes, title, message }.
 */
export function bodyLimitFor(req, limits, acceptsFiles) {
  const multipart = /^multipart\/form-data\b/i.test(req.get("content-type") ?? "");
  return multipart && acceptsFiles(req.path) ? limits.upload : limits.form;
}

export function declaredLength(req) {
  const header = req.get("content-length");
  return header === undefined ? null : Number(header);
}

/** Refuses a declared body over the limit before reading it; otherwise notes the limit for the handler. */
export function bodyLimit(limits, acceptsFiles) {
  return (req, res, next) => {
    if (BODYLESS.has(req.method)) return next();
    const limit = bodyLimitFor(req, limits, acceptsFiles);
    if ((declaredLength(req) ?? 0) > limit.bytes) return refuseTooLarge(req, res, limit);
    res.locals.bodyLimit = limit;
    next();
  };
}

export function refuseTooLarge(req, res, limit) {
  refuse(req, res, 413, limit.title, limit.message);
}

/**
 * The request body as a stream that errors once more than `limit.bytes` came through; at that
 * moment `onOverflow` runs (it answers 413). Backpressure is kept: nothing is read ahead.
 */
export function countedBody(req, limit, onOverflow) {
  let total = 0;
  const counter = new Transform({
    transform(chunk, _encoding, callback) {
      total += chunk.length;
      if (total <= limit.bytes) return callback(null, chunk);
      req.unpipe(counter);
      onOverflow();
      callback(new BodyTooLargeError());
    },
  });
  req.pipe(counter);
  return counter;
}

class BodyTooLargeError extends Error {
  constructor() {
    super("Request body larger than the limit");
    this.name = "BodyTooLargeError";
  }
}
