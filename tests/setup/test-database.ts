import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { TEMPLATE_DATABASE, TEST_DATA_DIR } from "./paths";

// Every test file gets its own real SQLite file, copied from the migrated template before any
// application module (and so app/db.server.ts) is imported.
const file = path.join(TEST_DATA_DIR, `${randomUUID()}.db`);
copyFileSync(TEMPLATE_DATABASE, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SMTP_URL ??= "smtp://127.0.0.1:1";
