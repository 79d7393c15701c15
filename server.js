// Express server in front of the Remix build: security headers, CSRF origin check, rate
// limits, compression, static files. Started by `npm run serve` (and by `npm start`).
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import rateLimit from "express-rate-limit";
import helmet from "helmet";
import { randomBytes } from "node:crypto";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

// Fail at start, not at the first status change whose e-mail needs an absolute link.
for (const name of ["SESSION_SECRET", "PUBLIC_URL"]) {
  if (production && !process.env[name]) {
    console.error(`${name} ontbreekt: in productie start het portaal niet zonder.`);
    process.exit(1);
  }
}

const build = await import("./build/index.js");
const app = express();
app.disable("x-powered-by");
app.set("trust proxy", Number(process.env.TRUST_PROXY_HOPS ?? 0));

app.use((req, res, next) => {
  // First of all: what counts for a deadline is when the request arrived (app/utils/clock.server.ts).
  res.locals.receivedAt = Date.now();
  res.locals.cspNonce = randomBytes(16).toString("base64");
  res.locals.requestId = randomBytes(4).toString("hex").toUpperCase();
  res.set("X-Request-Id", res.locals.requestId);
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        "connect-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "upgrade-insecure-requests": production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);
app.use(compression());

// CSRF: a state-changing request must come from one of our own pages. Browsers send Origin
// (or at least Sec-Fetch-Site) on every POST; together with SameSite=Lax session cookies this
// refuses cross-site form posts (docs/decisions/0005-csrf-origin-check.md).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get("origin");
  const fetchSite = req.get("sec-fetch-site");
  let sameOrigin = false;
  if (origin && origin !== "null") {
    try {
      sameOrigin = new URL(origin).host === req.get("host");
    } catch {
      sameOrigin = false;
    }
  } else if (fetchSite) {
    sameOrigin = fetchSite === "same-origin";
  }
  if (sameOrigin) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Dit verzoek komt niet van het subsidieportaal zelf en werd geweigerd.");
});

// Static files first: they are cheap, immutable and not worth a counter (a municipality behind
// one address would otherwise spend its budget on scripts and styles).
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// The counters live in the database, so that every instance counts the same requests
// (app/security/rate-limit-store.server.ts; a database that cannot count lets requests through).
const { rateLimitStore } = build.entry.module;
const limitMessage = "Te veel pogingen na elkaar. Wacht een minuut en probeer opnieuw.";
const limiter = (name, limit, extra = {}) =>
  rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    message: limitMessage,
    store: rateLimitStore(name),
    ...extra,
  });
app.use(
  ["/aanmelden", "/wachtwoord-vergeten", "/wachtwoord-herstellen", "/uitnodiging"],
  limiter("auth", Number(process.env.RATE_LIMIT_AUTH_PER_MINUTE ?? 20), { skip: (req) => SAFE_METHODS.has(req.method) }),
);
app.use(limiter("all", Number(process.env.RATE_LIMIT_PER_MINUTE ?? 600)));

app.all(
  "*",
  createRequestHandler({
    build,
    // Always production mode: never send a stack trace to a browser, also during development.
    mode: "production",
    getLoadContext: (_req, res) => ({
      cspNonce: res.locals.cspNonce,
      requestId: res.locals.requestId,
      receivedAt: res.locals.receivedAt,
    }),
  }),
);

const server = app.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(`Subsidieportaal luistert op http://${host}:${actualPort}`);
});

const stopJobs = await build.entry.module.startBackgroundJobs?.();

function shutdown() {
  server.close(async () => {
    await stopJobs?.();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
