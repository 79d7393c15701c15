import { isRouteErrorResponse } from "@remix-run/react";

/** A text field of the data() that a loader or action threw; it reaches the error boundary untyped. */
export function thrownText(error: unknown, key: string): string | undefined {
  if (!isRouteErrorResponse(error)) return undefined;
  const data: unknown = error.data;
  const value: unknown = typeof data === "object" && data !== null ? Reflect.get(data, key) : undefined;
  return typeof value === "string" ? value : undefined;
}
