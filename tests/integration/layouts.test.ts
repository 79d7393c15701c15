import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The layout routes (admin area, review area, a dossier) through real HTTP: each draws its
// navigation once, keeps it on an error below it where that helps, and never for someone
// the area is not for. And the notice a post leaves for the next page, shown once.
const db = createPrismaClient();
let server: RunningServer;
let admin: HttpClient;
let reviewer: HttpClient;
let official: HttpClient;
let ownDossier = "";
let otherDossier = "";

beforeAll(async () => {
  const call = await createProgrammeAndCall(db, { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2030-01-01T00:00:00Z") });
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062" });
  const gent = await createOrganisation(db, { name: "Stad Gent", nisCode: "44021" });
  ownDossier = (await createApplication(db, { callId: call.id, organisationId: leuven.id })).id;
  otherDossier = (await createApplication(db, { callId: call.id, organisationId: gent.id })).id;
  const users = {
    admin: await createUser(db, { staffRoles: ["ADMIN"] }),
    reviewer: await createUser(db, { staffRoles: ["REVIEWER"] }),
    official: await createUser(db, { memberOf: [leuven.id] }),
  };
  server = await startServer({ OUTBOX_WORKER: "off" });
  const signedIn = async (user: { email: string; password: string }) => {
    const client = new HttpClient(server.url);
    await client.login(user.email);
    return client;
  };
  admin = await signedIn(users.admin);
  reviewer = await signedIn(users.reviewer);
  official = await signedIn(users.official);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const page = async (client: HttpClient, path: string) => {
  const response = await client.get(path);
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, "") };
};
const navs = (html: string, label: string) => html.split(`<nav aria-label="${label}"`).length - 1;

describe("the admin area", () => {
  it("draws its navigation once on every page, the current page marked", async () => {
    const current = {
      "/beheer": "/beheer",
      "/beheer/oproepen": "/beheer/oproepen",
      "/beheer/organisaties/nieuw": "/beheer/organisaties",
      "/beheer/e-mails": "/beheer/e-mails",
    };
    for (const [path, marked] of Object.entries(current)) {
      const { status, html } = await page(admin, path);
      expect(status, path).toBe(200);
      expect(navs(html, "Beheer"), path).toBe(1);
      const nav = html.slice(html.indexOf('<nav aria-label="Beheer"'), html.indexOf("</nav>", html.indexOf('<nav aria-label="Beheer"')));
      expect(nav.match(/<a [^>]*aria-current="page"[^>]*>/g), path).toEqual([expect.stringContaining(`href="${marked}"`)]);
    }
  });

  it("keeps the navigation on an error inside the area, for an administrator", async () => {
    const { status, html } = await page(admin, "/beheer/organisaties/bestaat-niet");
    expect(status).toBe(404);
    expect(navs(html, "Beheer")).toBe(1);
    expect(html).toContain("<h1>Pagina niet gevonden</h1>");
  });

  it("shows no admin navigation to someone who is refused", async () => {
    const { status, html } = await page(reviewer, "/beheer/gebruikers");
    expect(status).toBe(403);
    expect(html).toContain("<h1>Geen toegang</h1>");
    expect(navs(html, "Beheer")).toBe(0);
  });
});

describe("the review area", () => {
  it("draws the pages this staff member may open", async () => {
    const queue = await page(reviewer, "/te-beoordelen");
    expect(navs(queue.html, "Beoordelen")).toBe(1);
    expect(queue.html).toContain('href="/te-beoordelen/erkenningen">Erkenningen vergelijken</a>');
    // An administrator may compare recognitions, but has no queue.
    const comparisons = await page(admin, "/te-beoordelen/erkenningen");
    expect(comparisons.status).toBe(200);
    expect(comparisons.html).toContain('href="/te-beoordelen/erkenningen">Erkenningen vergelijken</a>');
    expect(comparisons.html).not.toContain('href="/te-beoordelen">Dossiers</a>');
  });

  it("keeps the navigation on an error inside the area, and shows none to an official", async () => {
    const missing = await page(reviewer, "/te-beoordelen/oproepen/bestaat-niet");
    expect(missing.status).toBe(404);
    expect(navs(missing.html, "Beoordelen")).toBe(1);
    const refused = await page(official, "/te-beoordelen");
    expect(refused.status).toBe(403);
    expect(navs(refused.html, "Beoordelen")).toBe(0);
  });
});

describe("a dossier", () => {
  it("draws its pages above each of them", async () => {
    for (const path of [`/dossiers/${ownDossier}`, `/dossiers/${ownDossier}/overzicht`, `/dossiers/${ownDossier}/stap/organisatie`]) {
      const { status, html } = await page(official, path);
      expect(status, path).toBe(200);
      expect(navs(html, "Dossier"), path).toBe(1);
      expect(html, path).toContain(`href="/dossiers/${ownDossier}/overzicht">Overzicht</a>`);
      expect(html, path).not.toContain(`href="/dossiers/${ownDossier}/beoordeling"`);
    }
    expect((await page(reviewer, `/dossiers/${ownDossier}`)).html).toContain(`href="/dossiers/${ownDossier}/beoordeling">Beoordeling</a>`);
  });

  it("keeps its navigation when a page of it does not exist, and shows nothing of another organisation's dossier", async () => {
    const step = await page(official, `/dossiers/${ownDossier}/stap/bestaat-niet`);
    expect(step.status).toBe(404);
    expect(navs(step.html, "Dossier")).toBe(1);
    expect(step.html).toContain("Deze stap bestaat niet.");
    const other = await page(official, `/dossiers/${otherDossier}`);
    expect(other.status).toBe(404);
    expect(navs(other.html, "Dossier")).toBe(0);
    expect(other.html).not.toContain(otherDossier);
  });
});

describe("a notice after a post", () => {
  it("is announced on the next page only, and a forged one is ignored", async () => {
    const created = await admin.post("/beheer/programmas/nieuw", {
      code: "NOT",
      name: "Programma met melding",
      description: "Test",
      kind: "FUNDING",
      legalBasis: "Testbesluit",
    });
    expect(created.status).toBe(302);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/beheer\/programmas\/\w+$/);
    expect((await page(admin, location)).html).toContain('<p class="notice no-print" role="status">Het programma is opgeslagen.</p>');
    expect((await page(admin, location)).html).not.toContain("Het programma is opgeslagen.");

    const forged = `__melding=${Buffer.from(JSON.stringify({ __flash_notice__: "Vervalst bericht" })).toString("base64")}`;
    const response = await admin.get("/beheer", { cookie: `${admin.cookieHeader()}; ${forged}` });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("Vervalst bericht");
  });
});
