import { combineDeadline, isPastDeadline } from "./deadline";

/** Whether a call takes submissions at an instant, on the deadline rule of ./deadline.ts. */
export type CallPhase = "upcoming" | "open" | "closed";

export type CallWindow = { opensAt: Date | string; closesAt: Date | string };

export const CALL_PHASE_LABELS: Record<CallPhase, string> = {
  upcoming: "Binnenkort open",
  open: "Open",
  closed: "Afgesloten",
};

/** Last 48 hours before a deadline: the UI warns. */
export const DEADLINE_WARNING_MS = 48 * 60 * 60 * 1000;

function ms(instant: Date | string): number {
  return new Date(instant).getTime();
}

/**
 * `closesAt` is the last accepted instant (23:59:59.999 Brussels time on the last day), so
 * the call is open up to and including it. An extension replaces it for one organisation.
 */
export function callPhase(call: CallWindow, at: Date, extendedUntil?: Date | string | null): CallPhase {
  if (at.getTime() < ms(call.opensAt)) return "upcoming";
  const { closesAt } = combineDeadline(new Date(call.closesAt), extendedUntil ? new Date(extendedUntil) : null);
  return isPastDeadline(closesAt, at) ? "closed" : "open";
}

export function isDeadlineNear(closesAt: Date | string, at: Date): boolean {
  return !isPastDeadline(closesAt, at) && ms(closesAt) - at.getTime() <= DEADLINE_WARNING_MS;
}
