// Starts what the end-to-end tests run against (with the development identity provider): a fresh database (a SQLite file, or a database on
// DATABASE_URL's PostgreSQL server) with migrations and the demo seed, the mail catcher, and the
// built portal. Stopped by Playwright at the end.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "~/db/database-url";
import { createPrismaClient } from "~/db.server";
import { createEmptyDatabase, databaseSet, dropDatabases, migrate } from "../../support/databases";
import { startMailCatcher } from "~/mail/catcher.server";
import { seed } from "../../../seeds/seed";
import { startDevIdp } from "~/auth/dev-idp/dev-idp.server";
import { E2E_BASE_URL, E2E_IDP_PORT, E2E_MAIL_HTTP_PORT, E2E_MAIL_SMTP_PORT, E2E_OIDC, E2E_PORT } from "./ports";

const dir = path.resolve(".cache/e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const databases = databaseSet(databaseUrl(), dir, "e2e");
await dropDatabases(databases);
const e2eDatabaseUrl = await createEmptyDatabase(databases, "e2e");
migrate(e2eDatabaseUrl);
const db = createPrismaClient(e2eDatabaseUrl);
process.env.UPLOAD_DIR = path.join(dir, "uploads"); // the seed stores its sample files there too
await seed(db, { demo: true });
await db.$disconnect();

const catcher = await startMailCatcher({ smtpPort: E2E_MAIL_SMTP_PORT, httpPort: E2E_MAIL_HTTP_PORT });
// The portal logs in through the development identity provider, as `npm start` does (0047).
const client = { clientId: "subsidieportaal-e2e", clientSecret: "e2e-geheim-niet-voor-productie" };
const idp = E2E_OIDC ? await startDevIdp({ port: E2E_IDP_PORT, portalUrl: E2E_BASE_URL, ...client }) : null;
const oidcEnvironment = idp
  ? { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: client.clientId, OIDC_CLIENT_SECRET: client.clientSecret, PUBLIC_URL: E2E_BASE_URL }
  : {};
const server = spawn(process.execPath, ["server.js"], {
  env: {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(E2E_PORT),
    DATABASE_URL: e2eDatabaseUrl,
    UPLOAD_DIR: path.join(dir, "uploads"),
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    ...oidcEnvironment,
    OUTBOX_INTERVAL_MS: "200",
    RATE_LIMIT_AUTH_PER_MINUTE: "1000",
    // Every test is a fresh browser without cached scripts, all from 127.0.0.1: the three
    // application flows alone load well over 600 files and pages a minute.
    RATE_LIMIT_PER_MINUTE: "100000",
  },
  stdio: "inherit",
});

const stop = async () => {
  server.kill("SIGTERM");
  await catcher.close();
  await idp?.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
server.on("exit", (code) => process.exit(code ?? 1));
