import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { mkdir, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STALE_TEMP_AGE_MS, sweepStaleTempFiles } from "~/attachments/file-hygiene.server";
import { tempDir, uploadDir } from "~/attachments/storage.server";
import { createPrismaClient } from "~/db.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer } from "../support/server";
import { generatedBody, streamingPost } from "../support/streaming-post";

// Upload temp files and stored files on a real upload folder of this test file, with the real
// SQLite file: the sweep of stale temp files (also after a server was killed mid-upload) and
// `npm run files:check`.
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "agii-files-"));
const db = createPrismaClient();
const run = promisify(execFile);
let applicationId: string;
let uploaderId: string;
let official: { email: string; password: string };

beforeAll(async () => {
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const call = await createProgrammeAndCall(db, { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2030-01-01T00:00:00Z") });
  applicationId = (await createApplication(db, { callId: call.id, organisationId: leuven.id })).id;
  const user = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id] });
  uploaderId = user.id;
  official = user;
  await mkdir(tempDir(), { recursive: true });
});

afterAll(async () => {
  await db.$disconnect();
  await rm(uploadDir(), { recursive: true, force: true });
});

async function tempFile(name: string, ageMs: number): Promise<void> {
  const file = path.join(tempDir(), name);
  await writeFile(file, "halve upload");
  const at = (Date.now() - ageMs) / 1000;
  await utimes(file, at, at);
}

describe("the sweep of upload temp files", () => {
  it("removes only *.part files older than the safe age, by mtime", async () => {
    await tempFile("oud.part", STALE_TEMP_AGE_MS + 60_000);
    await tempFile("bijna.part", STALE_TEMP_AGE_MS - 60_000); // maybe another server's upload in progress
    await tempFile("vers.part", 0);
    await tempFile("oud-maar-geen-upload.txt", 10 * STALE_TEMP_AGE_MS);
    expect(await sweepStaleTempFiles()).toEqual(["oud.part"]);
    expect((await readdir(tempDir())).sort()).toEqual(["bijna.part", "oud-maar-geen-upload.txt", "vers.part"]);
  });

  it("runs when the server starts, and cleans up after a server killed during an upload", async () => {
    const first = await startServer({ UPLOAD_DIR: uploadDir(), OUTBOX_WORKER: "off" });
    const client = new HttpClient(first.url);
    await client.login(official.email);
    const before = new Set(await readdir(tempDir()));
    // An upload that is still arriving when the server dies: its temp file stays behind.
    const filePart =
      '--grens\r\nContent-Disposition: form-data; name="bijlagen"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n';
    const body = generatedBody(50 * 1024 * 1024, filePart);
    const upload = streamingPost(first.url, `/dossiers/${applicationId}/stap/verklaring`, {
      body,
      headers: { "content-type": "multipart/form-data; boundary=grens", cookie: client.cookieHeader() },
    }).catch((error: unknown) => error);
    await expect.poll(async () => (await readdir(tempDir())).filter((name) => !before.has(name)), { timeout: 10_000 }).toHaveLength(1);
    const [left] = (await readdir(tempDir())).filter((name) => !before.has(name));
    await first.kill();
    expect(await upload).toBeInstanceOf(Error); // the connection broke off
    expect(await readdir(tempDir())).toContain(left);

    // Some hours later, the next server start removes it.
    const at = (Date.now() - STALE_TEMP_AGE_MS - 60_000) / 1000;
    await utimes(path.join(tempDir(), left!), at, at);
    const second = await startServer({ UPLOAD_DIR: uploadDir(), OUTBOX_WORKER: "off" });
    try {
      await expect.poll(async () => readdir(tempDir()), { timeout: 10_000 }).not.toContain(left);
      expect(await readdir(tempDir())).toContain("vers.part");
      // The log line follows the removal; under load it reaches the pipe a moment later.
      await expect.poll(() => second.output(), { timeout: 5_000 }).toContain("[bijlagen] 1 onafgewerkte upload(s) opgeruimd.");
    } finally {
      await second.stop();
    }
  });
});

describe("npm run files:check", () => {
  const check = () =>
    run("npx", ["tsx", "scripts/files-check.ts"], { env: { ...process.env } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  async function storedAttachment(fileName: string, withFile: boolean) {
    const storedName = randomBytes(16).toString("hex");
    if (withFile) await writeFile(path.join(uploadDir(), storedName), "%PDF-1.7\n");
    return db.attachment.create({
      data: {
        applicationId,
        fieldKey: "bijlagen",
        fileName,
        storedName,
        mimeType: "application/pdf",
        sizeBytes: 9,
        sha256: "0".repeat(64),
        uploadedById: uploaderId,
      },
    });
  }

  it("lists files without a row and rows without a file, and exits with 1", async () => {
    await storedAttachment("in-orde.pdf", true);
    const missing = await storedAttachment("kwijt.pdf", false);
    const orphan = randomBytes(16).toString("hex");
    await writeFile(path.join(uploadDir(), orphan), "wees");

    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Bestanden zonder rij (1):");
    expect(result.stdout).toContain(`  ${orphan}`);
    expect(result.stdout).toContain("Rijen zonder bestand (1):");
    expect(result.stdout).toContain(`bijlage ${missing.id} van dossier ${applicationId}: "kwijt.pdf", verwacht ${missing.storedName}`);
    expect(result.stdout).not.toContain("in-orde.pdf");

    // Put right, it finds nothing and exits with 0; the temp folder is not a stored file.
    await db.attachment.delete({ where: { id: missing.id } });
    await rm(path.join(uploadDir(), orphan));
    const clean = await check();
    expect(clean.stdout).toContain("Alles in orde");
    expect(clean.code).toBe(0);
  });
});
