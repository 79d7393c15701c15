import { isProduction } from "./env.server";

/**
 * Absolute links for e-mails. In production PUBLIC_URL is required: deriving it from the
 * request's Host header would let anyone poison password-reset links.
 */
export function publicUrl(request: Request, path: string): string {
  const base = process.env.PUBLIC_URL;
  if (!base && isProduction()) throw new Error("PUBLIC_URL ontbreekt.");
  return new URL(path, base ?? new URL(request.url).origin).toString();
}
