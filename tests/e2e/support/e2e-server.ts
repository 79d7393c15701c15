// Starts what the end-to-end tests run against: a fresh SQLite file with migrations and the
// demo seed, the mail catcher, and the built portal. Stopped by Playwright at the end.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "~/db.server";
import { startMailCatcher } from "~/mail/catcher.server";
import { seed } from "../../../seeds/seed";
import { E2E_MAIL_HTTP_PORT, E2E_MAIL_SMTP_PORT, E2E_PORT } from "./ports";

const dir = path.resolve(".cache/e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });
const db = createPrismaClient(databaseUrl);
process.env.UPLOAD_DIR = path.join(dir, "uploads"); // the seed stores its sample files there too
await seed(db, { demo: true });
await db.$disconnect();

const catcher = await startMailCatcher({ smtpPort: E2E_MAIL_SMTP_PORT, httpPort: E2E_MAIL_HTTP_PORT });
const server = spawn(process.execPath, ["server.js"], {
  env: {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(E2E_PORT),
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: path.join(dir, "uploads"),
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    OUTBOX_INTERVAL_MS: "200",
    RATE_LIMIT_AUTH_PER_MINUTE: "1000",
  },
  stdio: "inherit",
});

const stop = async () => {
  server.kill("SIGTERM");
  await catcher.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 1));
