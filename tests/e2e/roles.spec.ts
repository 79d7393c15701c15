import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, logout } from "./support/helpers";

const demo = (email: string) => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`Geen demo-gebruiker ${email}`);
  return user;
};

const antwerpen = demo("an.peeters@antwerpen.example");
const gent = demo("jan.declercq@gent.example");
const leuven = demo("sara.janssens@leuven.example");
const partner = demo("lotte.maes@brugwerk.example");
const reviewer = demo("els.vermeulen@agii.example");
const decider = demo("pieter.claes@agii.example");
const admin = demo("nadia.bouzid@agii.example");

test("the public pages are in Dutch and accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subsidies en erkenningen voor integratie en inburgering");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Bekijk de oproepen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oproepen" })).toBeVisible();
  const openRow = page.getByRole("row").filter({ hasText: "(demo)" }).first();
  await expect(openRow).toContainText("Open");
  await expect(openRow).toContainText(/nog \d+ dagen/);
  await expect(page.getByRole("row").filter({ hasText: "15 januari 2026 om 23:59" })).toContainText("Afgesloten");
  await expectAccessible(page);
  await page.goto("/aanmelden");
  await expectAccessible(page);
});

for (const official of [antwerpen, gent, partner]) {
  test(`${official.description} lands on "Mijn dossiers"`, async ({ page }) => {
    await login(page, official);
    await expect(page).toHaveURL("/mijn-dossiers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn dossiers");
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).not.toContainText("Beheer");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Mijn organisatie" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Leden" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("a reviewer lands on the review dashboard and can open a submitted dossier", async ({ page }) => {
  await login(page, reviewer);
  await expect(page).toHaveURL("/te-beoordelen");
  await expect(page.getByRole("heading", { level: 2, name: "Dossiers", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Verloop van het dossier" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/beheer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await expectAccessible(page);
});

test("a decider sees the proposals to decide", async ({ page }) => {
  await login(page, decider);
  await expect(page).toHaveURL("/te-beoordelen");
  await page.getByRole("link", { name: /^Voorstel tot beslissing \(\d+\)$/ }).click();
  await expect(page.getByText(/\d+ dossiers? gevonden\./)).toBeVisible();
  await expectAccessible(page);
});

test("an administrator lands on the admin dashboard", async ({ page }) => {
  await login(page, admin);
  await expect(page).toHaveURL("/beheer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beheer");
  await expect(page.getByRole("heading", { level: 2, name: "Medewerkers van het agentschap" })).toBeVisible();
  await expectAccessible(page);
});

test("an official of one municipality cannot open another municipality's dossier", async ({ page }) => {
  await login(page, gent);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Verloop van het dossier" })).toBeVisible();
  const gentDossierUrl = page.url();
  await logout(page);

  await login(page, antwerpen);
  const response = await page.goto(gentDossierUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expect(page.locator("main")).not.toContainText("Gent");
  await expectAccessible(page);
});

test("a member of two organisations switches between them", async ({ page }) => {
  await login(page, leuven);
  await expect(page.getByText("U werkt namens Leuven.")).toBeVisible();
  await page.getByLabel("Organisatie").selectOption({ label: "OCMW Leuven" });
  await page.getByRole("button", { name: "Wissel" }).click();
  await expect(page.getByText("U werkt namens OCMW Leuven.")).toBeVisible();
  await expectAccessible(page);
});

test("an unknown page shows a friendly Dutch 404", async ({ page }) => {
  const response = await page.goto("/deze/pagina/bestaat/niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expectAccessible(page);
});
