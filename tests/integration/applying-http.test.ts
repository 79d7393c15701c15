import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { OEFENKANSEN_ANSWERS } from "../support/answers";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// An official applies for Oefenkansen Nederlands through real HTTP against the built server:
// start, every step, errors, a colleague's conflicting save, submit twice, edit afterwards.
const db = createPrismaClient();
let server: RunningServer;
let call: { id: string };
let leuven: { id: string };
let official: { email: string; password: string };
let colleague: { email: string; password: string };
let vzwMember: { email: string; password: string };

beforeAll(async () => {
  call = await createProgrammeAndCall(db, {
    code: "OEF",
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2030-01-01T00:00:00Z"),
    eligibleKinds: ["GEMEENTE", "OCMW"],
    settings: { ratePerLearnerCents: 6000, maxLearners: 2250 },
  });
  leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const vzw = await createOrganisation(db, { name: "Vzw Samen Sterk", kind: "VZW", kboNumber: "0200000241" });
  official = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id] });
  colleague = await createUser(db, { email: "bert@leuven.example", memberOf: [leuven.id] });
  vzwMember = await createUser(db, { email: "lid@vzw.example", memberOf: [vzw.id] });
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function signedIn(user: { email: string; password: string }) {
  const client = new HttpClient(server.url);
  await client.login(user.email);
  return client;
}

/** The hidden version fields of a step page, as a browser would post them back. */
async function openStep(client: HttpClient, path: string) {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  const baseVersion = /name="baseVersion" value="(\d+)"/.exec(html)?.[1];
  const baseFingerprint = /name="baseFingerprint" value="([0-9a-f]+)"/.exec(html)?.[1];
  expect(baseVersion).toBeDefined();
  return { html, base: { baseVersion: baseVersion!, baseFingerprint: baseFingerprint! } };
}

let applicationId = "";

