import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { enqueueEmail, type EnqueueEmailInput } from "~/mail/outbox.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Real HTTP against the built server: each user sees only their own e-mails; only
// administrators see the failed ones and may send them again.
const db = createPrismaClient();
let server: RunningServer;
let an: { id: string; email: string; password: string };
let bert: { email: string; password: string };
let reviewer: { email: string; password: string };
let admin: { id: string; email: string; password: string };
let dossier: { id: string };
let failedId: string;

function queue(input: Omit<EnqueueEmailInput, "template" | "html"> & { template?: string }) {
  return db.$transaction((tx) => enqueueEmail(tx, { template: "test", html: "<p>html</p>", ...input }));
}

beforeAll(async () => {
  const antwerpen = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002" });
  an = await createUser(db, { email: "an@antwerpen.example", memberOf: [antwerpen.id] });
  bert = await createUser(db, { email: "bert@antwerpen.example", memberOf: [antwerpen.id] });
  reviewer = await createUser(db, { email: "els@agii.example", staffRoles: ["REVIEWER"] });
  admin = await createUser(db, { email: "nadia@agii.example", staffRoles: ["ADMIN"] });
  const call = await createProgrammeAndCall(db, { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2027-01-01T00:00:00Z") });
  dossier = await createApplication(db, { callId: call.id, organisationId: antwerpen.id });
  await db.application.update({ where: { id: dossier.id }, data: { reference: "OEF-2026-0042" } });

  await queue({
    idempotencyKey: "an:1",
    to: an.email,
    userId: an.id,
    applicationId: dossier.id,
    subject: "Ontvangstbewijs voor An",
    text: "Tekst voor An <b>vet</b>",
  });
  await queue({
    idempotencyKey: "bert:1",
    to: bert.email,
    applicationId: dossier.id,
    subject: "Ontvangstbewijs voor Bert",
    text: "Tekst voor Bert",
  });
  await queue({
    idempotencyKey: "an:reset",
    template: "password-reset",
    to: an.email,
    subject: "Uw wachtwoord herstellen",
    text: "https://portaal.example/wachtwoord-herstellen/GEHEIM-TOKEN",
  });
  const failed = await queue({ idempotencyKey: "bert:failed", to: bert.email, subject: "Mislukt bericht", text: "Tekst" });
  failedId = failed.id;
  await db.emailOutbox.update({
    where: { id: failedId },
    data: { status: "FAILED", attempts: 8, lastError: "ECONNECTION: Connection closed <onverwacht>" },
  });

  // No worker or scheduler in this server: the statuses stay as the test set them.
  server = await startServer({ OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function loggedIn(user: { email: string; password: string }) {
  const client = new HttpClient(server.url);
  await client.login(user.email);
  return client;
}

describe("Mijn e-mails", () => {
  it("lists the viewer's own messages with status and dossier link, and nothing of colleagues", async () => {
    const page = await (await loggedIn(an)).get("/mijn-e-mails");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Mijn e-mails");
    expect(html).toContain('href="/mijn-e-mails"'); // in the header
    expect(html).toContain("Ontvangstbewijs voor An");
    expect(html).toContain("Tekst voor An &lt;b&gt;vet&lt;/b&gt;");
    expect(html).toContain("In de wachtrij");
    expect(html).toContain(`href="/dossiers/${dossier.id}"`);
    expect(html).toContain("OEF-2026-0042");
    expect(html).not.toContain("Bert");
    expect(html).not.toContain("Mislukt bericht");
    // A reset link is never shown again, only that the message exists.
    expect(html).toContain("Uw wachtwoord herstellen");
    expect(html).not.toContain("GEHEIM-TOKEN");
    expect(html).toContain("Dit bericht bevat een persoonlijke link en wordt hier niet getoond.");
  });

  it("shows a colleague only their own messages, also in the data endpoint", async () => {
    const client = await loggedIn(bert);
    const html = await (await client.get("/mijn-e-mails")).text();
    expect(html).toContain("Ontvangstbewijs voor Bert");
    expect(html).toContain("Mislukt");
    expect(html).not.toContain("Ontvangstbewijs voor An");
    const data = await (await client.get("/mijn-e-mails.data")).text();
    expect(data).not.toContain("Tekst voor An");
    expect(data).not.toContain("GEHEIM-TOKEN");
  });

  it("sends anonymous visitors to the login page", async () => {
    const response = await new HttpClient(server.url).get("/mijn-e-mails");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/aanmelden?redirectTo=${encodeURIComponent("/mijn-e-mails")}`);
  });
});

describe("Beheer: e-mails", () => {
  it("is refused to reviewers and officials, also the retry action", async () => {
    for (const user of [reviewer, an]) {
      const client = await loggedIn(user);
      const page = await client.get("/beheer/e-mails");
      expect(page.status).toBe(403);
      expect(await page.text()).not.toContain("Mislukt bericht");
      const post = await client.post("/beheer/e-mails", { intent: "retry", emailId: failedId });
      expect(post.status).toBe(403);
    }
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: failedId } })).status).toBe("FAILED");
  });

  it("shows administrators the queue and the failed messages with their last error, and retries them audited", async () => {
    const client = await loggedIn(admin);
    const page = await client.get("/beheer/e-mails");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Mislukte en onbevestigde e-mails");
    expect(html).toContain("Mislukt bericht");
    expect(html).toContain("ECONNECTION: Connection closed &lt;onverwacht&gt;");
    expect(html).toContain("Opnieuw proberen");

    const retried = await client.post("/beheer/e-mails", { intent: "retry", emailId: failedId });
    expect(retried.status).toBe(200);
    expect(await retried.text()).toContain("Het bericht staat opnieuw in de wachtrij en vertrekt binnen enkele seconden.");
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "PENDING", attempts: 0 });
    const audit = await db.auditEvent.findMany({ where: { action: "email.retry", entityId: failedId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(admin.id);

    const again = await client.post("/beheer/e-mails", { intent: "retry", emailId: failedId });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Dit bericht kan niet opnieuw verstuurd worden: het is niet (meer) mislukt.");
  });

  it("healthz reports the queue, including unconfirmed messages", async () => {
    const response = await new HttpClient(server.url).get("/healthz");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; outbox: Record<string, unknown> };
    expect(body.status).toBe("ok");
    expect(body.outbox).toMatchObject({ PENDING: 4, FAILED: 0, unconfirmed: 0 });
  });
});
