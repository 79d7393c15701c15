import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listAttachments, removeAttachment, storeAttachment, type StoreResult } from "~/attachments/attachments.server";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, wrongTypeMessage, type AttachmentKind } from "~/attachments/file-types";
import { tempDir, uploadDir } from "~/attachments/storage.server";
import { readMultipartForm, type UploadedFile } from "~/attachments/upload.server";
import { createPrismaClient, prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Uploads through the real multipart reader into a real upload folder (a temp dir of this
// test file) and the real SQLite file; downloads over real HTTP against the built server.
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "agii-uploads-"));

const db = createPrismaClient();
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/attachments", name));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let server: RunningServer;
let antwerpen: { id: string };
let gent: { id: string };
let official: Awaited<ReturnType<typeof createUser>>;
let gentOfficial: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;
let callId: string;
let draft: { id: string };

function viewerOf(user: { id: string; email: string }, organisationIds: string[], staffRoles: Viewer["staffRoles"] = []): Viewer {
  return {
    userId: user.id,
    email: user.email,
    firstName: "Test",
    lastName: "Gebruiker",
    staffRoles,
    memberships: organisationIds.map((organisationId) => ({ organisationId, name: "", kind: "GEMEENTE", readOnly: false })),
    activeOrganisationId: organisationIds[0] ?? null,
  };
}

/** A form post as a browser sends it: text fields and files, multipart/form-data. */
function formPost(entries: Array<[string, string | File]>): Request {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return new Request("http://127.0.0.1/dossiers/x/stap/bijlagen", { method: "POST", body: form });
}

function rawPost(body: Buffer, boundary = "grens"): Request {
  return new Request("http://127.0.0.1/dossiers/x/stap/bijlagen", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: new Uint8Array(body),
  });
}

function store(upload: UploadedFile, kind: AttachmentKind, applicationId = draft.id): Promise<StoreResult> {
  return prisma.$transaction((tx) =>
    storeAttachment(tx, { applicationId, fieldKey: upload.field, upload, kind, uploadedById: official.id }),
  );
}

async function uploadOne(file: File, kind: AttachmentKind, applicationId = draft.id) {
  const { files } = await readMultipartForm(formPost([["bijlage", file]]));
  expect(files).toHaveLength(1);
  return store(files[0]!, kind, applicationId);
}

const pdfBytes = fixture("statuten.pdf");

beforeAll(async () => {
  antwerpen = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002" });
  gent = await createOrganisation(db, { name: "Stad Gent", nisCode: "44021", province: "Oost-Vlaanderen" });
  official = await createUser(db, { email: "ambtenaar@antwerpen.example", memberOf: [antwerpen.id] });
  gentOfficial = await createUser(db, { email: "ambtenaar@gent.example", memberOf: [gent.id] });
  reviewer = await createUser(db, { email: "beoordelaar@agii.example", staffRoles: ["REVIEWER"] });
  const call = await createProgrammeAndCall(db, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2027-01-01T00:00:00Z"),
  });
  callId = call.id;
  draft = await createApplication(db, { callId, organisationId: antwerpen.id });
  server = await startServer({ UPLOAD_DIR: process.env.UPLOAD_DIR! });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
  await rm(process.env.UPLOAD_DIR!, { recursive: true, force: true });
});

afterEach(async () => {
  // No test leaves a temp file behind, whatever its outcome.
  expect(await tempFiles()).toEqual([]);
});

async function tempFiles(): Promise<string[]> {
  try {
    return await readdir(tempDir());
  } catch {
    return [];
  }
}

