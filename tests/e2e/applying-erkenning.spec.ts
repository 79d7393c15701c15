import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, waitForHydration } from "./support/helpers";
import {
  ATTACHMENTS,
  demoReference,
  demoRound,
  expectReceipt,
  expectReceiptMail,
  expectStep,
  expectSummaryValue,
  saveAndContinue,
  stepHeading,
} from "./support/wizard";

// vzw Brugwerk has no dossier in the open recognition demo round (vzw Tussenruimte has: seeds/sample-dossiers.ts).
const brugwerk = DEMO_USERS.find((u) => u.email === "lotte.maes@brugwerk.example")!;
const round = demoRound("ERK");
const STEPS = 6;

test("a partner organisation applies for recognition with its statutes and annual accounts", async ({ page, browser }) => {
  await login(page, brugwerk);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Oproepen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oproepen" })).toBeVisible();
  await page.getByRole("link", { name: round.title, exact: true }).click();
  await page.getByRole("button", { name: "Aanvraag starten" }).click();

  // 1. Organisation, prefilled with the name and KBO number it registered with.
  await expectStep(page, 1, STEPS, "Organisatie en contactpersoon");
  await expect(page.getByLabel("Naam van de organisatie")).toHaveValue("vzw Brugwerk");
  await expect(page.getByLabel("Ondernemingsnummer (KBO)")).toHaveValue("0456.123.494");
  await page.getByLabel("Rechtsvorm").selectOption({ label: "Vereniging zonder winstoogmerk (vzw)" });
  await page.getByLabel("Adres van de maatschappelijke zetel").fill("Kortrijksesteenweg 12, 8000 Brugge");
  await page.getByLabel("Website (optioneel)").fill("https://www.brugwerk.example");
  await page.getByLabel("Functie").fill("Coördinator");
  await page.getByLabel("Telefoonnummer").fill("050 12 34 56");
  await expectAccessible(page);
  await saveAndContinue(page);

  // 2. Statutes (PDF) and annual accounts (XLSX), checked by content on the server.
  await expectStep(page, 2, STEPS, "Statuten en jaarrekening");
  await page.getByLabel("Statuten", { exact: true }).setInputFiles(path.join(ATTACHMENTS, "statuten.pdf"));
  await page.getByLabel("Laatst goedgekeurde jaarrekening").setInputFiles(path.join(ATTACHMENTS, "begroting.xlsx"));
  await page.locator(".wizard-actions").getByRole("button", { name: "Tussentijds bewaren" }).click();
  await expect(page.getByRole("list", { name: "Toegevoegde bestanden: Statuten" })).toContainText("statuten.pdf");
  await expect(page.getByRole("list", { name: "Toegevoegde bestanden: Laatst goedgekeurde jaarrekening" })).toContainText("begroting.xlsx");
  await expectAccessible(page);
  await saveAndContinue(page);

  // 3. Expertise, themes and area: checkbox groups.
  await expectStep(page, 3, STEPS, "Expertise en werkgebied");
  await tick(page, "Voor welke opdracht vraagt u erkenning aan?", ["Beleidsondersteuning", "Praktijkontwikkeling"]);
  await tick(page, "Thema's", ["Gewelddadige radicalisering", "Schadelijke polarisatie"]);
  await tick(page, "Werkt u online, offline of beide?", ["Offline", "Online"]);
  await tick(page, "Welke facetten van de lokale regierol ondersteunt u?", [/^Vroegtijdige signalering/, /^Online radicalisering/]);
  await tick(page, "In welke provincies werkt u?", ["West-Vlaanderen", "Oost-Vlaanderen"]);
  await page.getByLabel("Uw aanbod voor lokale besturen").fill("Vorming voor eerstelijnswerkers en begeleiding van casusoverleg.");
  await expectAccessible(page);
  await saveAndContinue(page);

  // 4. Staff, as repeatable rows.
  await expectStep(page, 4, STEPS, "Personeel en kwalificaties");
  await page.getByRole("button", { name: "Medewerker toevoegen" }).click();
  const staff = page.getByRole("group", { name: "Medewerker 1" });
  await staff.getByLabel("Functie").fill("Stafmedewerker radicalisering");
  await staff.getByLabel("Tewerkstelling in VTE").fill("0,8");
  await staff.getByLabel("Opleiding en ervaring").fill("Master criminologie, vijf jaar ervaring in preventiewerk.");
  await expectAccessible(page);
  await saveAndContinue(page);

  // 5. Action plan and budget. A second browser of the same organisation saves this step in
  // between: the next save here is refused and shows both versions.
  await expectStep(page, 5, STEPS, "Meerjarig actieplan en begroting");
  const stepUrl = page.url();
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, brugwerk);
  await other.goto(stepUrl);
  await waitForHydration(other);
  await other.getByRole("textbox", { name: "Meerjarig actieplan" }).fill("Versie uit het andere venster.");
  await other.locator(".wizard-actions").getByRole("button", { name: "Tussentijds bewaren" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Uw antwoorden zijn bewaard." })).toBeVisible();
  await otherContext.close();

  await page
    .getByRole("textbox", { name: "Meerjarig actieplan" })
    .fill("2027: vormingen in tien gemeenten. 2028: praktijkgids en intervisie.");
  await page.getByLabel("Jaarlijkse begroting voor deze opdracht").fill("120.000");
  await page.getByLabel("Toelichting bij de begroting").fill("1,6 VTE en werkingsmiddelen voor vormingen.");
  await page.locator(".wizard-actions").getByRole("button", { name: "Tussentijds bewaren" }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Uw wijzigingen zijn nog niet bewaard" });
  await expect(conflict).toContainText("Lotte Maes heeft deze stap bewaard");
  await expect(conflict.getByRole("row", { name: /Meerjarig actieplan/ })).toContainText("Versie uit het andere venster.");
  await expect(page.getByRole("textbox", { name: "Meerjarig actieplan" })).toHaveValue(
    "2027: vormingen in tien gemeenten. 2028: praktijkgids en intervisie.",
  );
  await expectAccessible(page);
  // Keeping this version: saving again replaces the other one, on purpose.
  await page.locator(".wizard-actions").getByRole("button", { name: "Tussentijds bewaren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uw antwoorden zijn bewaard." })).toBeVisible();
  await saveAndContinue(page);

  // 6. Declarations, including no conflict of interest.
  await expectStep(page, 6, STEPS, "Verklaringen en bijlagen");
  await page.getByLabel(/Ik verklaar op eer/).check();
  await page.getByLabel(/non-discriminatie/).check();
  await page.getByLabel(/geen belangenconflict/).check();
  await expectAccessible(page);
  await saveAndContinue(page, true);

  await expect(page.getByRole("heading", { level: 1, name: "Overzicht van uw aanvraag" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Wijzigen \(/ })).toHaveCount(STEPS);
  await expectSummaryValue(page, "Statuten", "statuten.pdf");
  await expectSummaryValue(page, "Laatst goedgekeurde jaarrekening", "begroting.xlsx");
  await expectSummaryValue(page, "Meerjarig actieplan", "2027: vormingen in tien gemeenten. 2028: praktijkgids en intervisie.");
  await expectSummaryValue(page, "In welke provincies werkt u?", "Oost-Vlaanderen; West-Vlaanderen");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Wijzigen (Personeel en kwalificaties)" }).click();
  await expect(stepHeading(page, 4, STEPS, "Personeel en kwalificaties")).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("group", { name: "Medewerker 1" }).getByLabel("Tewerkstelling in VTE").fill("0,9");
  await page.locator(".wizard-actions").getByRole("button", { name: "Tussentijds bewaren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uw antwoorden zijn bewaard." })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Stappen van de aanvraag" })
    .getByRole("link", { name: /Overzicht en indienen/ })
    .click();
  await expectSummaryValue(page, "Medewerker 1 – Tewerkstelling in VTE", "0,9");

  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  // vzw Tussenruimte's dossier in this round was submitted first (the seed): this is number 2.
  const reference = demoReference("ERK", 2);
  const hash = await expectReceipt(page, reference, null);
  await expectReceiptMail(brugwerk.email, reference, hash);
  await expectSummaryValue(page, "Statuten", "statuten.pdf");
});

async function tick(page: Page, question: string, options: Array<string | RegExp>) {
  const group = page.getByRole("group", { name: question });
  for (const option of options) await group.getByLabel(option, typeof option === "string" ? { exact: true } : undefined).check();
}
