import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export type QuietOptions = {
  /** Share of time the event loop may be working and still count as quiet (0–1) */
  busyAbove?: number;
  /** Length of one measurement */
  windowMs?: number;
  /** Never wait longer than this: background work may be postponed, not starved */
  maxWaitMs?: number;
  /** Checked after every window: a stopping process does not wait on */
  cancelled?: () => boolean;
  /**
   * The most requests the web server had in hand at once since this was last called. On
   * PostgreSQL a burst of submits leaves the thread waiting on the database between its
   * statements, so the event loop alone can look quiet while a hundred submits are open.
   */
  requestPeak?: () => number;
  /** More requests than this at once in a window is busy (a handful is everyday traffic) */
  requestsAbove?: number;
};

/**
 * Waits until this process's event loop has been mostly idle for one window, with no more than
 * a handful of requests open in it, or until `maxWaitMs` has passed. Background work in the web process (the e-mail outbox) calls this
 * first, so that at a deadline the submits and autosaves have the one JavaScript thread to
 * themselves; the work follows as soon as the burst is over. Node measures the utilization itself
 * (performance.eventLoopUtilization), so a window in which this code only sleeps measures the
 * others. Resolves with the milliseconds waited.
 */
export async function waitUntilQuiet({
  busyAbove = 0.75,
  windowMs = 200,
  maxWaitMs = 10_000,
  cancelled = () => false,
  requestPeak = () => 0,
  requestsAbove = 4,
}: QuietOptions = {}): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = performance.eventLoopUtilization();
    requestPeak(); // starts the window's count
    await sleep(windowMs);
    const waited = performance.now() - started;
    const quiet = performance.eventLoopUtilization(before).utilization <= busyAbove && requestPeak() <= requestsAbove;
    if (quiet || waited >= maxWaitMs || cancelled()) return waited;
  }
}
