import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "../../seeds/demo-users";
import { LEGAL_PAGES } from "../../app/components/site-footer";
import { expectAccessible, login } from "./support/helpers";

// The crawl: as each role, follow every link from where that role lands, one page per route
// (ids in the path count as one route), and check each page with expectAccessible: no
// sideways scroll and no axe violation, at 390 and at 1366 px. Downloads are not pages.

const demo = (email: string) => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`Geen demo-gebruiker ${email}`);
  return user;
};

/** Enough for every route a role can reach today; a crawl that hits it fails, so nothing is skipped silently. */
const MAX_PAGES_PER_ROLE = 45;
const PUBLIC_START = [
  "/",
  ...LEGAL_PAGES.map((page) => page.to),
  "/oproepen",
  "/partnerorganisaties",
  "/aanmelden",
  "/wachtwoord-vergeten",
];

/** "/dossiers/cmx5e2…/stap/begroting" → "/dossiers/:id/stap/begroting" */
function routeOf(path: string): string {
  return path
    .split("/")
    .map((segment) => (/^c[a-z0-9]{20,}$/.test(segment) || /^\d+$/.test(segment) ? ":id" : segment))
    .join("/");
}

/** The same-origin page links on the current page, without downloads, anchors and query strings. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href]:not([download])").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !/\.(csv|ics|pdf|xlsx)$/.test(url.pathname) && !url.pathname.startsWith("/bijlagen/"))
    .map((url) => url.pathname);
}

/** Visits every route reachable from `start`; `skip` are routes another crawl already checked. */
async function crawl(page: Page, start: string[], skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const queue = [...start];
  const unvisitedStart = new Set(start);
  const seen = new Set<string>(skip);
  const visited: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const route = routeOf(path);
    if (seen.has(route) && !unvisitedStart.delete(path)) continue;
    unvisitedStart.delete(path);
    seen.add(route);
    expect(visited.length, `meer dan ${MAX_PAGES_PER_ROLE} pagina's: verhoog MAX_PAGES_PER_ROLE`).toBeLessThan(MAX_PAGES_PER_ROLE);
    const response = await page.goto(path);
    expect(response?.status(), `${path} (gevonden op een eerdere pagina)`).toBe(200);
    await expectAccessible(page);
    visited.push(route);
    queue.push(...(await pageLinks(page)));
  }
  return visited;
}

/** Pages that show everyone the same content; the signed-in crawls skip them ("/" and a call's page differ per role). */
const SAME_FOR_EVERYONE = new Set(PUBLIC_START.filter((path) => path !== "/"));

test("a visitor: every public page, including the legal pages", async ({ page }) => {
  test.setTimeout(120_000);
  const visited = await crawl(page, PUBLIC_START);
  expect(visited).toEqual(expect.arrayContaining([...PUBLIC_START, "/oproepen/:id"]));
});

const ROLES: Array<[string, DemoUser]> = [
  ["an official of a municipality", demo("an.peeters@antwerpen.example")],
  ["an official of a vzw", demo("lotte.maes@brugwerk.example")],
  ["a reviewer", demo("els.vermeulen@agii.example")],
  ["a decider", demo("pieter.claes@agii.example")],
  ["an administrator", demo("nadia.bouzid@agii.example")],
];

for (const [role, user] of ROLES) {
  test(`${role}: every page reachable from where they land`, async ({ page }) => {
    test.setTimeout(240_000);
    await login(page, user);
    const landing = new URL(page.url()).pathname;
    // The landing page shows this role's header and menu on a phone.
    const visited = await crawl(page, [landing], SAME_FOR_EVERYONE);
    expect(visited.length).toBeGreaterThan(1);
  });
}
