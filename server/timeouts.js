// Time limits of the HTTP server, chosen for running behind a reverse proxy.
export const HTTP_TIMEOUTS = {
  // Longer than the idle timeout of common proxies and load balancers (60 s), so that the proxy
  // closes an idle connection first; otherwise it may reuse one we are closing (ECONNRESET).
  keepAliveTimeout: 65_000,
  // Above keepAliveTimeout, as Node requires for the time a client may take to send its headers.
  headersTimeout: 66_000,
  // A whole request, body included: 100 MB of uploads over a slow 2 Mbit/s line still fit.
  requestTimeout: 10 * 60_000,
};

export function applyTimeouts(server) {
  Object.assign(server, HTTP_TIMEOUTS);
  return server;
}
