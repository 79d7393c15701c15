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
};

/**
 * Waits until this process's event loop has been mostly idle for one window, or until
 * `maxWaitMs` has passed. Background work in the web process (the e-mail outbox) calls this
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
}: QuietOptions = {}): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = performance.eventLoopUtilization();
    await sleep(windowMs);
    const waited = performance.now() - started;
    if (performance.eventLoopUtilization(before).utilization <= busyAbove || waited >= maxWaitMs || cancelled()) return waited;
  }
}
