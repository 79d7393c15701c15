import { readdir } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REQUEST_BYTES, UPLOAD_MESSAGES } from "~/attachments/file-types";
import { createPrismaClient } from "~/db.server";
import { FORM_POST_MESSAGES, MAX_FORM_BYTES } from "~/utils/form-post.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";
import { generatedBody, residentBytes, streamingPost } from "../support/streaming-post";

// Request bodies against the real built server over real HTTP: the limit is enforced before
// and while a body streams, never by buffering it; the answer is a Dutch 413 and the server's
// memory stays flat, also under several huge posts at once.
const MB = 1024 * 1024;
const uploadDir = mkdtempSync(path.join(os.tmpdir(), "agii-limits-"));
const db = createPrismaClient();
let server: RunningServer;
let official: HttpClient;
let stepPath: string;

beforeAll(async () => {
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const call = await createProgrammeAndCall(db, { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2030-01-01T00:00:00Z") });
  const draft = await createApplication(db, { callId: call.id, organisationId: leuven.id });
  const member = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id] });
  stepPath = `/dossiers/${draft.id}/stap/verklaring`;
  server = await startServer({ UPLOAD_DIR: uploadDir });
  official = new HttpClient(server.url);
  await official.login(member.email);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const FORM = { "content-type": "application/x-www-form-urlencoded", accept: "text/html" };

/** Polls /healthz until `done` settles; returns the slowest answer in milliseconds. */
async function slowestHealthCheck(done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true));
  let slowest = 0;
  while (!finished) {
    const started = performance.now();
    const response = await fetch(new URL("/healthz", server.url));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return slowest;
}

function expectDutchTooLarge(answer: { status: number; headers: Record<string, unknown>; body: string }, message: string) {
  expect(answer.status).toBe(413);
  expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  expect(answer.body).toContain('<html lang="nl-BE">');
  expect(answer.body).toContain(message);
  expect(answer.body).not.toMatch(/\bat \S+ \(|node_modules|Error/);
  // The rest of the body is not read: the connection is not kept for another request.
  expect(answer.headers.connection).toBe("close");
}

describe("four concurrent 250 MB anonymous posts", () => {
  for (const declared of [true, false]) {
    it(`each get a Dutch 413 within a second, with ${declared ? "a declared length" : "a chunked body"}, while /healthz stays fast and memory flat`, async () => {
      const total = 250 * MB;
      await (await fetch(new URL("/healthz", server.url))).arrayBuffer(); // warm, so we time the load only
      const before = await residentBytes(server.pid);
      const posts = Promise.all(
        Array.from({ length: 4 }, () =>
          streamingPost(server.url, "/aanmelden", {
            body: generatedBody(total, "email=an%40leuven.example&password=x&pad="),
            headers: FORM,
            declaredLength: declared ? total : undefined,
          }),
        ),
      );
      const slowest = await slowestHealthCheck(posts);
      const answers = await posts;
      const after = await residentBytes(server.pid);
      for (const answer of answers) {
        expectDutchTooLarge(answer, FORM_POST_MESSAGES.tooLarge);
        expect(answer.answeredAfterMs).toBeLessThan(1_000);
        // Refused long before the end: at once when declared, just past 1 MB when counted.
        expect(answer.sentWhenAnswered).toBeLessThan(total / 4);
      }
      // Before the limits, /healthz did not answer for minutes; a shared 2-core machine needs slack.
      expect(slowest).toBeLessThan(1_000);
      expect(after - before).toBeLessThan(100 * MB);
      console.log(
        `[body-limits] ${declared ? "declared" : "chunked"}: 413 after ${answers.map((a) => a.answeredAfterMs.toFixed(0)).join(", ")} ms; ` +
          `slowest /healthz ${slowest.toFixed(0)} ms; RSS ${(before / MB).toFixed(0)} → ${(after / MB).toFixed(0)} MB`,
      );
    });
  }
});

describe("forms without files", () => {
  it("are refused at once, before any of the body is read, when the declared length is over 1 MB", async () => {
    // Only the headers are sent: an answer proves the server did not wait for the body.
    const answer = await streamingPost(server.url, "/wachtwoord-vergeten", {
      body: generatedBody(0),
      headers: FORM,
      declaredLength: MAX_FORM_BYTES + 1,
    });
    expectDutchTooLarge(answer, FORM_POST_MESSAGES.tooLarge);
  });

  it("are cut at 1 MB when they stream without a length, and read up to exactly 1 MB", async () => {
    const prefix = "email=niemand%40onbekend.example&pad=";
    const over = await streamingPost(server.url, "/wachtwoord-vergeten", {
      body: generatedBody(MAX_FORM_BYTES + 1, prefix),
      headers: FORM,
    });
    expectDutchTooLarge(over, FORM_POST_MESSAGES.tooLarge);
    const exact = await streamingPost(server.url, "/wachtwoord-vergeten", {
      body: generatedBody(MAX_FORM_BYTES, prefix),
      headers: FORM,
    });
    expect(exact.status).toBe(200);
    expect(exact.body).toContain("Controleer uw mailbox");
  });

  it("keep the form limit also when posted as multipart to a route without files", async () => {
    const answer = await streamingPost(server.url, "/aanmelden", {
      body: generatedBody(5 * MB, "--grens\r\n"),
      headers: { "content-type": "multipart/form-data; boundary=grens", accept: "text/html" },
      declaredLength: 5 * MB,
    });
    expectDutchTooLarge(answer, FORM_POST_MESSAGES.tooLarge);
  });
});

describe("uploads", () => {
  const uploadHeaders = () => ({
    "content-type": "multipart/form-data; boundary=grens",
    accept: "text/html",
    cookie: official.cookieHeader(),
  });
  const filePart =
    '--grens\r\nContent-Disposition: form-data; name="bijlagen"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n';

  it("refuse a post declared over 100 MB at once", async () => {
    const answer = await streamingPost(server.url, stepPath, {
      // The body stalls after 1 MB: the answer must not wait for the rest.
      body: generatedBody(MAX_REQUEST_BYTES + 1, filePart, { holdAfter: MB }),
      headers: uploadHeaders(),
      declaredLength: MAX_REQUEST_BYTES + 1,
    });
    expectDutchTooLarge(answer, UPLOAD_MESSAGES.requestTooLarge);
    expect(answer.sentWhenAnswered).toBeLessThanOrEqual(MB + 64 * 1024);
  });

  it("cut a post without length at 100 MB and leave no temp file", async () => {
    const answer = await streamingPost(server.url, stepPath, {
      body: generatedBody(MAX_REQUEST_BYTES + MB, filePart),
      headers: uploadHeaders(),
    });
    expectDutchTooLarge(answer, UPLOAD_MESSAGES.requestTooLarge);
    // The reader removes its temp file once the body breaks off.
    await expect.poll(async () => readdir(path.join(uploadDir, "tmp")).catch(() => []), { timeout: 5_000 }).toEqual([]);
  });
});
