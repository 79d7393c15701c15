import http from "node:http";
import { Readable } from "node:stream";

export type StreamedAnswer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from the start of the request to the status line of the answer */
  answeredAfterMs: number;
  /** Bytes of the body the client had made when the answer arrived */
  sentWhenAnswered: number;
};

/**
 * A body of `total` bytes, made as it is read (one 64 KiB chunk reused): a test can post
 * 250 MB without holding it. `prefix` (ASCII, counted in `total`) comes first, e.g. "email=x&pad=".
 * With `holdAfter`, the body stalls after that many bytes: a server that waits for the rest
 * never answers, so a test proves the answer came before the body was read, whatever the timing.
 */
export function generatedBody(total: number, prefix = "", options: { holdAfter?: number } = {}): Readable & { sent: () => number } {
  const chunk = Buffer.alloc(64 * 1024, "a");
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent === 0 && prefix) {
        sent += Buffer.byteLength(prefix);
        this.push(prefix);
        return;
      }
      if (sent >= total) return void this.push(null);
      if (options.holdAfter !== undefined && sent >= options.holdAfter) return;
      const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += part.length;
      this.push(part);
    },
  });
  return Object.assign(stream, { sent: () => sent });
}

/**
 * Posts a streamed body with node:http on a connection of its own and resolves at the answer,
 * even while the body is still being sent (an early 413). The client then stops sending, as
 * browsers do once they have an answer.
 */
export function streamingPost(
  baseUrl: string,
  path: string,
  options: { body: Readable & { sent: () => number }; headers: Record<string, string>; declaredLength?: number },
): Promise<StreamedAnswer> {
  const url = new URL(path, baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { origin: url.origin, ...options.headers };
    if (options.declaredLength !== undefined) headers["content-length"] = String(options.declaredLength);
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: "POST",
      headers,
      agent: false,
    });
    let settled = false;
    request.on("response", (response) => {
      const answeredAfterMs = performance.now() - started;
      const sentWhenAnswered = options.body.sent();
      options.body.unpipe(request);
      options.body.destroy();
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        settled = true;
        request.destroy();
        resolve({ status: response.statusCode!, headers: response.headers, body, answeredAfterMs, sentWhenAnswered });
      });
    });
    request.on("error", (error) => {
      if (!settled) reject(error);
    });
    options.body.pipe(request);
  });
}

/** Resident memory of a process in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return kilobytes * 1024;
}