describe("applying for Oefenkansen Nederlands", () => {
  it("refuses an organisation kind the call is not open for, with the reason", async () => {
    const client = await signedIn(vzwMember);
    const response = await client.post(`/oproepen/${call.id}`, {});
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Een vzw kan geen aanvraag indienen voor deze oproep. Ze staat open voor: gemeente, ocmw.");
    expect(await db.application.count({ where: { callId: call.id } })).toBe(0);
  });

  it("starts one draft per organisation, prefilled with the official's contact data", async () => {
    const client = await signedIn(official);
    const started = await client.post(`/oproepen/${call.id}`, {});
    expect(started.status).toBe(302);
    const location = started.headers.get("location")!;
    expect(location).toMatch(/^\/dossiers\/\w+\/stap\/organisatie$/);
    applicationId = location.split("/")[2]!;
    const { html } = await openStep(client, location);
    expect(html).toContain('value="an@leuven.example"');

    // A colleague who clicks "start" as well lands on the same dossier.
    const other = await signedIn(colleague);
    const again = await other.post(`/oproepen/${call.id}`, {});
    expect(again.headers.get("location")).toBe(`/dossiers/${applicationId}`);
    expect(await db.application.count({ where: { callId: call.id } })).toBe(1);
  });

  it("shows Dutch errors next to the fields, keeps what was typed, and stays on the step", async () => {
    const client = await signedIn(official);
    const path = `/dossiers/${applicationId}/stap/rekening`;
    const { base } = await openStep(client, path);
    const response = await client.post(path, {
      ...base,
      intent: "next",
      iban: "BE00 1234",
      rekeninghouder: "",
      gebruikelijkeRekening: "ja",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Er is een probleem");
    expect(html).toContain("Geef een geldig IBAN op.");
    expect(html).toMatch(/Naam van de rekeninghouder: Dit veld is verplicht\./);
    expect(html).toContain('value="BE00 1234"');
    expect(html).toContain("Uw antwoorden zijn bewaard, maar deze stap is nog niet volledig.");
  });

  it("refuses a colleague's save based on a stale version, showing both versions", async () => {
    const path = `/dossiers/${applicationId}/stap/huidig-aanbod`;
    const an = await signedIn(official);
    const bert = await signedIn(colleague);
    const anPage = await openStep(an, path);
    const bertPage = await openStep(bert, path);

    const first = await an.post(path, { ...anPage.base, intent: "save", ...OEFENKANSEN_ANSWERS["huidig-aanbod"] });
    expect(first.status).toBe(200);
    const stale = await bert.post(path, {
      ...bertPage.base,
      intent: "save",
      ...OEFENKANSEN_ANSWERS["huidig-aanbod"],
      huidigAanbod: "Bert schrijft iets anders.",
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Uw wijzigingen zijn nog niet bewaard");
    expect(html).toContain("Bert schrijft iets anders.");
    expect(html).toContain(OEFENKANSEN_ANSWERS["huidig-aanbod"].huidigAanbod);
    const stored = JSON.parse((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).data);
    expect(stored.huidigAanbod).toBe(OEFENKANSEN_ANSWERS["huidig-aanbod"].huidigAanbod);

    // Saving again from the conflict page is a deliberate choice: then Bert's version counts.
    const conflictBase = {
      baseVersion: /name="baseVersion" value="(\d+)"/.exec(html)![1]!,
      baseFingerprint: /name="baseFingerprint" value="([0-9a-f]+)"/.exec(html)![1]!,
    };
    const chosen = await bert.post(path, {
      ...conflictBase,
      intent: "save",
      ...OEFENKANSEN_ANSWERS["huidig-aanbod"],
      huidigAanbod: "Bert schrijft iets anders.",
    });
    expect(chosen.status).toBe(200);
    const after = JSON.parse((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).data);
    expect(after.huidigAanbod).toBe("Bert schrijft iets anders.");
  });

  it("does not refuse a save of the answers already stored, whatever version the page had", async () => {
    // The button pressed while the autosave of the same answers was still on its way.
    const path = `/dossiers/${applicationId}/stap/huidig-aanbod`;
    const an = await signedIn(official);
    const { base } = await openStep(an, path);
    const answers = { ...OEFENKANSEN_ANSWERS["huidig-aanbod"], huidigAanbod: "An typte dit en wachtte even." };
    const autosaved = await an.post(path, { ...base, intent: "autosave", ...answers });
    expect(autosaved.status).toBe(200);
    const pressed = await an.post(path, { ...base, intent: "save", ...answers });
    expect(pressed.status).toBe(200);
    const html = await pressed.text();
    expect(html).not.toContain("Uw wijzigingen zijn nog niet bewaard");
    expect(html).toContain("Uw antwoorden zijn bewaard.");
    // A stale save that does change something is still refused.
    const changed = await an.post(path, { ...base, intent: "save", ...answers, huidigAanbod: "Toch nog iets anders." });
    expect(changed.status).toBe(409);
  });

  it("lets two colleagues fill different steps at the same time without a conflict", async () => {
    const an = await signedIn(official);
    const bert = await signedIn(colleague);
    const anPage = await openStep(an, `/dossiers/${applicationId}/stap/organisatie`);
    const bertPage = await openStep(bert, `/dossiers/${applicationId}/stap/rekening`);
    const anSave = await an.post(`/dossiers/${applicationId}/stap/organisatie`, {
      ...anPage.base,
      intent: "next",
      ...OEFENKANSEN_ANSWERS.organisatie,
    });
    expect(anSave.status).toBe(302);
    const bertSave = await bert.post(`/dossiers/${applicationId}/stap/rekening`, {
      ...bertPage.base,
      intent: "next",
      ...OEFENKANSEN_ANSWERS.rekening,
    });
    expect(bertSave.status).toBe(302);
    const stored = JSON.parse((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).data);
    expect(stored.contactFunctie).toBe("Coördinator integratie");
    expect(stored.iban).toBe("BE68 5390 0754 7034");
  });

  it("adds and removes rows of a repeatable block without JavaScript", async () => {
    const client = await signedIn(official);
    const path = `/dossiers/${applicationId}/stap/activiteiten`;
    const { base } = await openStep(client, path);
    const added = await client.post(path, { ...base, intent: "add-row:activiteiten" });
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('name="activiteiten.0.soort"');
    expect(html).toContain("Activiteit 1 verwijderen");
  });

  it("completes every step, computes the contribution and submits once, even when clicked twice", async () => {
    const client = await signedIn(official);
    for (const [step, answers] of Object.entries(OEFENKANSEN_ANSWERS)) {
      const path = `/dossiers/${applicationId}/stap/${step}`;
      const { base } = await openStep(client, path);
      const response = await client.post(path, { ...base, intent: "next", ...answers });
      expect(response.status, `${step}: ${response.status === 302 ? "" : await response.text()}`).toBe(302);
    }
    const summary = await client.get(`/dossiers/${applicationId}/overzicht`);
    const html = await summary.text();
    expect(html).toContain("€ 18.000,00 (300 leerders × € 60,00, hoogstens 2.250 leerders)");
    expect(html).toContain("€ 36.000,00"); // total cost
    const baseVersion = /name="baseVersion" value="(\d+)"/.exec(html)![1]!;

    const [first, second] = await Promise.all([
      client.post(`/dossiers/${applicationId}/overzicht`, { baseVersion }),
      client.post(`/dossiers/${applicationId}/overzicht`, { baseVersion }),
    ]);
    expect([first.status, second.status]).toEqual([302, 302]);
    const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application.status).toBe("SUBMITTED");
    expect(application.reference).toBe("OEF-2026-0001");
    expect(application.requestedCents).toBe(1_800_000);
    expect(application.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.auditEvent.count({ where: { applicationId, action: "application.status", after: '{"status":"SUBMITTED"}' } })).toBe(1);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).lastReference).toBe(1);

    const receipt = await client.get(`/dossiers/${applicationId}/ontvangstbewijs`);
    const receiptHtml = await receipt.text();
    expect(receiptHtml).toContain("Ontvangstbewijs OEF-2026-0001");
    expect(receiptHtml).toContain(application.contentHash!);
  });

  it("refuses edits after submission with the reason", async () => {
    const client = await signedIn(official);
    const response = await client.post(`/dossiers/${applicationId}/stap/rekening`, {
      baseVersion: "1",
      baseFingerprint: "x",
      intent: "save",
      ...OEFENKANSEN_ANSWERS.rekening,
      rekeninghouder: "Iemand anders",
    });
    expect(response.status).toBe(403);
    const refused = await response.text();
    expect(refused).toContain("Deze aanvraag is verstuurd en kan niet meer gewijzigd worden.");
    // What was typed stays visible, read-only: there is no form left to save it with.
    expect(refused).toContain("Wat u typte, staat hieronder nog; het werd niet bewaard.");
    expect(refused).toContain("<dt>Naam van de rekeninghouder</dt><dd>Iemand anders</dd>");
    expect(refused).not.toMatch(/<input[^>]*name="rekeninghouder"/);
    const stored = JSON.parse((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).data);
    expect(stored.rekeninghouder).toBe("Stad Leuven");
  });

  it("shows every step of the submitted dossier read-only: the answers as a list, no fields, no save buttons", async () => {
    const client = await signedIn(official);
    for (const step of Object.keys(OEFENKANSEN_ANSWERS)) {
      const page = await client.get(`/dossiers/${applicationId}/stap/${step}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const main = html.slice(html.indexOf('<div class="wizard-main">'), html.indexOf("</main>"));
      expect(main, step).toContain("Deze aanvraag is verstuurd en kan niet meer gewijzigd worden.");
      expect(main, step).toContain('<dl class="summary">');
      expect(main, step).not.toMatch(/<(input|textarea|select)\b/);
      expect(main, step).not.toMatch(/<form\b/);
      expect(main, step).not.toContain("Bewaren en verder");
      expect(main, step).not.toContain("Tussentijds bewaren");
      expect(main, step).not.toContain("Indienen kan tot");
    }
    const rekening = await (await client.get(`/dossiers/${applicationId}/stap/rekening`)).text();
    expect(rekening).toContain("<dt>Rekeningnummer (IBAN)</dt><dd>BE68 5390 0754 7034</dd>");
    const begroting = await (await client.get(`/dossiers/${applicationId}/stap/begroting`)).text();
    expect(begroting).toContain("€ 18.000,00 (300 leerders × € 60,00, hoogstens 2.250 leerders)"); // the computed line too
  });
});

describe("uploading the meerjarenplan of the regierol form", () => {
  let radCall: { id: string };
  let dossierPath = "";

  beforeAll(async () => {
    radCall = await createProgrammeAndCall(db, {
      code: "RAD",
      formKey: "regierol",
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2030-01-01T00:00:00Z"),
    });
    const client = await signedIn(official);
    const started = await client.post(`/oproepen/${radCall.id}`, {});
    dossierPath = started.headers.get("location")!.replace(/\/stap\/.*$/, "");
  });

  async function postWithFile(file: Blob, name: string, summary: string) {
    const client = await signedIn(official);
    const { base } = await openStep(client, `${dossierPath}/stap/meerjarenplan`);
    const form = new FormData();
    form.set("baseVersion", base.baseVersion);
    form.set("baseFingerprint", base.baseFingerprint);
    form.set("intent", "next");
    form.set("meerjarenplan", file, name);
    form.set("samenvatting", summary);
    return client.postForm(`${dossierPath}/stap/meerjarenplan`, form);
  }

  it("refuses a renamed .exe as .pdf, with the exact message, keeping the typed text", async () => {
    const executable = new Blob([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), new Uint8Array(4096)]);
    const response = await postWithFile(executable, "meerjarenplan.pdf", "Onze aanpak in drie sporen.");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Dit bestand is geen PDF-bestand. Kies een PDF-document.");
    expect(html).toContain("Onze aanpak in drie sporen.");
    expect(await db.attachment.count({ where: { fieldKey: "meerjarenplan" } })).toBe(0);
  });

  it("refuses a file over 20 MB, with the exact message, keeping the typed text", async () => {
    const pdf = readFileSync(path.resolve("tests/fixtures/attachments/statuten.pdf"));
    const oversized = new Blob([pdf, new Uint8Array(20 * 1024 * 1024 + 1 - pdf.length)]);
    const response = await postWithFile(oversized, "meerjarenplan.pdf", "Onze aanpak, versie 2.");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Het bestand is groter dan 20 MB. Kies een kleiner bestand.");
    expect(html).toContain("Onze aanpak, versie 2.");
    expect(await db.attachment.count({ where: { fieldKey: "meerjarenplan" } })).toBe(0);
  });

  it("stores a real PDF with its sha-256 and moves on to the next step", async () => {
    const pdf = readFileSync(path.resolve("tests/fixtures/attachments/statuten.pdf"));
    const response = await postWithFile(new Blob([pdf]), "Meerjarenplan 2026-2031.pdf", "Onze aanpak in drie sporen.");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${dossierPath}/stap/prioriteiten`);
    const stored = await db.attachment.findFirstOrThrow({ where: { fieldKey: "meerjarenplan", deletedAt: null } });
    expect(stored.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(stored.fileName).toBe("Meerjarenplan 2026-2031.pdf");
  });
});
