/**
 * For what the code around it guarantees but the types cannot tell: says which guarantee broke
 * (a bug, never a user's mistake), instead of a `!` that would fail later and elsewhere.
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}

/** The value, which the code around it guarantees is there; otherwise an error that says what was missing. */
export function defined<T>(value: T | null | undefined, what: string): T {
  invariant(value !== null && value !== undefined, `${what} is missing`);
  return value;
}
