import { randomUUID } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";
import { cloneDatabase } from "../support/databases";

// Every test file gets its own real database (a SQLite file, or a PostgreSQL database), copied
// from the migrated template before any application module (and so app/db.server.ts) is imported.
const label = randomUUID().slice(0, 8);
process.env.DATABASE_URL = await cloneDatabase(inject("databases"), inject("templateDatabase"), label);
process.env.SMTP_URL ??= "smtp://127.0.0.1:1";
// Uploaded files of this test file's dossiers, in the run's folder.
process.env.UPLOAD_DIR ??= path.join(inject("testDataDir"), `${label}-uploads`);
