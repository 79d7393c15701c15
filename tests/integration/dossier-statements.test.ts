import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { OEFENKANSEN_ANSWERS } from "../support/answers";
import { submitDossier } from "../support/dossier-flow";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// What one page view of a dossier costs in SQL statements (SQL_LOG=1 prints each one), and
// that the dossier's own row is read once per request, however many loaders need it.
const db = createPrismaClient();
let server: RunningServer;
let official: HttpClient;
let reviewer: HttpClient;
let draftId = "";
let submittedId = "";

beforeAll(async () => {
  const call = await createProgrammeAndCall(db, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2030-01-01T00:00:00Z"),
    settings: { ratePerLearnerCents: 6000, maxLearners: 2250 },
  });
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const gent = await createOrganisation(db, { name: "Stad Gent", nisCode: "44021", province: "Oost-Vlaanderen" });
  const an = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id, gent.id] });
  const staff = await createUser(db, { email: "rita@agii.example", staffRoles: ["REVIEWER"] });
  const answers = Object.assign({}, ...Object.values(OEFENKANSEN_ANSWERS));
  draftId = (await createApplication(db, { callId: call.id, organisationId: leuven.id, data: answers })).id;
  submittedId = (await createApplication(db, { callId: call.id, organisationId: gent.id, data: answers })).id;
  await submitDossier(db, submittedId, an.id, "OEF-2026-0001");
  // No background work while counting: the mail worker, the reminders and the rate-limit sync
  // would otherwise write their statements between the requests.
  server = await startServer({ SQL_LOG: "1", OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off", RATE_LIMIT_SYNC_MS: "3600000" });
  official = new HttpClient(server.url);
  await official.login(an.email);
  reviewer = new HttpClient(server.url);
  await reviewer.login(staff.email);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const statementLines = () =>
  server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("sql: "));

/** The statements the server ran for one GET, once its log has caught up with the answer. */
async function statementsOf(client: HttpClient, path: string): Promise<string[]> {
  let before = statementLines().length;
  for (let stable = 0; stable < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = statementLines().length;
    stable = now === before ? stable + 1 : 0;
    before = now;
  }
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  await response.text();
  let seen = statementLines().length;
  for (let stable = 0; stable < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = statementLines().length;
    stable = now === seen ? stable + 1 : 0;
    seen = now;
  }
  return statementLines().slice(before);
}

/**
 * A read of the dossier's own row (by its id), by the fast lane (`FROM "Application" a … WHERE
 * a."id" = ?`) or by Prisma; not the sums over a call's dossiers that the review page shows.
 */
// SQLite's and PostgreSQL's spelling: `main` or "public", backticks or double quotes, ? or $1.
const readsDossierRow = (statement: string) =>
  /^sql: +SELECT .* FROM [`"]((main|public)[`"]\.[`"])?Application[`"].* WHERE \(?(a\."id"|[`"](main|public)[`"]\.[`"]Application[`"]\.[`"]id[`"]|"id") = (\?|\$\d+)/.test(
    statement,
  );

// Before the dossier layout and the per-request read (2026-12-02) these pages ran 12, 3, 3, 7,
// 3, 16 and 12 statements and read the dossier's row 4, 1, 1, 2, 1, 2 and 4 times; its files
// have come with its row since 2026-12-02, one statement less on each.
describe("one page view of a dossier", () => {
  it.each([
    ["the dossier", () => official, () => `/dossiers/${draftId}`, 5],
    ["a step", () => official, () => `/dossiers/${draftId}/stap/organisatie`, 2],
    ["the summary", () => official, () => `/dossiers/${draftId}/overzicht`, 2],
    ["the withdrawal page", () => official, () => `/dossiers/${draftId}/intrekken`, 2],
    ["the receipt", () => official, () => `/dossiers/${submittedId}/ontvangstbewijs`, 2],
    ["the review page", () => reviewer, () => `/dossiers/${submittedId}/beoordeling`, 12],
    ["the dossier, for staff", () => reviewer, () => `/dossiers/${submittedId}`, 5],
  ])("reads the dossier once: %s", async (_label, client, path, most) => {
    await statementsOf(client(), path()); // warm: the first view of a page compiles and caches more
    const statements = await statementsOf(client(), path());
    expect(statements.filter(readsDossierRow), statements.join("\n")).toHaveLength(1);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(most);
  });
});
