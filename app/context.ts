// What server.js passes to every loader and action (see getLoadContext there).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for the Content-Security-Policy of this response */
    cspNonce: string;
    /** Short id shown on error pages and written to the log, to find one request again */
    requestId: string;
    /**
     * When the request reached the server (Date.now(), before any queueing): the instant that
     * counts for a deadline (app/utils/clock.server.ts, arrivalTime)
     */
    receivedAt: number;
    /** The client's IP address as Express sees it (TRUST_PROXY_HOPS), for per-client limits */
    clientIp: string;
  }
  // Single fetch: loaders and actions return plain objects or data(), typed accordingly.
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
