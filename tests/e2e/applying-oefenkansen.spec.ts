import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, waitForHydration } from "./support/helpers";
import {
  computedLine,
  demoReference,
  demoRound,
  expectReceipt,
  expectReceiptMail,
  expectStep,
  expectSummaryValue,
  saveAndContinue,
  stepHeading,
} from "./support/wizard";

// Stad Gent has no dossier in the open Oefenkansen demo round yet (Antwerpen has: seeds/sample-dossiers.ts).
const gent = DEMO_USERS.find((u) => u.email === "jan.declercq@gent.example")!;
const round = demoRound("OEF");
const STEPS = 6;

test("an official completes and submits an Oefenkansen Nederlands application with the mouse", async ({ page }) => {
  await login(page, gent);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Oproepen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oproepen" })).toBeVisible();
  await page.getByRole("link", { name: round.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: round.title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Aanvraag starten" }).click();

  // Step 1: the contact person is prefilled from the account; a first try shows the errors.
  await expectStep(page, 1, STEPS, "Contactpersoon en samenwerking");
  await expect(page.getByLabel("Voornaam contactpersoon")).toHaveValue("Jan");
  await expect(page.getByLabel("E-mailadres")).toHaveValue(gent.email);
  await page.getByLabel("Telefoonnummer").fill("09 266 11 11");
  await page.locator(".wizard-actions").getByRole("button", { name: "Bewaren en verder" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Functie: Dit veld is verplicht.");
  await expect(summary).toContainText("Dient u deze aanvraag alleen in of als samenwerkingsverband?: Gelieve een optie te kiezen.");
  await expect(page.getByLabel("Telefoonnummer")).toHaveValue("09 266 11 11");
  await expectAccessible(page);
  await summary.getByRole("link", { name: /^Functie:/ }).click();
  await expect(page.getByLabel("Functie")).toBeFocused();
  await page.getByLabel("Functie").fill("Beleidsmedewerker integratie");
  await summary.getByRole("link", { name: /^Dient u deze aanvraag/ }).click();
  await expect(page.getByLabel("Alleen, als één organisatie")).toBeFocused();
  // The partnership questions appear only for a partnership.
  await page.getByLabel("Als samenwerkingsverband van meerdere organisaties").check();
  await expect(page.getByLabel("Naam van het samenwerkingsverband")).toBeVisible();
  await page.getByLabel("Alleen, als één organisatie").check();
  await expect(page.getByLabel("Naam van het samenwerkingsverband")).toBeHidden();
  await saveAndContinue(page);

  // Step 2: a live character counter, and a draft that survives a reload (autosave).
  await expectStep(page, 2, STEPS, "Huidig aanbod en taalbeleid");
  const offer = page.getByLabel("Welke oefenkansen Nederlands zijn er vandaag in uw gemeente?");
  await expect(page.getByText("0 van 2.000 tekens").first()).toBeVisible();
  await offer.pressSequentially("Taalcafés in de bibliotheek");
  await expect(page.getByText("27 van 2.000 tekens")).toBeVisible();
  await offer.fill(`${"x".repeat(1999)}yz`);
  await expect(page.getByText("1 teken te veel (2.001 van 2.000)")).toBeVisible();
  await offer.press("End");
  await offer.press("z");
  await expect(page.getByText("2 tekens te veel (2.002 van 2.000)")).toBeVisible();
  // The autosave posts 2 s after the last change (each change restarts the wait), so the first
  // post that starts after this one is the autosave of this text.
  await offer.fill("Twee taalcafés in de bibliotheek en een wekelijkse wandelgroep met Amal.");
  const autosave = await page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/stap/huidig-aanbod"));
  expect((await autosave.response())?.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: /^Laatst bewaard om \d{2}:\d{2}/ })).toBeVisible();
  await page.reload();
  await waitForHydration(page);
  await expect(offer).toHaveValue("Twee taalcafés in de bibliotheek en een wekelijkse wandelgroep met Amal.");
  await expect(page.getByText("72 van 2.000 tekens")).toBeVisible();
  await page.getByLabel("Hoe past dit project in uw lokaal taalbeleid?").fill("Het project is actie 3 van het Gentse taalbeleidsplan.");
  await page.getByLabel(/verwijst u deelnemers door naar lessen/).fill("Via het Agentschap en het CVO.");
  await page.getByLabel(/Hoe werkt u samen met het Agentschap/).fill("Maandelijks overleg met de regioverantwoordelijke.");
  await expectAccessible(page);
  await saveAndContinue(page);

  // Step 3: activities are rows added (and removed) with buttons.
  await expectStep(page, 3, STEPS, "Geplande oefenkansen");
  await page.getByRole("button", { name: "Activiteit toevoegen" }).click();
  const first = page.getByRole("group", { name: "Activiteit 1" });
  await expect(first.getByLabel("Soort activiteit")).toBeFocused();
  await fillActivity(page, 1, {
    kind: "Taalcafé of conversatietafel",
    description: "Wekelijks taalcafé",
    group: "Inburgeraars",
    level: "A2",
    location: "Bibliotheek De Krook",
  });
  await page.getByRole("button", { name: "Activiteit toevoegen" }).click();
  await expect(page.getByRole("group", { name: "Activiteit 2" }).getByLabel("Soort activiteit")).toBeFocused();
  await fillActivity(page, 2, {
    kind: "Oefenen met ouders op school",
    description: "Oefengroep voor ouders",
    group: "Ouders",
    level: "A1",
    location: "Basisscholen",
  });
  await expect(first.getByLabel("Korte omschrijving")).toHaveValue("Wekelijks taalcafé");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Activiteit 2 verwijderen" }).click();
  await expect(page.getByRole("group", { name: "Activiteit 2" })).toHaveCount(0);
  await expect(first.getByLabel("Locatie")).toHaveValue("Bibliotheek De Krook");
  await saveAndContinue(page);

  // Step 4: the totals are computed while typing.
  await expectStep(page, 4, STEPS, "Bereik en begroting");
  const computed = page.locator("dl.computed");
  await expect(computed).toContainText("Wordt berekend zodra de bedragen ingevuld zijn.");
  await page.getByLabel("Verwacht aantal anderstalige leerders").pressSequentially("300");
  await expect(computed).toContainText("€ 18.000,00 (300 leerders × € 60,00, hoogstens 2.250 leerders)");
  await page.getByLabel("Personeelskosten").pressSequentially("30.000,00");
  await expect(computedLine(page, "Totale kosten")).toHaveText("€ 30.000,00");
  await page.getByLabel("Werkingskosten").pressSequentially("6.000");
  await expect(computedLine(page, "Totale kosten")).toHaveText("€ 36.000,00");
  await page.getByLabel("Gevraagde Vlaamse bijdrage").pressSequentially("18.000,00");
  await expect(computedLine(page, "Lokale cofinanciering (totale kosten min gevraagde bijdrage)")).toHaveText("€ 18.000,00");
  // 3,000 learners are capped at 2,250.
  await page.getByLabel("Verwacht aantal anderstalige leerders").fill("3000");
  await expect(computed).toContainText("€ 135.000,00 (2.250 leerders × € 60,00, hoogstens 2.250 leerders)");
  await page.getByLabel("Verwacht aantal anderstalige leerders").fill("300");
  await page.getByLabel("Toelichting bij de begroting").fill("0,5 VTE coördinator en werkingsmiddelen voor materiaal en zaalhuur.");
  await expectAccessible(page);
  await saveAndContinue(page);

  // Step 5 and 6: bank account and declarations.
  await expectStep(page, 5, STEPS, "Rekeningnummer");
  await page.getByLabel("Rekeningnummer (IBAN)").fill("BE68 5390 0754 7034");
  await page.getByLabel("Naam van de rekeninghouder").fill("Stad Gent");
  await page
    .getByRole("group", { name: /gewoonlijk subsidies ontvangt/ })
    .getByLabel("Ja")
    .check();
  await expectAccessible(page);
  await saveAndContinue(page);
  await expectStep(page, 6, STEPS, "Verklaring en bijlagen");
  await page.getByLabel(/Ik verklaar op eer/).check();
  await page.getByLabel(/non-discriminatie/).check();
  await expectAccessible(page);
  await saveAndContinue(page, true);

  // The summary: everything, with a "Wijzigen" link per step.
  await expect(page.getByRole("heading", { level: 1, name: "Overzicht van uw aanvraag" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Wijzigen \(/ })).toHaveCount(STEPS);
  await expect(page.getByText("6 van 6 stappen volledig")).toBeVisible();
  await expectSummaryValue(page, "Functie", "Beleidsmedewerker integratie");
  await expectSummaryValue(page, "Activiteit 1 – Taalniveau (ERK)", "A2");
  await expectSummaryValue(page, "Lokale cofinanciering (totale kosten min gevraagde bijdrage)", "€ 18.000,00");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Wijzigen (Rekeningnummer)" }).click();
  await expect(stepHeading(page, 5, STEPS, "Rekeningnummer")).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Naam van de rekeninghouder").fill("Stad Gent – Dienst Samenleven");
  await saveAndContinue(page);
  await expect(stepHeading(page, 6, STEPS, "Verklaring en bijlagen")).toBeVisible();
  await page
    .getByRole("navigation", { name: "Stappen van de aanvraag" })
    .getByRole("link", { name: /Overzicht en indienen/ })
    .click();
  await expectSummaryValue(page, "Naam van de rekeninghouder", "Stad Gent – Dienst Samenleven");

  // Submitting can take seconds at a deadline: the pressed button says the portal is working
  // (the post is held in the network until that is checked, then sent on).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/overzicht*", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  const submitting = page.getByRole("button", { name: "Bezig met indienen…" });
  await expect(submitting).toBeFocused();
  await expect(page.locator("form.submit-box")).toHaveAttribute("aria-busy", "true");
  release();
  const reference = demoReference("OEF", 1);
  const hash = await expectReceipt(page, reference, "€ 18.000,00");
  await expectReceiptMail(gent.email, reference, hash);
});

async function fillActivity(
  page: Page,
  index: number,
  row: { kind: string; description: string; group: string; level: string; location: string },
) {
  const group = page.getByRole("group", { name: `Activiteit ${index}` });
  await group.getByLabel("Soort activiteit").selectOption({ label: row.kind });
  await group.getByLabel("Korte omschrijving").fill(row.description);
  await group.getByRole("group", { name: "Doelgroep" }).getByLabel(row.group).check();
  await group.getByRole("group", { name: "Taalniveau (ERK)" }).getByLabel(row.level, { exact: true }).check();
  await group.getByLabel("Frequentie").selectOption({ label: "Wekelijks" });
  await group.getByLabel("Locatie").fill(row.location);
}
