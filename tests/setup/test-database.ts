import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Every test file gets its own real SQLite file, copied from the migrated template before any
// application module (and so app/db.server.ts) is imported.
const file = path.join(inject("testDataDir"), `${randomUUID()}.db`);
copyFileSync(inject("templateDatabase"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SMTP_URL ??= "smtp://127.0.0.1:1";
// Uploaded files of this test file's dossiers, next to its database.
process.env.UPLOAD_DIR ??= `${file}-uploads`;
