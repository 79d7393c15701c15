import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { REQUIRED } from "~/utils/schemas";
import { TEXT_MESSAGES } from "~/utils/text";
import { OEFENKANSEN_ANSWERS } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Control characters typed (or pasted, or posted by a script) into text fields, through real
// HTTP against the built server: refused next to the field and in the error summary.
const db = createPrismaClient();
let server: RunningServer;
let client: HttpClient;
/** A member of a partner vzw without access to the IdP: only such an organisation invites (0047). */
let partnerClient: HttpClient;
let draftId: string;
let withdrawnId: string;

beforeAll(async () => {
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const call = await createProgrammeAndCall(db, { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2030-01-01T00:00:00Z") });
  draftId = (await createApplication(db, { callId: call.id, organisationId: leuven.id })).id;
  const second = await createProgrammeAndCall(db, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2030-01-01T00:00:00Z"),
  });
  withdrawnId = (await createApplication(db, { callId: second.id, organisationId: leuven.id })).id;
  const official = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id] });
  server = await startServer();
  client = new HttpClient(server.url);
  await client.login(official.email);
  const partner = await db.organisation.create({
    data: { name: "vzw Brugwerk", kind: "VZW", kboNumber: "0456123494", province: "Vlaams-Brabant", passwordLoginAllowed: true },
  });
  const partnerMember = await createUser(db, { email: "lid@brugwerk.example", memberOf: [partner.id] });
  partnerClient = new HttpClient(server.url);
  await partnerClient.loginWithPassword(partnerMember.email, partnerMember.password);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

/** The message under a field (FieldError) and the matching line of the error summary. */
function expectFieldError(html: string, field: string, label: string, message: string) {
  expect(html).toContain(`<p id="veld-${field}-error" class="field-error"><span class="visually-hidden">Fout: </span>${message}</p>`);
  expect(html).toContain(`href="#veld-${field}">${label}: ${message}</a>`);
}

describe("control characters in text fields", () => {
  it("refuses them in the invitation form, and counts a name of only NUL as empty", async () => {
    const response = await partnerClient.post("/organisatie?index", {
      email: "bert@brugwerk.example",
      firstName: "\u0000",
      lastName: "Pee\u0007ters",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expectFieldError(html, "firstName", "Voornaam", REQUIRED);
    expectFieldError(html, "lastName", "Familienaam", TEXT_MESSAGES.control);
    expect(await db.verification.count({ where: { email: "bert@brugwerk.example" } })).toBe(0);
  });

  it("refuses them in an application step", async () => {
    const page = await (await client.get(`/dossiers/${draftId}/stap/organisatie`)).text();
    const baseVersion = /name="baseVersion" value="(\d+)"/.exec(page)![1]!;
    const baseFingerprint = /name="baseFingerprint" value="([0-9a-f]+)"/.exec(page)![1]!;
    const response = await client.post(`/dossiers/${draftId}/stap/organisatie`, {
      ...OEFENKANSEN_ANSWERS.organisatie,
      contactVoornaam: "\u0000\u0000",
      contactFunctie: "Coördinator\u001b[31m",
      baseVersion,
      baseFingerprint,
      intent: "next",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expectFieldError(html, "contactVoornaam", "Voornaam contactpersoon", REQUIRED);
    expectFieldError(html, "contactFunctie", "Functie", TEXT_MESSAGES.control);
  });

  it("refuses them in the reason for withdrawing, which no longer is cut off silently", async () => {
    const path = `/dossiers/${withdrawnId}/intrekken`;
    const refused = await client.post(path, { reason: "Dubbel\u0000 ingediend" });
    expect(refused.status).toBe(400);
    expectFieldError(await refused.text(), "reason", "Reden", TEXT_MESSAGES.control);
    const tooLong = await client.post(path, { reason: "x".repeat(1001) });
    expect(tooLong.status).toBe(400);
    expectFieldError(await tooLong.text(), "reason", "Reden", "Gebruik hoogstens 1000 tekens.");
    expect((await db.application.findUniqueOrThrow({ where: { id: withdrawnId } })).status).toBe("DRAFT");

    const withdrawn = await client.post(path, { reason: "Per vergissing\r\ntwee keer gestart." });
    expect(withdrawn.status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: withdrawnId } })).status).toBe("WITHDRAWN");
  });
});
