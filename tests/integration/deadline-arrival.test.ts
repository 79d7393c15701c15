import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { formatDateTime } from "~/utils/time-format";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Over real HTTP, against the built server: at a deadline, what counts is when the submit
// reached the server. Submits are handled a few at a time (server/admission.js; here one), so
// at a deadline they queue: one that arrived before the deadline but gets its turn after it is
// accepted and stamped with its arrival; one that arrived after the deadline is refused.
const db = createPrismaClient();
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off", SUBMIT_CONCURRENCY: "1" });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function draftFor(callId: string, name: string) {
  const organisation = await createOrganisation(db, { name, nisCode: testNisCode() });
  const user = await createUser(db, { memberOf: [organisation.id] });
  const application = await createApplication(db, { callId, organisationId: organisation.id, data: oefenkansenDraft() });
  const client = new HttpClient(server.url);
  await client.login(user.email);
  return { application, client };
}

/**
 * A submit whose form arrives slowly (a poor connection): it holds its turn while the body
 * comes in, until `finish()` sends the rest.
 */
function slowSubmit(client: HttpClient, applicationId: string) {
  const url = new URL(`/dossiers/${applicationId}/overzicht`, server.url);
  let finish = () => {};
  const answer = new Promise<number>((resolve, reject) => {
    const req = httpRequest(url, {
      method: "POST",
      headers: { cookie: client.cookieHeader(), origin: url.origin, "content-type": "application/x-www-form-urlencoded" },
    });
    req.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write("baseVersion=");
    finish = () => req.end("1");
  });
  return { answer, finish: () => finish() };
}

const waitUntil = (instant: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));

describe("submits queued at the deadline", () => {
  it("accepts the one that arrived in time, with its arrival as its time, and refuses the late one", async () => {
    const call = await createProgrammeAndCall(db, {
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 3_600_000),
    });
    const [first, inTime, late] = [
      await draftFor(call.id, "Gemeente Traag"),
      await draftFor(call.id, "Gemeente Op Tijd"),
      await draftFor(call.id, "Gemeente Te Laat"),
    ];
    // The deadline is set once everyone is ready, however long preparing took on a busy machine.
    const closesAt = new Date(Date.now() + 2_000);
    await db.call.update({ where: { id: call.id }, data: { closesAt } });

    const slow = slowSubmit(first.client, first.application.id); // takes the one turn
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentInTime = Date.now();
    const queued = inTime.client.post(`/dossiers/${inTime.application.id}/overzicht`, { baseVersion: "1" });
    await waitUntil(closesAt.getTime() + 300);
    const tooLate = late.client.post(`/dossiers/${late.application.id}/overzicht`, { baseVersion: "1" });
    await waitUntil(closesAt.getTime() + 1_000);
    slow.finish(); // the queue moves on after the deadline

    expect(await slow.answer).toBe(302);
    const accepted = await queued;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/dossiers/${inTime.application.id}/ontvangstbewijs`);
    expect(await (await inTime.client.get(accepted.headers.get("location")!)).text()).toContain("Uw aanvraag is verstuurd.");
    const stored = await db.application.findUniqueOrThrow({ where: { id: inTime.application.id } });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.submittedAt!.getTime()).toBeGreaterThanOrEqual(sentInTime - 5);
    expect(stored.submittedAt!.getTime()).toBeLessThan(closesAt.getTime());
    // The audit line records when the change was made: after the deadline, as it happened.
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { applicationId: inTime.application.id, after: { contains: "SUBMITTED" } },
    });
    expect(audit.at.getTime()).toBeGreaterThan(closesAt.getTime());

    const refused = await tooLate;
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(`De indiendatum van deze oproep, ${formatDateTime(closesAt)}, is voorbij.`);
    expect((await db.application.findUniqueOrThrow({ where: { id: late.application.id } })).status).toBe("DRAFT");
  }, 30_000);
});