describe("readMultipartForm", () => {
  it("returns the text fields and streams the file to a temp file with its size and sha-256", async () => {
    const { formData, files } = await readMultipartForm(
      formPost([
        ["contact.naam", "An Peeters"],
        ["statuten", new File([pdfBytes], "statuten.pdf", { type: "application/pdf" })],
        ["opmerking", "Zie bijlage é"],
      ]),
    );
    expect([...formData]).toEqual([
      ["contact.naam", "An Peeters"],
      ["opmerking", "Zie bijlage é"],
    ]);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({
      field: "statuten",
      fileName: "statuten.pdf",
      sizeBytes: pdfBytes.byteLength,
      sha256: sha256(pdfBytes),
      tooLarge: false,
    });
    expect(path.dirname(file!.tempPath)).toBe(tempDir());
    expect(await readFile(file!.tempPath)).toEqual(pdfBytes);
    expect((await store(file!, "pdf")).ok).toBe(true);
  });

  it("keeps every text field when a file is larger than 20 MB, and refuses that file with the exact message", async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x20);
    big.write("%PDF-1.7\n");
    const { formData, files } = await readMultipartForm(
      formPost([
        ["titel", "Meerjarenplan 2026-2031"],
        ["meerjarenplan", new File([big], "meerjarenplan.pdf", { type: "application/pdf" })],
        // A field after the file: the reader went on after the cap.
        ["contact.email", "an.peeters@antwerpen.example"],
      ]),
    );
    expect(Object.fromEntries(formData)).toEqual({
      titel: "Meerjarenplan 2026-2031",
      "contact.email": "an.peeters@antwerpen.example",
    });
    expect(files[0]).toMatchObject({ field: "meerjarenplan", tooLarge: true, sizeBytes: MAX_UPLOAD_BYTES + 1 });
    // Nothing of the file is kept while the rest of the form is read.
    expect(await tempFiles()).toEqual([]);
    const result = await store(files[0]!, "pdf");
    expect(result).toEqual({ ok: false, message: "Het bestand is groter dan 20 MB. Kies een kleiner bestand." });
    expect(await listAttachments(draft.id, "meerjarenplan")).toEqual([]);
  });

  it("accepts a file of exactly 20 MB", async () => {
    const exact = Buffer.alloc(MAX_UPLOAD_BYTES, 0x20);
    exact.write("%PDF-1.7\n");
    const result = await uploadOne(new File([exact], "groot.pdf"), "pdf");
    expect(result.ok && result.attachment.sizeBytes).toBe(MAX_UPLOAD_BYTES);
  });

  it("ignores a file input left empty, as browsers send it", async () => {
    const body = Buffer.from(
      '--grens\r\nContent-Disposition: form-data; name="titel"\r\n\r\nPlan\r\n' +
        '--grens\r\nContent-Disposition: form-data; name="statuten"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n' +
        "--grens--\r\n",
    );
    const { formData, files } = await readMultipartForm(rawPost(body));
    expect(Object.fromEntries(formData)).toEqual({ titel: "Plan" });
    expect(files).toEqual([]);
  });

  it("keeps a file name with semicolons, equals signs and quotes, and all other fields", async () => {
    const { formData, files } = await readMultipartForm(
      formPost([
        ["titel", "Plan"],
        ["statuten", new File([pdfBytes], 'statuten; versie=2 "definitief".pdf')],
      ]),
    );
    expect(Object.fromEntries(formData)).toEqual({ titel: "Plan" });
    const result = await store(files[0]!, "pdf");
    expect(result.ok && result.attachment.fileName).toBe("statuten; versie=2 _definitief_.pdf");
  });

  it("reads an ordinary urlencoded post without files", async () => {
    const request = new Request("http://127.0.0.1/x", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ titel: "Plan", intent: "save" }),
    });
    const { formData, files } = await readMultipartForm(request);
    expect(Object.fromEntries(formData)).toEqual({ titel: "Plan", intent: "save" });
    expect(files).toEqual([]);
  });

  it("refuses a post declared larger than 100 MB before reading it", async () => {
    const request = new Request("http://127.0.0.1/x", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=grens", "content-length": String(101 * 1024 * 1024) },
      body: "--grens--\r\n",
    });
    const thrown = await readMultipartForm(request).catch((error: unknown) => error);
    expect(thrown).toMatchObject({
      data: {
        message: "U verstuurde in één keer meer dan 100 MB. Voeg de bestanden één voor één toe, of kies kleinere bestanden.",
      },
      init: { status: 413 },
    });
  });

  it("stops a post without length once it passes the limit, and removes what it wrote", async () => {
    const request = formPost([
      ["a", new File([pdfBytes], "a.pdf")],
      ["b", new File([Buffer.alloc(64 * 1024, 1)], "b.pdf")],
    ]);
    const thrown = await readMultipartForm(request, { maxRequestBytes: 32 * 1024 }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ data: { message: UPLOAD_MESSAGES.requestTooLarge }, init: { status: 413 } });
    expect(await tempFiles()).toEqual([]);
  });

  it("refuses a malformed body with a Dutch message and removes what it wrote", async () => {
    const body = Buffer.concat([Buffer.from('--grens\r\nContent-Disposition: form-data; name="a"; filename="a.pdf"\r\n\r\n'), pdfBytes]);
    const thrown = await readMultipartForm(rawPost(body)).catch((error: unknown) => error);
    expect(thrown).toMatchObject({
      data: { message: "Het formulier kon niet gelezen worden. Laad de pagina opnieuw en probeer nog eens." },
      init: { status: 400 },
    });
    expect(await tempFiles()).toEqual([]);
  });
});

