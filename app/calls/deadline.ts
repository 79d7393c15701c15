export type Deadline = { closesAt: Date; extended: boolean; callClosesAt: Date };

/**
 * The last accepted instant for one organisation in one call: the call's `closesAt`, or the
 * later date of an extension granted to that organisation. The only place that combines them.
 */
export function combineDeadline(callClosesAt: Date, extensionClosesAt: Date | null): Deadline {
  const extended = extensionClosesAt !== null && extensionClosesAt > callClosesAt;
  return { closesAt: extended ? extensionClosesAt : callClosesAt, extended, callClosesAt };
}
