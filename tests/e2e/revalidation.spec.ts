import { expect, test, type Request } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login } from "./support/helpers";
import { demoRound } from "./support/wizard";

// Which loaders run again after a post (root.tsx and the dossier layout's shouldRevalidate),
// seen from the browser: Remix asks for them in one GET of "<page>.data", `_routes` naming
// them when not all (single fetch).
const antwerpen = DEMO_USERS.find((u) => u.email === "an.peeters@antwerpen.example")!;
const round = demoRound("OEF");

const isDataLoad = (request: Request) => request.method() === "GET" && new URL(request.url()).pathname.endsWith(".data");
/** The route ids a data load asks for; none named means every route of the page. */
const routesOf = (request: Request) => new URL(request.url()).searchParams.get("_routes")?.split(",") ?? ["alle routes"];

test("an autosave reloads no data at all; a button post reloads the page's data, the header's included", async ({ page }) => {
  await login(page, antwerpen);
  await page.goto("/mijn-dossiers");
  await page.getByRole("row").filter({ hasText: round.title }).getByRole("link", { name: "Concept (nog geen nummer)" }).click();
  await expect(page.getByRole("navigation", { name: "Dossier" })).toBeVisible();
  await page.getByRole("navigation", { name: "Dossier" }).getByRole("link", { name: "Overzicht" }).click();
  await page
    .getByRole("navigation", { name: "Stappen van de aanvraag" })
    .getByRole("link", { name: /^2\. Huidig aanbod en taalbeleid/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 2 van 6");
  await expectAccessible(page);

  const loads: Request[] = [];
  page.on("request", (request) => {
    if (isDataLoad(request)) loads.push(request);
  });
  const field = page.getByLabel("Hoe past dit project in uw lokaal taalbeleid?");
  const original = await field.inputValue();
  await field.press("End");
  await field.pressSequentially(" Aangevuld.");
  const autosave = await page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/stap/huidig-aanbod"));
  expect(await (await autosave.response())!.text()).toContain("autosaved");
  await expect(page.getByRole("status").filter({ hasText: /^Laatst bewaard om \d{2}:\d{2}/ })).toBeVisible();
  // A reload would have started right after the answer; give it time to show up.
  await page.waitForTimeout(1_000);
  expect(loads.map((request) => request.url())).toEqual([]);

  // The button posts as a navigation: the page's loaders run again, root's (the header) among them.
  await field.fill(original);
  const reload = page.waitForRequest(isDataLoad);
  await page.getByRole("button", { name: "Tussentijds bewaren" }).click();
  expect(routesOf(await reload)).toEqual(expect.arrayContaining([expect.stringMatching(/^(root|alle routes)$/)]));
  await expect(page.getByRole("status").filter({ hasText: "Uw antwoorden zijn bewaard." })).toBeVisible();
  await expect(field).toHaveValue(original);
});