describe("storeAttachment", () => {
  it("stores a PDF under a random name with its sha-256, and audits the upload", async () => {
    const result = await uploadOne(new File([pdfBytes], "Statuten vzw.pdf", { type: "text/plain" }), "pdf");
    if (!result.ok) throw new Error(result.message);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: result.attachment.id } });
    expect(row).toMatchObject({
      applicationId: draft.id,
      fieldKey: "bijlage",
      fileName: "Statuten vzw.pdf",
      // From the content, not from what the browser claimed.
      mimeType: "application/pdf",
      sizeBytes: pdfBytes.byteLength,
      sha256: sha256(pdfBytes),
      uploadedById: official.id,
      deletedAt: null,
    });
    expect(row.storedName).toMatch(/^[a-f0-9]{32}$/);
    const onDisk = path.join(uploadDir(), row.storedName);
    expect(await readFile(onDisk)).toEqual(pdfBytes);
    expect((await stat(onDisk)).mode & 0o077).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "attachment.upload" } });
    expect(audit).toMatchObject({ actorId: official.id, actorRole: "APPLICANT", applicationId: draft.id });
  });

  it("refuses an executable renamed to .pdf with the exact message", async () => {
    const exe = Buffer.alloc(4096);
    exe.write("MZ");
    exe.write("PE\0\0", 0x80, "latin1");
    const result = await uploadOne(new File([exe], "begroting.pdf", { type: "application/pdf" }), "pdf");
    expect(result).toEqual({ ok: false, message: "Dit bestand is geen PDF-bestand. Kies een PDF-document." });
  });

  it("accepts XLSX and ODS for annual accounts, not for a PDF-only field", async () => {
    const xlsx = await uploadOne(new File([fixture("begroting.xlsx")], "jaarrekening.xlsx"), "pdf-or-spreadsheet");
    expect(xlsx.ok && xlsx.attachment.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const ods = await uploadOne(new File([fixture("begroting.ods")], "jaarrekening.ods"), "pdf-or-spreadsheet");
    expect(ods.ok && ods.attachment.mimeType).toBe("application/vnd.oasis.opendocument.spreadsheet");
    expect(await uploadOne(new File([fixture("begroting.xlsx")], "plan.xlsx"), "pdf")).toEqual({
      ok: false,
      message: wrongTypeMessage("pdf"),
    });
  });

  it("refuses a Word document for annual accounts with the exact message", async () => {
    const result = await uploadOne(new File([fixture("statuten.docx")], "jaarrekening.xlsx"), "pdf-or-spreadsheet");
    expect(result).toEqual({
      ok: false,
      message: "Dit bestand is geen PDF-, XLSX- of ODS-bestand. Kies een PDF-document of een rekenblad in XLSX- of ODS-formaat.",
    });
  });

  it("refuses an empty file", async () => {
    expect(await uploadOne(new File([], "leeg.pdf"), "pdf")).toEqual({
      ok: false,
      message: "Het bestand is leeg. Kies een bestand met inhoud.",
    });
  });

  it("refuses a file name that is not UTF-8", async () => {
    const body = Buffer.concat([
      Buffer.from('--grens\r\nContent-Disposition: form-data; name="statuten"; filename="'),
      Buffer.from([0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]),
      Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n'),
      pdfBytes,
      Buffer.from("\r\n--grens--\r\n"),
    ]);
    const { files } = await readMultipartForm(rawPost(body));
    expect(await store(files[0]!, "pdf")).toEqual({
      ok: false,
      message: "De naam van het bestand kan niet gelezen worden. Geef het bestand een eenvoudige naam en kies het opnieuw.",
    });
  });

  it("refuses new attachments once the dossier is submitted", async () => {
    const otherCall = await createProgrammeAndCall(db, {
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2027-01-01T00:00:00Z"),
    });
    const submitted = await createApplication(db, { callId: otherCall.id, organisationId: antwerpen.id, status: "SUBMITTED" });
    expect(await uploadOne(new File([pdfBytes], "laat.pdf"), "pdf", submitted.id)).toEqual({
      ok: false,
      message: "De bijlagen van dit dossier kunnen niet meer gewijzigd worden.",
    });
    expect(await listAttachments(submitted.id)).toEqual([]);
  });
});

