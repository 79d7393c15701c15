import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { saveStoredForm } from "~/forms/form-store.server";
import { brusselsDate, brusselsWallClock, endOfDay } from "~/utils/time";
import { callEditForm } from "../support/call-edit-form";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser, testNisCode } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The administrators' screens for programmes, calls and form versions, through real HTTP
// against the built server and its real SQLite database.
const db = createPrismaClient();
let server: RunningServer;
let admin: { email: string; password: string; id: string };
const outsiders: Record<string, { email: string; password: string }> = {};
let openCall: { id: string; programmeId: string };
let quietCall: { id: string; programmeId: string };
let programmeId: string;
const members: Record<string, Array<{ id: string; email: string }>> = {};

const DAY = 24 * 60 * 60 * 1000;
/** A Brussels calendar date some days from now: the server runs on the real clock. */
const day = (offset: number) => brusselsDate(new Date(Date.now() + offset * DAY));

beforeAll(async () => {
  expect(await saveStoredForm(readFileSync("seeds/forms/sociale-cohesie-v1.json", "utf8"), null, db)).toMatchObject({ ok: true });
  admin = await createUser(db, { staffRoles: ["ADMIN"] });
  outsiders.REVIEWER = await createUser(db, { staffRoles: ["REVIEWER"] });
  outsiders.DECIDER = await createUser(db, { staffRoles: ["DECIDER"] });

  // Opened ten days ago, closes in thirty: A and B have a draft, C submitted, D has nothing.
  openCall = await createProgrammeAndCall(db, {
    code: "OPN",
    opensAt: new Date(Date.now() - 10 * DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    eligibleKinds: ["GEMEENTE"],
    settings: { ratePerLearnerCents: 6000, projectPeriod: { startsOn: "2026-06-15" } },
  });
  programmeId = openCall.programmeId;
  for (const name of ["A", "B", "C", "D"]) {
    const organisation = await createOrganisation(db, { name: `Gemeente ${name}`, nisCode: testNisCode() });
    const count = name === "A" ? 2 : 1;
    members[name] = [];
    for (let i = 0; i < count; i += 1)
      members[name]!.push(await createUser(db, { email: `lid${i}.${name.toLowerCase()}@gemeente.example`, memberOf: [organisation.id] }));
    if (name === "A") await createUser(db, { email: "weg.a@gemeente.example", memberOf: [organisation.id], deactivated: true });
    if (name === "A" || name === "B") await createApplication(db, { callId: openCall.id, organisationId: organisation.id });
    if (name === "C") await createApplication(db, { callId: openCall.id, organisationId: organisation.id, status: "SUBMITTED" });
  }
  outsiders.official = { email: members.D![0]!.email, password: "correct-horse-battery-staple" };

  // A call with only a draft: its form version may still change.
  quietCall = await createProgrammeAndCall(db, {
    code: "QUI",
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + 20 * DAY),
  });
  const quietOrganisation = await createOrganisation(db, { name: "Gemeente Stil" });
  await createApplication(db, { callId: quietCall.id, organisationId: quietOrganisation.id });
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function adminClient() {
  const client = new HttpClient(server.url);
  await client.login(admin.email);
  return client;
}

/** The edit form of a call as the page would post it, with some fields changed. */
const editPost = (callId: string, changes: Record<string, string> = {}) => callEditForm(db, callId, changes);

function newCallPost(changes: Record<string, string> = {}) {
  const body = new URLSearchParams({
    programmeId,
    title: "Oefenkansen Nederlands – oproep 2098",
    description: "Een **nieuwe** oproep.\n\n- voor gemeenten\n- met [uitleg](https://www.integratie-inburgering.be)",
    year: "2098",
    opensDate: day(60),
    opensTime: "09:00",
    closesDate: day(120),
    closesTime: "23:59",
    decisionDate: day(150),
    decisionTime: "17:00",
    budget: "2.500.000,00",
    formVersion: "oefenkansen@1",
    "rubric.0.key": "relevantie",
    "rubric.0.label": "Relevantie",
    "rubric.0.description": "Sluit het aan?",
    "rubric.0.maxScore": "5",
    ratePerLearner: "65,00",
    maxLearners: "2000",
  });
  body.append("eligibleKinds", "GEMEENTE");
  body.append("eligibleKinds", "VGC");
  for (const [name, value] of Object.entries(changes)) body.set(name, value);
  return body;
}

const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");

describe("who may use the call administration", () => {
  const pages = () => [
    "/beheer/programmas",
    "/beheer/programmas/nieuw",
    `/beheer/programmas/${programmeId}`,
    "/beheer/oproepen",
    "/beheer/oproepen/nieuw",
    `/beheer/oproepen/${openCall.id}`,
    "/beheer/formulieren",
    "/beheer/formulieren/nieuw",
    "/beheer/formulieren/oefenkansen/1",
    "/beheer/formulieren/sociale-cohesie/1",
  ];
  const actions = (): Array<[string, URLSearchParams | Record<string, string>]> => [
    ["/beheer/programmas/nieuw", { code: "EVE", name: "Indringer", description: "x", kind: "FUNDING", legalBasis: "x" }],
    [`/beheer/programmas/${programmeId}`, { name: "Gekaapt", description: "x", kind: "FUNDING", legalBasis: "x" }],
    ["/beheer/oproepen/nieuw", newCallPost()],
    [`/beheer/oproepen/${openCall.id}`, { title: "Gekaapt" }],
    ["/beheer/formulieren/nieuw", { intent: "save", definition: "{}" }],
  ];
  const snapshot = async () => ({
    programmes: await db.programme.findMany({ orderBy: { id: "asc" } }),
    calls: await db.call.findMany({ orderBy: { id: "asc" } }),
    forms: await db.formVersion.count(),
    audit: await db.auditEvent.count(),
    outbox: await db.emailOutbox.count(),
  });

  for (const who of ["official", "REVIEWER", "DECIDER"]) {
    it(`answers 403 to ${who} on every page and action, and changes nothing`, async () => {
      const client = new HttpClient(server.url);
      await client.login(outsiders[who]!.email);
      for (const path of pages()) {
        const response = await client.get(path);
        expect(response.status, path).toBe(403);
        expect((await client.get(`${path}.data`)).status, `${path}.data`).toBe(403);
      }
      const before = await snapshot();
      for (const [path, fields] of actions()) expect((await client.post(path, fields)).status, path).toBe(403);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("sends anonymous visitors to the login page", async () => {
    const client = new HttpClient(server.url);
    for (const path of pages()) expect((await client.get(path)).status, path).toBe(302);
    for (const [path, fields] of actions()) expect((await client.post(path, fields)).status, path).toBe(302);
  });

  it("shows every page to an administrator, linked from the dashboard and the admin menu", async () => {
    const client = await adminClient();
    for (const path of pages()) expect((await client.get(path)).status, path).toBe(200);
    const dashboard = await text(await client.get("/beheer"));
    for (const link of ["/beheer/programmas", "/beheer/oproepen", "/beheer/oproepen/nieuw", "/beheer/formulieren"]) {
      expect(dashboard).toContain(`href="${link}"`);
    }
    expect((await client.get("/beheer/oproepen/bestaat-niet")).status).toBe(404);
    expect((await client.get("/beheer/formulieren/oefenkansen/99")).status).toBe(404);
  });
});

describe("programmes", () => {
  it("validates the code and refuses a code in use, keeping what was typed", async () => {
    const client = await adminClient();
    const fields = { code: "soc1", name: "Wij Doen Mee", description: "Netwerkprogramma", kind: "RECOGNITION", legalBasis: "Decreet" };
    const bad = await client.post("/beheer/programmas/nieuw", fields);
    expect(bad.status).toBe(400);
    const html = await text(bad);
    expect(html).toContain("Gebruik precies 3 hoofdletters, bv. SOC.");
    expect(html).toContain('value="Wij Doen Mee"');
    const taken = await client.post("/beheer/programmas/nieuw", { ...fields, code: "OPN" });
    expect(taken.status).toBe(400);
    expect(await text(taken)).toContain("De code OPN is al in gebruik voor Programma OPN.");
  });

  it("creates and edits a programme, audited; the kind is locked once dossiers exist", async () => {
    const client = await adminClient();
    const created = await client.post("/beheer/programmas/nieuw", {
      code: "WDM",
      name: "Wij Doen Mee",
      description: "Netwerkprogramma",
      kind: "RECOGNITION",
      legalBasis: "Decreet",
    });
    expect(created.status).toBe(302);
    const programme = await db.programme.findUniqueOrThrow({ where: { code: "WDM" } });
    expect(created.headers.get("location")).toBe(`/beheer/programmas/${programme.id}`);
    expect(await text(await client.get(`/beheer/programmas/${programme.id}`))).toContain("Het programma is opgeslagen.");
    const edited = await client.post(`/beheer/programmas/${programme.id}`, {
      name: "Wij Doen Mee!",
      description: "Netwerk",
      kind: "FUNDING",
      legalBasis: "Decreet",
    });
    expect(edited.status).toBe(200);
    expect(await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).toMatchObject({
      name: "Wij Doen Mee!",
      kind: "FUNDING",
      code: "WDM",
    });
    const audit = await db.auditEvent.findMany({ where: { entityId: programme.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["programme.created", "programme.updated"]);
    expect(JSON.parse(audit[1]!.before!)).toEqual({ name: "Wij Doen Mee", description: "Netwerkprogramma", kind: "RECOGNITION" });

    const locked = await client.post(`/beheer/programmas/${programmeId}`, {
      name: "Programma OPN",
      description: "Testprogramma",
      kind: "RECOGNITION",
      legalBasis: "Testbesluit",
    });
    expect(locked.status).toBe(400);
    expect(await text(locked)).toContain("De soort kan niet meer wijzigen: er zijn al dossiers in dit programma.");
  });
});

describe("creating a call", () => {
  it("refuses a call that closes before it opens, with the message next to the field and the input kept", async () => {
    const client = await adminClient();
    const response = await client.post("/beheer/oproepen/nieuw", newCallPost({ closesDate: day(59) }));
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toContain("De sluitingsdatum moet na de openingsdatum liggen.");
    expect(html).toMatch(/id="veld-closesDate-error"[^>]*>.*De sluitingsdatum moet na de openingsdatum liggen\./);
    expect(html).toContain('value="Oefenkansen Nederlands – oproep 2098"');
    expect(html).toContain(`value="${day(59)}"`);
    expect(await db.call.count({ where: { year: 2098 } })).toBe(0);
  });

  it("refuses a decision due before closing, and an unknown form version", async () => {
    const client = await adminClient();
    const early = await client.post("/beheer/oproepen/nieuw", newCallPost({ decisionDate: day(120), decisionTime: "12:00" }));
    expect(early.status).toBe(400);
    expect(await text(early)).toContain("De beslissingsdatum mag niet voor de sluitingsdatum liggen.");
    const unknown = await client.post("/beheer/oproepen/nieuw", newCallPost({ formVersion: "bestaat-niet@3" }));
    expect(unknown.status).toBe(400);
    expect(await text(unknown)).toContain("Deze formulierversie bestaat niet.");
  });

  it("stores the call in Brussels time with its kinds, budget, settings and rubric, audited", async () => {
    const client = await adminClient();
    const response = await client.post("/beheer/oproepen/nieuw", newCallPost());
    expect(response.status).toBe(302);
    const call = await db.call.findFirstOrThrow({ where: { year: 2098 }, include: { eligibleKinds: true } });
    expect(response.headers.get("location")).toBe(`/beheer/oproepen/${call.id}`);
    expect(call.opensAt).toEqual(brusselsWallClock(day(60), "09:00"));
    // "23:59" counts up to and including 23:59:59.999 Brussels time.
    expect(call.closesAt).toEqual(endOfDay(day(120)));
    expect(call.decisionDueAt!.getTime()).toBe(brusselsWallClock(day(150), "17:00")!.getTime() + 59_999);
    expect(call.budgetCents).toBe(250_000_000);
    expect(call.eligibleKinds.map((k) => k.organisationKind).sort()).toEqual(["GEMEENTE", "VGC"]);
    expect(JSON.parse(call.settings)).toEqual({
      ratePerLearnerCents: 6500,
      maxLearners: 2000,
      rubric: [{ key: "relevantie", label: "Relevantie", description: "Sluit het aan?", maxScore: 5 }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: call.id } });
    expect(audit.action).toBe("call.created");
    const page = await text(await client.get(`/beheer/oproepen/${call.id}`));
    expect(page).toContain("De oproep is aangemaakt.");
    expect(page).toContain('value="23:59"');
    expect(page).toContain(`value="${day(120)}"`);
    // The notice is for the page the post led to, once.
    expect(await text(await client.get(`/beheer/oproepen/${call.id}`))).not.toContain("De oproep is aangemaakt.");
  });
});

describe("editing a call", () => {
  it("refuses a new form version once a dossier was submitted", async () => {
    const client = await adminClient();
    const before = await db.call.findUniqueOrThrow({ where: { id: openCall.id } });
    const response = await client.post(
      `/beheer/oproepen/${openCall.id}`,
      await editPost(openCall.id, { formVersion: "sociale-cohesie@1", title: "Nieuwe titel" }),
    );
    expect(response.status).toBe(400);
    expect(await text(response)).toContain(
      "Het formulier van deze oproep ligt vast: er is al 1 dossier verstuurd. Een nieuwe formulierversie hoort bij een nieuwe oproep; bestaande dossiers houden hun versie.",
    );
    expect(await db.call.findUniqueOrThrow({ where: { id: openCall.id } })).toEqual(before);
  });

  it("allows a new form version while there are only drafts, which keep theirs", async () => {
    const client = await adminClient();
    const response = await client.post(
      `/beheer/oproepen/${quietCall.id}`,
      await editPost(quietCall.id, { formVersion: "sociale-cohesie@1" }),
    );
    expect(response.status).toBe(200);
    expect(await db.call.findUniqueOrThrow({ where: { id: quietCall.id } })).toMatchObject({ formKey: "sociale-cohesie", formVersion: 1 });
    const draft = await db.application.findFirstOrThrow({ where: { callId: quietCall.id } });
    expect(draft).toMatchObject({ formKey: "oefenkansen", formVersion: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: quietCall.id, action: "call.updated" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ form: "oefenkansen@1" });
    expect(JSON.parse(audit.after!)).toMatchObject({ form: "sociale-cohesie@1" });
  });

  it("audits a date change after opening and queues one e-mail per member of an organisation with a draft", async () => {
    const client = await adminClient();
    const before = await db.call.findUniqueOrThrow({ where: { id: openCall.id } });
    const newDeadline = brusselsDate(new Date(Date.now() + 45 * DAY));
    const response = await client.post(
      `/beheer/oproepen/${openCall.id}`,
      await editPost(openCall.id, { closesDate: newDeadline, closesTime: "23:59", changeNote: "Meer tijd door de <fusies>." }),
    );
    expect(response.status).toBe(200);
    expect(await text(response)).toContain(
      "De oproep is bijgewerkt. 3 e-mails over de gewijzigde data staan klaar voor de aanvragers met een concept.",
    );
    const after = await db.call.findUniqueOrThrow({ where: { id: openCall.id } });
    expect(brusselsDate(after.closesAt)).toBe(newDeadline);
    // Other settings keys stay as they were.
    expect(JSON.parse(after.settings)).toMatchObject({ ratePerLearnerCents: 6000, projectPeriod: { startsOn: "2026-06-15" } });

    const changed = await db.auditEvent.findFirstOrThrow({ where: { entityId: openCall.id, action: "call.dates-changed" } });
    expect(JSON.parse(changed.before!)).toEqual({ closesAt: before.closesAt.toISOString() });
    expect(JSON.parse(changed.after!)).toEqual({ closesAt: after.closesAt.toISOString() });
    expect(changed.reason).toContain("Meer tijd door de <fusies>.");
    const updated = await db.auditEvent.findFirstOrThrow({ where: { entityId: openCall.id, action: "call.updated" } });
    expect(Object.keys(JSON.parse(updated.after!))).toEqual(["closesAt"]);

    const emails = await db.emailOutbox.findMany({ where: { template: "call-dates-changed" } });
    const expected = [...members.A!, ...members.B!].map((m) => m.email).sort();
    expect(emails.map((e) => e.toAddress).sort()).toEqual(expected);
    for (const email of emails) {
      expect(email.subject).toBe("Gewijzigde data voor Oproep OPN");
      expect(email.textBody).toContain("Meer tijd door de <fusies>.");
      expect(email.htmlBody).toContain("Meer tijd door de &lt;fusies&gt;.");
      expect(email.htmlBody).not.toContain("<fusies>");
    }
    for (const m of [...members.C!, ...members.D!]) expect(emails.some((e) => e.toAddress === m.email)).toBe(false);

    // Saving again without a change queues nothing and records nothing.
    const again = await client.post(`/beheer/oproepen/${openCall.id}`, await editPost(openCall.id));
    expect(await text(again)).toContain("Er was niets gewijzigd.");
    expect(await db.emailOutbox.count({ where: { template: "call-dates-changed" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { entityId: openCall.id } })).toBe(2);
  });

  it("does not e-mail anyone about a call that has not opened yet", async () => {
    const client = await adminClient();
    const call = await db.call.findFirstOrThrow({ where: { year: 2098 } });
    const before = await db.emailOutbox.count();
    const response = await client.post(`/beheer/oproepen/${call.id}`, await editPost(call.id, { closesDate: day(121) }));
    expect(response.status).toBe(200);
    expect(await text(response)).toContain("De oproep is bijgewerkt.");
    expect(await db.emailOutbox.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { entityId: call.id, action: "call.dates-changed" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: call.id, action: "call.updated" } })).toBe(1);
  });
});

describe("form versions", () => {
  const form = (fields: unknown[]) =>
    JSON.stringify({ key: "proef", version: 1, title: "Proefformulier", steps: [{ id: "een", title: "Eén", fields }] });

  it("refuses a stored version with a duplicate field, next to the text box, keeping the text", async () => {
    const client = await adminClient();
    const json = form([
      { type: "text", name: "naam", label: "Naam" },
      { type: "text", name: "naam", label: "Nog eens naam" },
    ]);
    const response = await client.post("/beheer/formulieren/nieuw", { intent: "save", definition: json });
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toMatch(/id="veld-definition-error"[^>]*>.*Veld &quot;naam&quot; komt twee keer voor\./);
    expect(html).toContain("Nog eens naam");
    expect(await db.formVersion.count({ where: { key: "proef" } })).toBe(0);
  });

  it("previews a valid version without saving it, then saves it once and shows it read-only", async () => {
    const client = await adminClient();
    const json = form([{ type: "text", name: "naam", label: "Naam van het project", required: true }]);
    const preview = await client.post("/beheer/formulieren/nieuw", { intent: "preview", definition: json });
    expect(preview.status).toBe(200);
    const html = await text(preview);
    expect(html).toContain("Stap 1: Eén");
    expect(html).toContain("Naam van het project");
    expect(await db.formVersion.count({ where: { key: "proef" } })).toBe(0);

    const saved = await client.post("/beheer/formulieren/nieuw", { intent: "save", definition: json });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/beheer/formulieren/proef/1");
    const page = await text(await client.get("/beheer/formulieren/proef/1"));
    expect(page).toContain("De formulierversie is opgeslagen. Kies ze bij een oproep om ze te gebruiken.");
    expect(page).toContain("Naam van het project");
    expect(page).toContain("Opgeslagen als gegevens (JSON)");
    expect(page).not.toContain("<textarea");
    expect(await db.auditEvent.count({ where: { action: "form-version.created", entityId: "proef@1" } })).toBe(1);

    const twice = await client.post("/beheer/formulieren/nieuw", { intent: "save", definition: json });
    expect(twice.status).toBe(400);
    expect(await text(twice)).toContain("Versie 1 van formulier &quot;proef&quot; bestaat al. Een wijziging is een nieuwe versie.");
  });
});

describe("the public call page", () => {
  it("renders the description's markdown and escapes any HTML in it", async () => {
    await db.call.update({
      where: { id: quietCall.id },
      data: {
        description:
          'Lees **dit**.\n\n<script>alert("x")</script> [klik](javascript:alert(1)) [AgII](https://www.integratie-inburgering.be)',
      },
    });
    const html = await text(await new HttpClient(server.url).get(`/oproepen/${quietCall.id}`));
    expect(html).toContain("Lees <strong>dit</strong>.");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // The raw text also travels, escaped, in the page's data for hydration; never as markup.
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain('<a href="https://www.integratie-inburgering.be/" rel="noopener noreferrer nofollow">AgII</a>');
  });
});
