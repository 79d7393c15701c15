import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { MAX_REQUEST_BYTES, UPLOAD_MESSAGES } from "./attachments/file-types";
import { NonceProvider } from "./components/nonce";
import { startBackgroundJobs as start } from "./jobs.server";
import { FORM_POST_MESSAGES, MAX_FORM_BYTES } from "./utils/form-post.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const callback = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [callback]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// Unexpected errors are logged with the request id that the error page shows as "referentie".
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  console.error(`[fout ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
};

/** Called by server.js once the HTTP server listens; returns a function that stops the jobs. */
export const startBackgroundJobs = start;

/** For server.js, which enforces them while the body streams (server/body-limit.js). */
export const requestBodyLimits = {
  form: { bytes: MAX_FORM_BYTES, title: "Dit formulier is te groot", message: FORM_POST_MESSAGES.tooLarge },
  upload: { bytes: MAX_REQUEST_BYTES, title: "Dit formulier is te groot", message: UPLOAD_MESSAGES.requestTooLarge },
};
