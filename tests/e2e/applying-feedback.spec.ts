import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, waitForHydration } from "./support/helpers";
import { demoReference, demoRound } from "./support/wizard";

// What an applicant sees in Chromium on the applicant screens: a submitted dossier's steps
// read-only, and a long post that says it is working (held back in the network as long as the
// test needs). The save stores the answers the draft already had, as revalidation.spec.ts does.
const gent = DEMO_USERS.find((u) => u.email === "jan.declercq@gent.example")!;
const antwerpen = DEMO_USERS.find((u) => u.email === "an.peeters@antwerpen.example")!;

test("a submitted dossier's steps show the answers read-only: no fields, no save buttons", async ({ page }) => {
  await login(page, gent);
  await page.goto("/mijn-dossiers");
  // Gent's dossier in the open Regierol demo round is submitted (seeds/sample-dossiers.ts).
  await page
    .getByRole("row")
    .filter({ hasText: demoRound("RAD").title })
    .getByRole("link", { name: demoReference("RAD", 1) })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: demoReference("RAD", 1) })).toBeVisible();
  const dossier = new URL(page.url()).pathname;

  for (const [index, step] of ["verantwoordelijke", "meerjarenplan", "financiering"].entries()) {
    await page.goto(`${dossier}/stap/${step}`);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Stap \d van 7/);
    const main = page.locator(".wizard-main");
    await expect(main.getByText("Deze aanvraag is verstuurd en kan niet meer gewijzigd worden.")).toBeVisible();
    await expect(main.locator("dl.summary")).toBeVisible();
    await expect(main.locator("input, textarea, select, form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Bewaren|Tussentijds|Vorige stap/ })).toHaveCount(0);
    if (index === 0) await expectAccessible(page);
  }
  await expect(page.locator(".wizard-main dl.summary")).toContainText("Gevraagd bedrag");
  // The step list still leads from step to step.
  await page
    .getByRole("navigation", { name: "Stappen van de aanvraag" })
    .getByRole("link", { name: /^2\. Meerjarenplan/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 2 van 7: Meerjarenplan");
  await expect(page.locator(".wizard-main dl.summary")).toContainText("Aangepast meerjarenplan stad Gent 2026-2031.pdf");
});

test("a save that takes a while says so on the pressed button, marks the form busy and keeps the focus", async ({ page }) => {
  await login(page, antwerpen);
  await page.goto("/mijn-dossiers");
  await page
    .getByRole("row")
    .filter({ hasText: demoRound("OEF").title })
    .getByRole("link", { name: "Concept (nog geen nummer)" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanvraag in voorbereiding" })).toBeVisible();
  const dossier = new URL(page.url()).pathname;
  await page.goto(`${dossier}/stap/huidig-aanbod`);
  await waitForHydration(page);
  const form = page.locator("form.stack");
  const save = form.getByRole("button", { name: "Tussentijds bewaren" });
  const next = form.locator(".wizard-actions").getByRole("button", { name: "Bewaren en verder" });
  await expect(form).not.toHaveAttribute("aria-busy", /.*/);

  // The post is held in the network for as long as the test needs, then sent on.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${dossier}/stap/huidig-aanbod*`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await held;
    await route.continue();
  });

  await save.focus();
  await page.keyboard.press("Enter");
  const busy = form.getByRole("button", { name: "Bezig met bewaren…" });
  await expect(busy).toBeVisible();
  await expect(busy).toBeFocused();
  await expect(busy).toHaveAttribute("aria-disabled", "true");
  await expect(form).toHaveAttribute("aria-busy", "true");
  // Only the pressed button changes; the others keep their words.
  await expect(next).toBeVisible();
  await expect(form.getByRole("button", { name: "Bezig met bewaren…" })).toHaveCount(1);
  await expectAccessible(page);

  release();
  await expect(page.getByRole("status").filter({ hasText: "Uw antwoorden zijn bewaard." })).toBeVisible();
  await expect(form.getByRole("button", { name: "Tussentijds bewaren" })).toBeVisible();
  await expect(form).not.toHaveAttribute("aria-busy", /.*/);
  await page.unroute(`**${dossier}/stap/huidig-aanbod*`);
});

test("the buttons of a step stay hidden where the page says so, whatever the class sets", async ({ page }) => {
  // The `hidden` attribute wins over `.wizard-actions { display: flex }` (app/styles/app.css).
  await page.goto("/");
  const display = await page.evaluate(() => {
    const element = document.createElement("div");
    element.className = "wizard-actions";
    element.hidden = true;
    document.body.append(element);
    return getComputedStyle(element).display;
  });
  expect(display).toBe("none");
});
