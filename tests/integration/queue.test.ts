import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import type { ApplicationStatus } from "~/domain/application-status";
import { DEFAULT_QUEUE_FILTER, QUEUE_PAGE_SIZE, type QueueFilter } from "~/review/queue";
import { queuePage } from "~/review/queue.server";
import { endOfDay } from "~/utils/time";
import { createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The staff queue against a real SQLite file: a few dozen dossiers, every filter, sort and
// page checked against an in-memory model of the same data; then the page over real HTTP.
const db = createPrismaClient();
const NOW = new Date("2026-05-04T10:00:00Z");
let server: RunningServer;
let me: { id: string; email: string; password: string };
let colleague: { id: string; email: string; password: string };
let official: { email: string; password: string };
let decider: { email: string; password: string };
let admin: { email: string; password: string };
const calls: Record<"late" | "ahead" | "none", { id: string; decisionDueAt: Date | null; code: string }> = {} as never;

type Dossier = {
  id: string;
  reference: string | null;
  status: ApplicationStatus;
  callKey: keyof typeof calls;
  organisation: { name: string; province: string; nisCode: string | null };
  submittedAt: Date | null;
  requestedCents: number | null;
  assigneeId: string | null;
  lateAnswer: boolean;
};
const dossiers: Dossier[] = [];

const ORGANISATIONS = [
  { name: "Antwerpen", nisCode: "11002", province: "Antwerpen" },
  { name: "Gent", nisCode: "44021", province: "Oost-Vlaanderen" },
  { name: "Leuven", nisCode: "24062", province: "Vlaams-Brabant" },
  { name: "Brugge", nisCode: "31005", province: "West-Vlaanderen" },
  { name: "Hasselt", nisCode: "71022", province: "Limburg" },
  { name: "Genk", nisCode: "71016", province: "Limburg" },
  { name: "Sint-Niklaas", nisCode: "46021", province: "Oost-Vlaanderen" },
  { name: "Mechelen", nisCode: "12025", province: "Antwerpen" },
  { name: "Kortrijk", nisCode: "34022", province: "West-Vlaanderen" },
  { name: "Aalst", nisCode: "41002", province: "Oost-Vlaanderen" },
  { name: "Sint-Truiden", nisCode: "71053", province: "Limburg" },
  { name: "OCMW Gent", nisCode: null, province: "Oost-Vlaanderen" },
];
const STATUS_CYCLE: ApplicationStatus[] = [
  "SUBMITTED",
  "IN_REVIEW",
  "INFO_REQUESTED",
  "PROPOSED",
  "APPROVED",
  "REFUSED",
  "DRAFT",
  "PARTIALLY_APPROVED",
  "WITHDRAWN",
  "IN_REVIEW",
  "SUBMITTED",
  "PROPOSED",
  "INFO_REQUESTED",
];

beforeAll(async () => {
  me = await createUser(db, { email: "els@agii.example", staffRoles: ["REVIEWER"] });
  colleague = await createUser(db, { email: "jan@agii.example", staffRoles: ["REVIEWER"] });
  await db.user.update({ where: { id: colleague.id }, data: { firstName: "Jan", lastName: "Collega" } });
  decider = await createUser(db, { email: "pieter@agii.example", staffRoles: ["DECIDER"] });
  admin = await createUser(db, { email: "nadia@agii.example", staffRoles: ["ADMIN"] });

  const specs = [
    ["late", "QLA", endOfDay("2026-04-30")],
    ["ahead", "QAH", endOfDay("2026-06-30")],
    ["none", "QNO", null],
  ] as const;
  for (const [key, code, decisionDueAt] of specs) {
    const call = await createProgrammeAndCall(db, { code, opensAt: new Date("2025-10-01T00:00:00Z"), closesAt: endOfDay("2026-01-15") });
    await db.call.update({ where: { id: call.id }, data: { decisionDueAt, title: `Oproep ${code}` } });
    calls[key] = { id: call.id, decisionDueAt, code };
  }

  const organisations = [];
  for (const spec of ORGANISATIONS) {
    organisations.push({
      ...spec,
      id: (await createOrganisation(db, { name: spec.name, nisCode: spec.nisCode ?? undefined, province: spec.province })).id,
    });
  }
  official = await createUser(db, { memberOf: [organisations[0]!.id] });

  let index = 0;
  let lateAnswers = 0;
  for (const callKey of ["late", "ahead", "none"] as const) {
    let sequence = 0;
    for (const organisation of organisations) {
      const status = STATUS_CYCLE[index % STATUS_CYCLE.length]!;
      const submitted = status !== "DRAFT";
      const reference = submitted ? `${calls[callKey].code}-2026-${String(++sequence).padStart(4, "0")}` : null;
      // Distinct amounts, none for the call without a decision date (like a recognition).
      const requestedCents = callKey === "none" ? null : 1_000_000 + ((index * 7919) % 97) * 10_000 + index;
      const assigneeId = index % 3 === 0 ? me.id : index % 3 === 1 ? colleague.id : null;
      const application = await db.application.create({
        data: {
          callId: calls[callKey].id,
          organisationId: organisation.id,
          status,
          formKey: "oefenkansen",
          formVersion: 1,
          reference,
          submittedAt: submitted ? new Date(Date.UTC(2026, 0, 2, 0, 0, 0) + index * 3_600_000 * 7) : null,
          requestedCents,
          assigneeId,
        },
      });
      // Information requests: a late unanswered one (overdue), a pending one, a late but answered one.
      let lateAnswer = false;
      if (status === "INFO_REQUESTED") {
        lateAnswer = lateAnswers++ % 2 === 0;
        await db.informationRequest.create({
          data: {
            applicationId: application.id,
            questions: "Graag meer uitleg.",
            dueAt: lateAnswer ? new Date("2026-05-01T21:59:59Z") : new Date("2026-05-20T21:59:59Z"),
            requestedById: me.id,
          },
        });
      } else if (status === "IN_REVIEW") {
        await db.informationRequest.create({
          data: {
            applicationId: application.id,
            questions: "Vraag",
            dueAt: new Date("2026-03-01T00:00:00Z"),
            requestedById: me.id,
            answer: "Antwoord",
            answeredAt: new Date("2026-02-20T00:00:00Z"),
          },
        });
      }
      dossiers.push({
        id: application.id,
        reference,
        status,
        callKey,
        organisation,
        submittedAt: application.submittedAt,
        requestedCents,
        assigneeId,
        lateAnswer,
      });
      index++;
    }
  }
  server = await startServer({ PORTAL_CLOCK: NOW.toISOString() });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

// --- the model: what the queue should return, written independently of the query builder ---
const UNDECIDED: ApplicationStatus[] = ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "PROPOSED"];
const isUndecided = (d: Dossier) => UNDECIDED.includes(d.status);
const isOverdue = (d: Dossier) => {
  const due = calls[d.callKey].decisionDueAt;
  return isUndecided(d) && ((due !== null && due < NOW) || d.lateAnswer);
};
const submitted = () => dossiers.filter((d) => d.status !== "DRAFT");
const byId = (a: Dossier, b: Dossier) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const time = (d: Date | null) => d?.getTime() ?? 0;
const bySubmitted = (a: Dossier, b: Dossier) => time(a.submittedAt) - time(b.submittedAt) || byId(a, b);

async function run(overrides: Partial<QueueFilter>) {
  return queuePage({ ...DEFAULT_QUEUE_FILTER, ...overrides }, { viewerId: me.id, now: NOW }, db);
}
const refs = (rows: Array<{ reference: string | null }>) => rows.map((r) => r.reference);
const refsOf = (list: Dossier[]) => list.map((d) => d.reference);

describe("the queue query (real SQLite)", () => {
  it("shows undecided dossiers by default, oldest submission first, never drafts", async () => {
    const expected = submitted().filter(isUndecided).sort(bySubmitted);
    expect(expected.length).toBeGreaterThan(15);
    const page = await run({});
    expect(page.total).toBe(expected.length);
    expect(refs(page.rows)).toEqual(refsOf(expected).slice(0, QUEUE_PAGE_SIZE));
  });

  it("filters by status, by a status group, by call, by programme and by province", async () => {
    const cases: Array<[Partial<QueueFilter>, (d: Dossier) => boolean]> = [
      [{ status: "PROPOSED" }, (d) => d.status === "PROPOSED"],
      [{ status: "beslist" }, (d) => ["APPROVED", "PARTIALLY_APPROVED", "REFUSED"].includes(d.status)],
      [{ status: "WITHDRAWN" }, (d) => d.status === "WITHDRAWN"],
      [{ status: "alle" }, () => true],
      [{ callId: calls.ahead.id, status: "alle" }, (d) => d.callKey === "ahead"],
      [{ programme: "QLA" }, (d) => d.callKey === "late" && isUndecided(d)],
      [{ province: "Limburg", status: "alle" }, (d) => d.organisation.province === "Limburg"],
      [
        { province: "Oost-Vlaanderen", status: "IN_REVIEW" },
        (d) => d.organisation.province === "Oost-Vlaanderen" && d.status === "IN_REVIEW",
      ],
    ];
    for (const [filter, predicate] of cases) {
      const expected = submitted().filter(predicate).sort(bySubmitted);
      const page = await run({ ...filter });
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(refs(page.rows), JSON.stringify(filter)).toEqual(refsOf(expected).slice(0, QUEUE_PAGE_SIZE));
    }
  });

  it("filters by assignee: me, unassigned, or a named reviewer, and names them", async () => {
    const mine = await run({ assignee: "mij", status: "alle" });
    expect(refs(mine.rows)).toEqual(
      refsOf(
        submitted()
          .filter((d) => d.assigneeId === me.id)
          .sort(bySubmitted),
      ),
    );
    const nobody = await run({ assignee: "niemand", status: "alle" });
    expect(refs(nobody.rows)).toEqual(
      refsOf(
        submitted()
          .filter((d) => d.assigneeId === null)
          .sort(bySubmitted),
      ),
    );
    expect(nobody.rows.every((r) => r.assigneeName === null)).toBe(true);
    const theirs = await run({ assignee: colleague.id, status: "alle" });
    expect(refs(theirs.rows)).toEqual(
      refsOf(
        submitted()
          .filter((d) => d.assigneeId === colleague.id)
          .sort(bySubmitted),
      ),
    );
    expect(new Set(theirs.rows.map((r) => r.assigneeName))).toEqual(new Set(["Jan Collega"]));
  });

  it("finds overdue dossiers: past the call's decision date, or with a late unanswered information request", async () => {
    const expected = submitted().filter(isOverdue).sort(bySubmitted);
    expect(expected.some((d) => d.callKey === "late")).toBe(true);
    expect(expected.some((d) => d.callKey !== "late")).toBe(true); // late answers in the other calls
    const page = await run({ overdue: true });
    expect(refs(page.rows)).toEqual(refsOf(expected));
    for (const row of page.rows) {
      const dossier = dossiers.find((d) => d.id === row.id)!;
      expect(row.decisionOverdue).toBe(dossier.callKey === "late");
      expect(row.answerOverdueSince !== null).toBe(dossier.lateAnswer);
    }
    // A decided dossier of the late call is not overdue.
    const decided = await run({ callId: calls.late.id, status: "beslist" });
    expect(decided.rows.length).toBeGreaterThan(0);
    expect(decided.rows.every((r) => !r.decisionOverdue && r.answerOverdueSince === null)).toBe(true);
  });

  it("searches a dossier number (exactly when complete, in any case), an organisation name or a NIS code", async () => {
    const target = submitted().find((d) => d.callKey === "ahead" && d.reference!.endsWith("0003"))!;
    expect(refs((await run({ q: target.reference!.toLowerCase().replace("-0003", "-3"), status: "alle" })).rows)).toEqual([
      target.reference,
    ]);
    expect((await run({ q: "QAH-2026", status: "alle" })).total).toBe(submitted().filter((d) => d.callKey === "ahead").length);
    const gent = await run({ q: "gent", status: "alle" });
    expect(refs(gent.rows)).toEqual(
      refsOf(
        submitted()
          .filter((d) => /gent/i.test(d.organisation.name))
          .sort(bySubmitted),
      ),
    );
    expect(new Set(gent.rows.map((r) => r.organisationName))).toEqual(new Set(["Gent", "OCMW Gent"]));
    const nis = await run({ q: "71016", status: "alle" });
    expect(new Set(nis.rows.map((r) => r.organisationName))).toEqual(new Set(["Genk"]));
    expect((await run({ q: "bestaat niet", status: "alle" })).total).toBe(0);
    // A search text that reaches the query never holds LIKE wildcards (parseQueueSearch drops them).
    expect((await run({ q: "Sint-Tr", status: "alle" })).rows.map((r) => r.organisationName)).toEqual(
      Array(submitted().filter((d) => d.organisation.name === "Sint-Truiden").length).fill("Sint-Truiden"),
    );
  });

  it("sorts by every column in both directions, ties broken the same way every time", async () => {
    const all = submitted();
    const name = (d: Dossier) => d.organisation.name;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const amount = (dir: 1 | -1) => (a: Dossier, b: Dossier) =>
      a.requestedCents === null
        ? b.requestedCents === null
          ? bySubmitted(a, b)
          : 1
        : b.requestedCents === null
          ? -1
          : dir * (a.requestedCents - b.requestedCents) || bySubmitted(a, b);
    const due = (dir: 1 | -1) => (a: Dossier, b: Dossier) => {
      const x = calls[a.callKey].decisionDueAt;
      const y = calls[b.callKey].decisionDueAt;
      if (x === null || y === null) return x === y ? bySubmitted(a, b) : x === null ? 1 : -1;
      return dir * (x.getTime() - y.getTime()) || bySubmitted(a, b);
    };
    const cases: Array<[Partial<QueueFilter>, (a: Dossier, b: Dossier) => number]> = [
      [{ sort: "ingediend", direction: "af" }, (a, b) => time(b.submittedAt) - time(a.submittedAt) || byId(a, b)],
      [{ sort: "nummer" }, (a, b) => cmp(a.reference!, b.reference!)],
      [{ sort: "nummer", direction: "af" }, (a, b) => cmp(b.reference!, a.reference!)],
      [{ sort: "organisatie" }, (a, b) => cmp(name(a), name(b)) || bySubmitted(a, b)],
      [{ sort: "organisatie", direction: "af" }, (a, b) => cmp(name(b), name(a)) || bySubmitted(a, b)],
      [{ sort: "bedrag" }, amount(1)],
      [{ sort: "bedrag", direction: "af" }, amount(-1)],
      [{ sort: "beslissing" }, due(1)],
      [{ sort: "beslissing", direction: "af" }, due(-1)],
    ];
    for (const [filter, compare] of cases) {
      const expected = [...all].sort(compare);
      const first = await run({ ...filter, status: "alle" });
      const second = await run({ ...filter, status: "alle", page: 2 });
      expect([...refs(first.rows), ...refs(second.rows)], JSON.stringify(filter)).toEqual(refsOf(expected));
    }
  });

  it("pages through everything exactly once, and shows the last page for a page past the end", async () => {
    const expected = submitted().sort(bySubmitted);
    expect(expected.length).toBeGreaterThan(QUEUE_PAGE_SIZE);
    const one = await run({ status: "alle", page: 1 });
    const two = await run({ status: "alle", page: 2 });
    expect(one).toMatchObject({ page: 1, pages: 2, total: expected.length });
    expect(one.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect([...refs(one.rows), ...refs(two.rows)]).toEqual(refsOf(expected));
    const beyond = await run({ status: "alle", page: 99 });
    expect(beyond.page).toBe(2);
    expect(refs(beyond.rows)).toEqual(refs(two.rows));
    const empty = await run({ q: "niets", page: 5 });
    expect(empty).toMatchObject({ page: 1, pages: 1, total: 0, rows: [] });
  });
});

/** The dossier links of the queue table, in order: [id, reference]. */
function tableLinks(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a[^>]*href="\/dossiers\/([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
}

/** The page's HTML without React's text separators (<!-- -->). */
const html = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");

async function loggedIn(who: { email: string; password: string }) {
  const client = new HttpClient(server.url);
  await client.login(who.email);
  return client;
}

describe("the queue page (real HTTP)", () => {
  it("shows the count, the rows, the assignee, the overdue flag in words, and the decision deadlines", async () => {
    const client = await loggedIn(me);
    const response = await client.get("/te-beoordelen");
    expect(response.status).toBe(200);
    const page = await html(response);
    const expected = submitted().filter(isUndecided).sort(bySubmitted);
    expect(page).toContain(`${expected.length} dossiers gevonden.`);
    expect(tableLinks(page)).toEqual(expected.slice(0, QUEUE_PAGE_SIZE).map((d) => [d.id, d.reference]));
    expect(page).toContain("Jan Collega");
    expect(page).toContain("Niet toegewezen");
    expect(page).toContain("beslissingstermijn verstreken");
    expect(page).toContain("antwoord te laat sinds 1 mei 2026");
    // The dashboard lines: the late call 4 days past, the other 57 days ahead (Brussels days).
    expect(page).toContain("Beslissingstermijnen");
    expect(page).toMatch(/Oproep QLA<\/a>: beslissing uiterlijk 30 april 2026 \(<strong>termijn 4 dagen verstreken<\/strong>\)/);
    expect(page).toMatch(/Oproep QAH<\/a>: beslissing uiterlijk 30 juni 2026 \(nog 57 dagen\)/);
    expect(page).not.toContain("Oproep QNO</a>: beslissing");
  });

  it("applies the filters and the sort from the address, and marks the sorted column", async () => {
    const client = await loggedIn(me);
    const page = await html(await client.get("/te-beoordelen?provincie=Limburg&status=alle&sorteer=nummer&volgorde=af"));
    const expected = submitted()
      .filter((d) => d.organisation.province === "Limburg")
      .sort((a, b) => (a.reference! < b.reference! ? 1 : -1));
    expect(tableLinks(page).map(([, reference]) => reference)).toEqual(refsOf(expected));
    expect(page).toContain(`${expected.length} dossiers gevonden.`);
    expect(page).toMatch(/<th scope="col" aria-sort="descending">Dossier<\/th>/);
    // The form shows the filter that is applied.
    expect(page).toMatch(/<option value="Limburg" selected="">Limburg<\/option>/);
  });

  it("falls back to the defaults for nonsense in the address, without an error", async () => {
    const client = await loggedIn(me);
    const normal = tableLinks(await html(await client.get("/te-beoordelen")));
    for (const query of [
      "?status=KAPOT&pagina=abc&sorteer=x&volgorde=zijwaarts&provincie=Nergens&oproep=bestaatniet&programma=XYZ&toegewezen=iemand&achterstand=nee",
      "?pagina=-1&q=",
      "?oproep=%27%3B%20DROP%20TABLE%20Application%3B--",
      `?q=${"x".repeat(5000)}`,
    ]) {
      const response = await client.get(`/te-beoordelen${query}`);
      expect(response.status, query).toBe(200);
      const links = tableLinks(await html(response));
      if (!query.startsWith("?q=x")) expect(links, query).toEqual(normal);
    }
  });

  it("pages with links that keep the filters and marks the current page", async () => {
    const client = await loggedIn(me);
    const page = await html(await client.get("/te-beoordelen?status=alle&pagina=2"));
    expect(page).toContain("Pagina 2 van 2.");
    expect(page).toMatch(/<span aria-current="page"[^>]*><span class="visually-hidden">Pagina <\/span>2<\/span>/);
    expect(page).toContain('href="/te-beoordelen?status=alle"');
    expect(tableLinks(page)).toHaveLength(submitted().length - QUEUE_PAGE_SIZE);
    const beyond = await client.get("/te-beoordelen?status=alle&pagina=40");
    expect(beyond.status).toBe(200);
    expect(await html(beyond)).toContain("Pagina 2 van 2.");
  });

  it("is for reviewers and deciders only: 403 for officials and administrators, login for strangers", async () => {
    expect((await (await loggedIn(decider)).get("/te-beoordelen")).status).toBe(200);
    for (const who of [official, admin]) {
      const client = await loggedIn(who);
      const response = await client.get("/te-beoordelen?status=alle");
      expect(response.status).toBe(403);
      const page = await html(response);
      expect(page).toContain("Geen toegang");
      expect(page).not.toContain("QLA-2026");
      const data = await client.get("/te-beoordelen.data?status=alle");
      expect(data.status).toBe(403);
      expect(await data.text()).not.toContain("QLA-2026");
    }
    const anonymous = await new HttpClient(server.url).get("/te-beoordelen");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/aanmelden");
  });
});
