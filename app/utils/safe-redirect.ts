/**
 * Where the portal may send a browser after a form, when the target comes from the request
 * (a login link's `redirectTo`, the organisation switcher's `returnTo`): only a path on this
 * site. Anything else falls back to `fallback`.
 *
 * Browsers are lenient where this must be strict: they drop tabs and line breaks from URLs,
 * read `\` as `/`, fold full-width and ideographic characters (`／`, `。`) into ASCII, and a
 * header with CR/LF or non-Latin-1 characters makes the response itself fail. So instead of
 * listing what is dangerous, this allows only what a path of ours contains: printable ASCII
 * of RFC 3986, no `//`, no backslash, no dot segments, and nothing that decodes to any of those.
 */

const MAX_LENGTH = 2048;
/** RFC 3986 unreserved, sub-delims, ":", "@", "/", "?", "#" and "%" (for %XX only). */
const ALLOWED = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const ORIGIN = "http://portaal.invalid";

export function safeRedirect(to: unknown, fallback = "/"): string {
  return isSafeRedirect(to) ? to : fallback;
}

export function isSafeRedirect(to: unknown): to is string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return false;
  if (!to.startsWith("/") || !ALLOWED.test(to) || BAD_ESCAPE.test(to)) return false;
  const [path = ""] = to.split(/[?#]/, 1);
  if (!isSafePath(path)) return false;
  // Last line of defence: resolved against an origin, it must stay on that origin.
  const resolved = new URL(to, ORIGIN);
  return resolved.origin === ORIGIN && !resolved.pathname.startsWith("//");
}

/** The path, and what it decodes to (double encoding: %252f → %2f → /), stays a plain path. */
function isSafePath(path: string): boolean {
  let current = path;
  for (let round = 0; round < 4; round++) {
    if (
      current.includes("//") ||
      current.includes("\\") ||
      /%(2f|5c)/i.test(current) ||
      /(^|\/)\.\.?(\/|$)/.test(current) ||
      /[^\x21-\x7e]/.test(current)
    ) {
      return false;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return false; // still escaped after three rounds: no link of ours looks like that
}
