import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { MAX_REQUEST_BYTES, UPLOAD_MESSAGES } from "./attachments/file-types";
import { NonceProvider } from "./components/nonce";
import { startBackgroundJobs as start } from "./jobs.server";
import { databaseRateLimitStore } from "./security/rate-limit-store.server";
import { FORM_POST_MESSAGES, MAX_FORM_BYTES } from "./utils/form-post.server";

/**
 * Only a safety net for a render that hangs. The portal has no deferred or streamed data, so a
 * page is complete as soon as React has rendered it; a short abort (Remix's template has 5 s)
 * only ever hit slow renders on a loaded machine, and turned committed actions into a 500.
 */
const SAFETY_ABORT_MS = 60_000;

/**
 * How long Remix waits for the data it streams into a page (single fetch, turbo-stream); its
 * default of 4.95 s belongs with the 5 s abort above. Kept just under the abort, so a timeout
 * there can still reach the page before React is stopped.
 */
export const streamTimeout = SAFETY_ABORT_MS - 1_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let resolved = false;
    // Browsers and script clients alike get the whole page at once: the only Suspense boundary
    // is Remix's own hand-over of the loader data, so streaming the shell first (isbot's
    // onShellReady for browsers) gains nothing and only opened a window for the abort.
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={SAFETY_ABORT_MS} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          resolved = true;
          clearTimeout(timer);
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          // The status was decided by the loaders and the action (an error boundary sets its
          // own); a render problem after that is logged, never turned into a 500 afterwards.
          if (!request.signal.aborted) console.error(error);
        },
      },
    );
    const timer = setTimeout(() => {
      if (!resolved) abort();
    }, SAFETY_ABORT_MS);
  });
}

// Unexpected errors are logged with the request id that the error page shows as "referentie".
// Remix's own 4xx answers (a post to a page without action: 405) are the visitor's mistake.
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  console.error(`[fout ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
};

/** Called by server.js once the HTTP server listens; returns a function that stops the jobs. */
export const startBackgroundJobs = start;

/** For server.js: every request runs in its own scope (per-request values, e.g. the viewer). */
export { inRequestScope } from "./utils/request-scope.server";

/** For server.js: the rate limits count in the database, shared by every instance. */
export const rateLimitStore = databaseRateLimitStore;

/** For server.js, which enforces them while the body streams (server/body-limit.js). */
export const requestBodyLimits = {
  form: { bytes: MAX_FORM_BYTES, title: "Dit formulier is te groot", message: FORM_POST_MESSAGES.tooLarge },
  upload: { bytes: MAX_REQUEST_BYTES, title: "Dit formulier is te groot", message: UPLOAD_MESSAGES.requestTooLarge },
};

/** For server.js: refuses to start with an incomplete OpenID Connect configuration (docs/decisions/0047). */
export { checkOidcConfiguration } from "./auth/oidc.server";
export { BACKCHANNEL_LOGOUT_PATH } from "./auth/oidc-config";