describe("removeAttachment", () => {
  async function addPdf(applicationId = draft.id) {
    const result = await uploadOne(new File([pdfBytes], "weg.pdf"), "pdf", applicationId);
    if (!result.ok) throw new Error(result.message);
    return result.attachment;
  }
  const remove = (attachmentId: string, viewer: Viewer, applicationId = draft.id) =>
    prisma.$transaction((tx) => removeAttachment(tx, { attachmentId, applicationId, viewer }));

  it("lets a member remove an attachment of a draft, softly and audited", async () => {
    const attachment = await addPdf();
    expect(await remove(attachment.id, viewerOf(official, [antwerpen.id]))).toEqual({ ok: true });
    expect((await listAttachments(draft.id)).map((a) => a.id)).not.toContain(attachment.id);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: attachment.id, action: "attachment.remove" } })).toBe(1);
  });

  it("refuses another organisation's member, staff, and a submitted dossier", async () => {
    const attachment = await addPdf();
    expect(await remove(attachment.id, viewerOf(gentOfficial, [gent.id]))).toEqual({
      ok: false,
      message: "Deze bijlage bestaat niet of u hebt er geen toegang toe.",
    });
    expect(await remove(attachment.id, viewerOf(reviewer, [], ["REVIEWER"]))).toEqual({
      ok: false,
      message: UPLOAD_MESSAGES.notEditable,
    });
    await db.application.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    try {
      expect(await remove(attachment.id, viewerOf(official, [antwerpen.id]))).toEqual({
        ok: false,
        message: UPLOAD_MESSAGES.notEditable,
      });
    } finally {
      await db.application.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    }
    expect((await listAttachments(draft.id)).map((a) => a.id)).toContain(attachment.id);
  });
});

describe("GET /bijlagen/:id", () => {
  let attachmentId: string;
  const fileName = "Statuten vzw é (2025).pdf";

  beforeAll(async () => {
    const result = await uploadOne(new File([pdfBytes], fileName), "pdf");
    if (!result.ok) throw new Error(result.message);
    attachmentId = result.attachment.id;
  });

  async function clientFor(user: { email: string; password: string }) {
    const client = new HttpClient(server.url);
    await client.login(user.email);
    return client;
  }

  it("sends the file to a member of the dossier's organisation, as a download", async () => {
    const response = await (await clientFor(official)).get(`/bijlagen/${attachmentId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Statuten vzw e (2025).pdf"; filename*=UTF-8''Statuten%20vzw%20%C3%A9%20%282025%29.pdf`,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(pdfBytes.byteLength);
    expect(sha256(body)).toBe(sha256(pdfBytes));
    // Members' downloads are not audited; staff's are.
    expect(await db.auditEvent.count({ where: { entityId: attachmentId, action: "attachment.download" } })).toBe(0);
  });

  it("answers 404 to a member of another organisation, as for an unknown attachment", async () => {
    const client = await clientFor(gentOfficial);
    const response = await client.get(`/bijlagen/${attachmentId}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Deze bijlage bestaat niet of u hebt er geen toegang toe.");
    const unknown = await client.get("/bijlagen/bestaat-niet");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("Deze bijlage bestaat niet of u hebt er geen toegang toe.");
  });

  it("sends the file to AgII staff and writes the download to the audit trail", async () => {
    const response = await (await clientFor(reviewer)).get(`/bijlagen/${attachmentId}`);
    expect(response.status).toBe(200);
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(pdfBytes));
    const events = await db.auditEvent.findMany({ where: { entityId: attachmentId, action: "attachment.download" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: reviewer.id,
      actorRole: "REVIEWER",
      applicationId: draft.id,
      organisationId: antwerpen.id,
    });
  });

  it("sends anonymous visitors to the login page and back", async () => {
    const response = await new HttpClient(server.url).get(`/bijlagen/${attachmentId}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/aanmelden?redirectTo=${encodeURIComponent(`/bijlagen/${attachmentId}`)}`);
  });

  it("answers 500 with a Dutch message when the stored file is gone, and audits nothing", async () => {
    const result = await uploadOne(new File([pdfBytes], "verdwenen.pdf"), "pdf");
    if (!result.ok) throw new Error(result.message);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: result.attachment.id } });
    await rm(path.join(uploadDir(), row.storedName));
    const response = await (await clientFor(reviewer)).get(`/bijlagen/${row.id}`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Het bestand van deze bijlage is niet beschikbaar. Neem contact op met de helpdesk.");
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "attachment.download" } })).toBe(0);
  });

  it("answers 404 once the attachment is removed", async () => {
    const result = await uploadOne(new File([pdfBytes], "tijdelijk.pdf"), "pdf");
    if (!result.ok) throw new Error(result.message);
    await prisma.$transaction((tx) =>
      removeAttachment(tx, { attachmentId: result.attachment.id, applicationId: draft.id, viewer: viewerOf(official, [antwerpen.id]) }),
    );
    expect((await (await clientFor(official)).get(`/bijlagen/${result.attachment.id}`)).status).toBe(404);
  });
});
