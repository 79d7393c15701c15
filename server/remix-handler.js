// The Remix request handler, with the request body read through the byte counter of
// body-limit.js. Like @remix-run/express's handler, but it builds the Request itself.
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { countedBody, refuseTooLarge } from "./body-limit.js";
import { closeIfBodyUnread } from "./refusal.js";

export function createRemixHandler({ build, getLoadContext }) {
  // Always production mode: never send a stack trace to a browser, also during development.
  const handleRequest = createRequestHandler(build, "production");
  return async (req, res, next) => {
    const controller = new AbortController();
    // Stop loaders and actions once the answer can no longer be delivered.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let answered = false;
    const init = { method: req.method, headers: requestHeaders(req), signal: controller.signal };
    if (req.method !== "GET" && req.method !== "HEAD") {
      const limit = res.locals.bodyLimit;
      const body = countedBody(req, limit, () => {
        // The action reading this body gets an error; the visitor gets the 413 page.
        answered = true;
        controller.abort();
        refuseTooLarge(req, res, limit);
      });
      init.body = createReadableStreamFromReadable(body);
      init.duplex = "half";
    }
    try {
      const request = new Request(requestUrl(req), init);
      const context = await getLoadContext(req, res);
      // One scope per request: values computed once however many loaders ask (app/utils/request-scope.server.ts).
      const response = await build.entry.module.inRequestScope(() => handleRequest(request, context));
      if (answered || res.headersSent) return;
      closeIfBodyUnread(req, res);
      await sendResponse(res, response);
    } catch (error) {
      if (!answered && !res.headersSent) next(error);
    }
  };
}

/** As @remix-run/express does: the port from X-Forwarded-Host or Host, the host name as Express trusts it. */
function requestUrl(req) {
  const port = [req.get("x-forwarded-host"), req.get("host")]
    .map((value) => Number.parseInt(value?.split(":")[1] ?? "", 10))
    .find((value) => Number.isSafeInteger(value));
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

function requestHeaders(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) headers.append(name, item);
  }
  return headers;
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (!response.body) return res.end();
  // Pages stream as they render. Everything else (single-fetch data, files, feeds) is complete
  // at once here: sent with its length, so that compression() leaves small answers alone
  // instead of starting a gzip stream for a few bytes (about 1 ms each).
  if ((response.headers.get("content-type") ?? "").startsWith("text/html") || response.headers.has("content-length")) {
    await writeReadableStreamToWritable(response.body, res);
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.set("Content-Length", String(body.length));
  res.end(body);
}
