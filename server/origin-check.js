// CSRF: a state-changing request must come from one of our own pages. Browsers send Origin
// (or at least Sec-Fetch-Site) on every POST; together with SameSite=Lax session cookies this
// refuses cross-site form posts (docs/decisions/0004-sessions-and-csrf.md, 0021).
import { refuse } from "./refusal.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Origin must have the scheme, host and port of `publicUrl` (required in production), or
 * without it (development, tests on a random port) those of the request itself. Its host must
 * also be the one the request was sent to: Remix compares those two itself and would answer a
 * mismatch with a 500 (server-runtime's throwIfPotentialCSRFAttack), so it is refused here.
 * `exempt`: exact paths whose posts come from another server, not a browser (the identity
 * provider's back-channel logout); they carry no session and prove themselves.
 */
export function originCheck({ publicUrl, exempt = [] }) {
  const expected = publicUrl ? new URL(publicUrl).origin : null;
  const exemptPaths = new Set(exempt);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    // Posts that are not from a browser and prove themselves otherwise (exact paths only).
    if (exemptPaths.has(req.path)) return next();
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    let sameOrigin = false;
    if (origin && origin !== "null") {
      const actual = parseOrigin(origin);
      const host = addressedHost(req);
      sameOrigin =
        actual !== null &&
        host !== null &&
        actual.host === host &&
        actual.origin === (expected ?? parseOrigin(`${req.protocol}://${host}`)?.origin);
    } else if (fetchSite) {
      sameOrigin = fetchSite === "same-origin";
    }
    if (sameOrigin) return next();
    refuse(req, res, 403, "Verzoek geweigerd", "Dit verzoek komt niet van het subsidieportaal zelf en werd geweigerd.");
  };
}

/** The host the client addressed, as Remix reads it: X-Forwarded-Host (from a proxy), else Host. */
function addressedHost(req) {
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  return host ? host.toLowerCase() : null;
}

/** "https://Portaal.example:443" and "https://portaal.example" are the same origin. */
function parseOrigin(value) {
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : { origin: url.origin, host: url.host };
  } catch {
    return null;
  }
}
