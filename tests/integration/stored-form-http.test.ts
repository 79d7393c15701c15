import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { saveStoredForm } from "~/forms/form-store.server";
import { createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// A programme whose form exists only as data (a FormVersion row): the same wizard serves it.
const db = createPrismaClient();
const json = readFileSync("seeds/forms/sociale-cohesie-v1.json", "utf8");
let server: RunningServer;
let call: { id: string };
let member: { email: string; password: string };

beforeAll(async () => {
  expect(await saveStoredForm(json, null, db)).toEqual({ ok: true, key: "sociale-cohesie", version: 1 });
  call = await createProgrammeAndCall(db, {
    code: "SOC",
    formKey: "sociale-cohesie",
    eligibleKinds: ["VZW"],
    opensAt: new Date("2020-01-01"),
    closesAt: new Date("2100-01-01"),
  });
  const vzw = await createOrganisation(db, { name: "Vzw Buurtwerk", kind: "VZW", kboNumber: "0200000142" });
  member = await createUser(db, { memberOf: [vzw.id] });
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

describe("a form version stored as data", () => {
  it("is never replaced: the same key and version are refused", async () => {
    expect(await saveStoredForm(json.replace("Gekozen actie en project", "Iets anders"), null, db)).toEqual({
      ok: false,
      errors: { definition: 'Versie 1 van formulier "sociale-cohesie" bestaat al. Een wijziging is een nieuwe versie.' },
    });
  });

  it("is filled in through the same wizard, with its own steps, choices and validation", async () => {
    const client = new HttpClient(server.url);
    await client.login(member.email);
    const started = await client.post(`/oproepen/${call.id}`, {});
    expect(started.status).toBe(302);
    const dossier = started.headers.get("location")!.replace(/\/stap\/.*$/, "");
    const page = await client.get(`${dossier}/stap/actie`);
    const html = await page.text();
    // React separates adjacent text with <!-- --> in server HTML.
    expect(html.replace(/<!-- -->/g, "")).toContain("Stap 3 van 6: Gekozen actie en project");
    expect(html).toContain("Arbeidsmarktintegratie via mentoring");
    const base = {
      baseVersion: /name="baseVersion" value="(\d+)"/.exec(html)![1]!,
      baseFingerprint: /name="baseFingerprint" value="([0-9a-f]+)"/.exec(html)![1]!,
    };
    const posted = await client.post(`${dossier}/stap/actie`, { ...base, intent: "next", actie: "school" });
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain("Beschrijving van het project: Dit veld is verplicht.");
  });

  it("moves on to the following step once a step is complete (the form is compiled anew for every request)", async () => {
    const client = new HttpClient(server.url);
    await client.login(member.email);
    const dossier = `/dossiers/${(await db.application.findFirstOrThrow({ where: { callId: call.id } })).id}`;
    const html = await (await client.get(`${dossier}/stap/samenwerking`)).text();
    const posted = await client.post(`${dossier}/stap/samenwerking`, {
      baseVersion: /name="baseVersion" value="(\d+)"/.exec(html)![1]!,
      baseFingerprint: /name="baseFingerprint" value="([0-9a-f]+)"/.exec(html)![1]!,
      intent: "next",
      aanvraagVorm: "alleen",
    });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toBe(`${dossier}/stap/actie`);
  });
});
