import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDossier } from "~/applications/dossier.server";
import { createPrismaClient } from "~/db.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";

// The dossier and its files come back in one statement (its files as JSON): the instants,
// the order and the deleted files must be what Prisma itself reads, on either database.
const db = createPrismaClient();
let withFiles = "";
let withoutFiles = "";

beforeAll(async () => {
  const call = await createProgrammeAndCall(db, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2030-01-01T00:00:00Z"),
    settings: { ratePerLearnerCents: 6000, maxLearners: 2250 },
  });
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const gent = await createOrganisation(db, { name: "Stad Gent", nisCode: "44021", province: "Oost-Vlaanderen" });
  const an = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id] });
  withFiles = (await createApplication(db, { callId: call.id, organisationId: leuven.id })).id;
  withoutFiles = (await createApplication(db, { callId: call.id, organisationId: gent.id })).id;
  const file = (name: string, createdAt: string, deletedAt: string | null = null) =>
    db.attachment.create({
      data: {
        applicationId: withFiles,
        fieldKey: "begroting",
        fileName: name,
        storedName: `${name}-${createdAt}`,
        mimeType: "application/pdf",
        sizeBytes: 1403 + name.length,
        sha256: "a".repeat(64),
        uploadedById: an.id,
        createdAt: new Date(createdAt),
        deletedAt: deletedAt ? new Date(deletedAt) : null,
      },
    });
  // Created out of order, one of them at a Brussels summer-time instant with milliseconds.
  await file("tweede.pdf", "2026-07-01T21:59:59.123Z");
  await file("eerste.pdf", "2026-02-01T08:00:00.000Z");
  await file("weg.pdf", "2026-03-01T08:00:00.000Z", "2026-03-02T08:00:00.000Z");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("loadDossier", () => {
  it("returns the live files, oldest first, as Prisma stored them", async () => {
    const dossier = await loadDossier(withFiles);
    const stored = await db.attachment.findMany({
      where: { applicationId: withFiles, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, fieldKey: true, fileName: true, sizeBytes: true, sha256: true, createdAt: true },
    });
    expect(dossier.attachments.map((a) => a.fileName)).toEqual(["eerste.pdf", "tweede.pdf"]);
    expect(dossier.attachments).toEqual(stored);
    expect(dossier.attachments[1]!.createdAt.toISOString()).toBe("2026-07-01T21:59:59.123Z");
  });

  it("returns an empty list for a dossier without files", async () => {
    expect((await loadDossier(withoutFiles)).attachments).toEqual([]);
  });

  it("sees the files of its own transaction", async () => {
    const seen = await db.$transaction(async (tx) => {
      await tx.attachment.updateMany({ where: { applicationId: withFiles, fileName: "eerste.pdf" }, data: { deletedAt: new Date() } });
      const inside = await loadDossier(withFiles, tx);
      await tx.attachment.updateMany({ where: { applicationId: withFiles, fileName: "eerste.pdf" }, data: { deletedAt: null } });
      return inside.attachments.map((a) => a.fileName);
    });
    expect(seen).toEqual(["tweede.pdf"]);
  });
});
