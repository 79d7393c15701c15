import { isProduction } from "./env.server";

/**
 * Absolute links for e-mails. In production PUBLIC_URL is required: deriving it from the
 * request's Host header would let anyone poison password-reset links. Without a request (the
 * outbox, the reminder scheduler) development falls back to the local server's address.
 */
export function publicUrl(request: Request | null, path: string): string {
  const base = process.env.PUBLIC_URL;
  if (!base && isProduction()) throw new Error("PUBLIC_URL ontbreekt.");
  return new URL(path, base ?? (request ? new URL(request.url).origin : `http://127.0.0.1:${process.env.PORT || 3000}`)).toString();
}
