import { isProduction } from "./env.server";

/**
 * The only source of "now" on the server. Deadlines, expiries and reminders all read it, so
 * tests (and demos) can move time without touching the system clock.
 *
 * PORTAL_CLOCK=<ISO instant> starts the clock at that instant; it then ticks in real time.
 * It is ignored in production.
 */
let offsetMs = initialOffset();

function initialOffset(): number {
  const start = process.env.PORTAL_CLOCK;
  if (!start || isProduction()) return 0;
  const at = Date.parse(start);
  if (Number.isNaN(at)) throw new Error(`PORTAL_CLOCK is geen geldig tijdstip: ${start}`);
  return at - Date.now();
}

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/**
 * The portal's time of a request's arrival (server.js stamps Date.now() before anything else
 * runs): what counts for a deadline, however long the request then waited for its turn.
 */
export function arrivalTime(context: { receivedAt?: number }): Date {
  return typeof context.receivedAt === "number" ? new Date(context.receivedAt + offsetMs) : now();
}

/** Test hook: let the clock read `instant` from now on (ticking onwards). */
export function setNow(instant: Date): void {
  offsetMs = instant.getTime() - Date.now();
}

export function resetClock(): void {
  offsetMs = 0;
}
