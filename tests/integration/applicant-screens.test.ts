import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { endOfDay, startOfDay } from "~/utils/time";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// What an applicant reads over real HTTP, against the built server: after the deadline one
// message that names it; on the receipt, what happens next and by when.
const db = createPrismaClient();
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function draftIn(call: { id: string }, name: string) {
  const organisation = await createOrganisation(db, { name, nisCode: testNisCode() });
  const user = await createUser(db, { memberOf: [organisation.id] });
  const application = await createApplication(db, { callId: call.id, organisationId: organisation.id, data: oefenkansenDraft() });
  const client = new HttpClient(server.url);
  await client.login(user.email);
  return { organisation, user, application, client };
}

/** The page's main content, without the site header and footer. */
async function mainOf(client: HttpClient, path: string): Promise<string> {
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return html.slice(html.indexOf("<main"), html.indexOf("</main>"));
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("after the deadline", () => {
  const LATE = "De indiendatum van deze oproep, 15 januari 2026 om 23:59, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.";

  it("says once, on every page of the draft, that the call's deadline has passed, naming it", async () => {
    const call = await createProgrammeAndCall(db, { opensAt: startOfDay("2025-10-01"), closesAt: endOfDay("2026-01-15") });
    const { application, client } = await draftIn(call, "Gemeente Laat");
    const base = `/dossiers/${application.id}`;
    for (const path of [base, `${base}/overzicht`, `${base}/stap/organisatie`, `${base}/stap/rekening`]) {
      const main = await mainOf(client, path);
      expect(occurrences(main, LATE), path).toBe(1);
      expect(main, path).not.toContain("deze stap");
      expect(main, path).not.toContain("Indienen kan tot");
      expect(main, path).not.toContain("Bewaren en verder");
      expect(main, path).not.toContain("Aanvraag indienen");
    }
    // The summary without the step list: its content is the layout's only column (the full width).
    const summary = await mainOf(client, `${base}/overzicht`);
    expect(summary).not.toContain('class="wizard-steps"');
    expect(summary).toMatch(/<div class="wizard-layout"><div class="wizard-main">/);
  });

  it("gives the same single message when a late submit is refused", async () => {
    const call = await createProgrammeAndCall(db, { opensAt: startOfDay("2025-10-01"), closesAt: endOfDay("2026-01-15") });
    const { application, client } = await draftIn(call, "Gemeente Nog Later");
    const response = await client.post(`/dossiers/${application.id}/overzicht`, { baseVersion: "1" });
    expect(response.status).toBe(409);
    const html = await response.text();
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    expect(occurrences(main, LATE)).toBe(1);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("DRAFT");
  });

  it("names the organisation's extended deadline once that has passed", async () => {
    const call = await createProgrammeAndCall(db, { opensAt: startOfDay("2025-10-01"), closesAt: endOfDay("2026-01-15") });
    const { application, organisation, client } = await draftIn(call, "Gemeente Verlengd");
    const staff = await createUser(db, { staffRoles: ["ADMIN"] });
    await db.deadlineExtension.create({
      data: {
        callId: call.id,
        organisationId: organisation.id,
        closesAt: new Date("2026-01-22T12:00:59.999+01:00"),
        reason: "Overmacht",
        grantedById: staff.id,
      },
    });
    const main = await mainOf(client, `/dossiers/${application.id}/stap/rekening`);
    expect(
      occurrences(
        main,
        "De verlengde indiendatum voor uw organisatie, 22 januari 2026 om 12:00, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.",
      ),
    ).toBe(1);
    expect(main).not.toContain(LATE);
  });
});

describe("the receipt", () => {
  async function submitted(decisionDueAt: Date | null, name: string) {
    const call = await createProgrammeAndCall(db, { opensAt: startOfDay("2026-01-01"), closesAt: endOfDay("2030-01-15") });
    await db.call.update({ where: { id: call.id }, data: { decisionDueAt } });
    const { application, client } = await draftIn(call, name);
    const response = await client.post(`/dossiers/${application.id}/overzicht`, { baseVersion: "1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${application.id}/ontvangstbewijs`);
    return mainOf(client, `/dossiers/${application.id}/ontvangstbewijs`);
  }

  it("says what happens next: the decision date of the call and an e-mail at each status change", async () => {
    const main = await submitted(endOfDay("2030-04-30"), "Gemeente Ontvangst");
    expect(main).toContain("Wat gebeurt er nu?");
    expect(main).toContain("Het agentschap beoordeelt uw aanvraag. Het beslist uiterlijk op 30 april 2030.");
    expect(main).toContain("Bij elke wijziging van de status van uw dossier krijgt u een e-mail");
  });

  it("says in plain words when the call has no decision date yet", async () => {
    const main = await submitted(null, "Gemeente Zonder Datum");
    expect(main).toContain("Voor deze oproep is nog geen beslissingsdatum vastgelegd: het agentschap laat u weten wanneer het beslist.");
    expect(main).not.toContain("uiterlijk op");
  });
});
