/**
 * The deadline rule of the portal, written once: `closesAt` is the last accepted instant
 * (23:59:59.999 Brussels time on the last day), and an organisation's extension replaces it
 * when it is later. Every "is it too late?" question goes through `isPastDeadline`; callers
 * pass the instant that counts (for a submit, its arrival: docs/decisions/0032).
 */
export type Deadline = { closesAt: Date; extended: boolean; callClosesAt: Date };

/**
 * The last accepted instant for one organisation in one call: the call's `closesAt`, or the
 * later date of an extension granted to that organisation. The only place that combines them.
 */
export function combineDeadline(callClosesAt: Date, extensionClosesAt: Date | null): Deadline {
  const extended = extensionClosesAt !== null && extensionClosesAt > callClosesAt;
  return { closesAt: extended ? extensionClosesAt : callClosesAt, extended, callClosesAt };
}

/** Whether `at` comes after the deadline: the deadline instant itself is still on time. */
export function isPastDeadline(closesAt: Date | string, at: Date): boolean {
  return at.getTime() > new Date(closesAt).getTime();
}
