/**
 * Liveness for a load balancer or orchestrator: the process answers requests. It touches no
 * database on purpose (readiness, with the database and the e-mail queue, is /healthz), which
 * also makes it the baseline route of the benchmarks (bench/burst.ts).
 */
export function loader() {
  return new Response("ok", { headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
}
