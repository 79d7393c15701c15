// One web process: Express in front of the Remix build, with security headers, CSRF origin
// check, rate limits, body limits, compression, static files. server.js starts one, or several
// (WEB_CONCURRENCY); the parts live beside this file (plain JavaScript modules).
import compression from "compression";
import express from "express";
import rateLimit from "express-rate-limit";
import helmet from "helmet";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { bodyLimit } from "./body-limit.js";
import { admission } from "./admission.js";
import { routesAcceptingFiles, routesWithQueuedPosts, routesWithQueuedReads } from "./file-routes.js";
import { originCheck } from "./origin-check.js";
import { refuse } from "./refusal.js";
import { createRemixHandler } from "./remix-handler.js";
import { applyTimeouts } from "./timeouts.js";

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

const build = await import("../build/index.js");

// OpenID Connect (docs/decisions/0047): without OIDC_ISSUER passwords only; with it, a complete set.
const oidc = build.entry.module.checkOidcConfiguration();
if (!oidc.ok) {
  console.error(`OpenID Connect: ${oidc.message} Het portaal start niet met een onvolledige configuratie (zie README, "Aanmelden").`);
  process.exit(1);
}
const identityProvider = oidc.issuer ? new URL(oidc.issuer).origin : null;
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
        // Logging out posts a form that ends at the identity provider's end_session endpoint.
        "form-action": identityProvider ? ["'self'", identityProvider] : ["'self'"],
        "upgrade-insecure-requests": production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);
// Compressed only from the size of TCP's first window (10 segments, about 14 kB): below it, gzip
// saves no round trip on the way to the browser but costs about 0.3 ms of the one thread per
// answer, which at a deadline is every receipt and autosave (docs/decisions/0059).
app.use(compression({ threshold: "14kb" }));

// Static files before the limits: cheap, immutable, not worth a counter (a municipality behind
// one address would otherwise spend its budget on scripts and styles). Mounted by name: a
// static handler on "/" would look on disk for every other request first.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
const publicFiles = readdirSync("public").filter((name) => name !== "build");
if (publicFiles.length > 0)
  app.get(
    publicFiles.map((name) => `/${name}`),
    express.static("public", { maxAge: "1h", index: false }),
  );

// Requests in hand now, and the most at once since the background jobs last asked: the e-mail
// worker in this process waits while the portal is busy (docs/decisions/0046).
const requests = { open: 0, peak: 0 };
app.use((req, res, next) => {
  requests.open += 1;
  requests.peak = Math.max(requests.peak, requests.open);
  res.once("close", () => (requests.open -= 1));
  next();
});
function requestPeak() {
  const peak = requests.peak;
  requests.peak = requests.open;
  return peak;
}

// Pages are read (GET, HEAD) and forms posted (POST); Remix would answer anything else with a
// logged 405.
app.use((req, res, next) => {
  if (["GET", "HEAD", "POST"].includes(req.method)) return next();
  res.set("Allow", "GET, HEAD, POST");
  refuse(req, res, 405, "Niet toegelaten", "Deze handeling bestaat niet in het subsidieportaal.");
});

// Remix's old data protocol (?_data=routeId): this app uses single fetch, and Remix answers
// these with a 500 and a logged warning for anyone who asks.
app.use((req, res, next) => {
  if (!new URLSearchParams(req.originalUrl.split("?")[1] ?? "").has("_data")) return next();
  refuse(req, res, 400, "Ongeldig adres", "Dit adres bestaat niet in deze vorm. Ga naar de startpagina en probeer opnieuw.");
});

// The identity provider's back-channel logout is a server-to-server post without Origin: it
// carries its own proof (a signed logout_token, checked in app/auth/oidc.server.ts).
app.use(originCheck({ publicUrl: process.env.PUBLIC_URL, exempt: [build.entry.module.BACKCHANNEL_LOGOUT_PATH] }));

// Every body is counted while it streams (server/body-limit.js, docs/decisions/0020); a declared
// length over the limit is refused here, before anything else waits for the database.
app.use(bodyLimit(build.entry.module.requestBodyLimits, routesAcceptingFiles(build)));

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
  limiter("auth", Number(process.env.RATE_LIMIT_AUTH_PER_MINUTE ?? 20), { skip: (req) => req.method === "GET" || req.method === "HEAD" }),
);
app.use(limiter("all", Number(process.env.RATE_LIMIT_PER_MINUTE ?? 600)));

// Submits at a deadline: a few at a time, the others wait their turn (server/admission.js); the
// receipts they lead to likewise, in a queue of their own, so that autosaves are not left
// waiting behind a hundred receipts on the one thread.
const heavyAtOnce = Number(process.env.SUBMIT_CONCURRENCY ?? 8);
app.use(admission({ limit: heavyAtOnce, matches: routesWithQueuedPosts(build) }));
app.use(admission({ limit: heavyAtOnce, matches: routesWithQueuedReads(build), methods: ["GET", "HEAD"] }));

app.all(
  "*",
  createRemixHandler({
    build,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      requestId: res.locals.requestId,
      receivedAt: res.locals.receivedAt,
      clientIp: req.ip ?? "",
    }),
  }),
);

// Whatever still fails: logged with the request id, answered with a Dutch page, no stack trace.
app.use((error, req, res, _next) => {
  console.error(`[fout ${res.locals.requestId}] ${req.method} ${req.path}`, error);
  refuse(
    req,
    res,
    500,
    "Er ging iets mis",
    `Er liep iets onverwachts fout aan onze kant. Vermeld bij de helpdesk de referentie ${res.locals.requestId}.`,
  );
});

const server = applyTimeouts(
  app.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    console.log(`Subsidieportaal luistert op http://${host}:${actualPort}`);
  }),
);

const stopJobs = await build.entry.module.startBackgroundJobs?.({ requestPeak });

function shutdown() {
  server.close(async () => {
    await stopJobs?.();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
