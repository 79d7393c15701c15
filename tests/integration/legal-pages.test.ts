import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_DURATION_MS } from "~/auth/session.server";
import { VERIFICATION_TTL_MS } from "~/auth/verification.server";
import { LEGAL_PAGES } from "~/components/site-footer";
import { createPrismaClient } from "~/db.server";
import { ACCESSIBILITY_STATEMENT } from "~/legal/accessibility";
import { AGENCY } from "~/legal/agency";
import { describeDuration } from "~/legal/retention.server";
import { createOrganisation, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Real HTTP against the built server: the contact, privacy and accessibility pages are public
// and every page's footer links them.
const db = createPrismaClient();
let server: RunningServer;
let official: { email: string; password: string };

beforeAll(async () => {
  const organisation = await createOrganisation(db, { name: "Stad Mechelen", nisCode: "12025" });
  official = await createUser(db, { email: "ambtenaar@mechelen.example", memberOf: [organisation.id] });
  server = await startServer({ OUTBOX_WORKER: "off" });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

/** The page's HTML without the comments React puts between adjacent text parts. */
const htmlOf = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
const footerOf = (html: string) => html.slice(html.indexOf('<footer class="site-footer"'), html.indexOf("</footer>"));
const linksIn = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]);

describe("legal pages", () => {
  it.each(LEGAL_PAGES.map((page) => [page.to, page.label]))("%s answers 200 without login, in Dutch", async (path, label) => {
    const response = await new HttpClient(server.url).get(path);
    expect(response.status).toBe(200);
    const html = await htmlOf(response);
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).toContain(`<h1>${label}</h1>`);
    expect(html).toContain(`<title>${label} | Subsidieportaal AgII</title>`);
    // The agency's contact details come from one module.
    expect(html).toContain(`mailto:${AGENCY.helpdesk.email}`);
  });

  it("links all three from the footer of public pages, the 404 page and pages behind login", async () => {
    const visitor = new HttpClient(server.url);
    const loggedIn = new HttpClient(server.url);
    await loggedIn.login(official.email);
    const pages: Array<[HttpClient, string, number]> = [
      [visitor, "/", 200],
      [visitor, "/oproepen", 200],
      [visitor, "/aanmelden", 200],
      [visitor, "/bestaat-niet", 404],
      [loggedIn, "/mijn-dossiers", 200],
    ];
    for (const [client, path, status] of pages) {
      const response = await client.get(path);
      expect(response.status, path).toBe(status);
      const footer = footerOf(await htmlOf(response));
      expect(footer, path).toContain('<nav aria-label="Over dit portaal">');
      expect(linksIn(footer), path).toEqual(expect.arrayContaining(LEGAL_PAGES.map((page) => page.to)));
    }
  });

  it("states the retention periods the portal enforces, from the constants that enforce them", async () => {
    const html = await htmlOf(await new HttpClient(server.url).get("/privacyverklaring"));
    expect(describeDuration(SESSION_DURATION_MS)).toBe("12 uur");
    expect(html).toContain(`Een sessie loopt ${describeDuration(SESSION_DURATION_MS)}`);
    expect(html).toContain(`Een link voor wachtwoordherstel werkt ${describeDuration(VERIFICATION_TTL_MS.PASSWORD_RESET)}`);
    expect(html).toContain(`een uitnodiging ${describeDuration(VERIFICATION_TTL_MS.INVITATION)}`);
    for (const heading of ["Welke gegevens, waarom en hoe lang", "Wie ziet uw gegevens?", "Uw rechten", "Wie is verantwoordelijk?"]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain(`mailto:${AGENCY.dpo.email}`);
  });

  it("follows the Flemish model: status, known problems, how to report one, date", async () => {
    const html = await htmlOf(await new HttpClient(server.url).get("/toegankelijkheidsverklaring"));
    expect(html).toContain("<strong>gedeeltelijk conform</strong>");
    for (const heading of [
      "Nalevingsstatus",
      "Niet-toegankelijke inhoud",
      "Opstelling van deze verklaring",
      "Feedback en contactgegevens",
      "Handhavingsprocedure",
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    for (const problem of ACCESSIBILITY_STATEMENT.knownProblems) expect(html).toContain(`<h3>${problem.title}</h3>`);
    expect(html).toContain("Deze verklaring werd opgesteld op 2 december 2026.");
    expect(html).toContain(`mailto:${AGENCY.accessibility.email}`);
    expect(html).toContain(
      `Deze toegankelijkheidsverklaring is van toepassing op het subsidieportaal, <span class="hash">${server.url}/</span>`,
    );
  });
});
