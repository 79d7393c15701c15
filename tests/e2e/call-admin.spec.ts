import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, logout, waitForHydration } from "./support/helpers";

const demo = (email: string) => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`Geen demo-gebruiker ${email}`);
  return user;
};
const admin = demo("nadia.bouzid@agii.example");
const partner = demo("lotte.maes@brugwerk.example");
const reviewer = demo("els.vermeulen@agii.example");

/** A Brussels calendar date (yyyy-mm-dd) some days from now. */
function brusselsDay(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(date);
}

const TITLE = `Sociale cohesie – extra oproep E2E ${Date.now()}`;

async function goAndCheck(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

test("an administrator creates a call, an official applies in it, staff see the submission", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, admin);
  await expect(page).toHaveURL("/beheer");
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Oproepen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oproepen");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Oproep toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oproep toevoegen");
  await waitForHydration(page);
  await expectAccessible(page);

  await page.getByLabel("Programma").selectOption({ label: "SOC – Sociale cohesie en participatie in een diverse samenleving" });
  await page.getByLabel("Titel").fill(TITLE);
  await page.getByLabel("Beschrijving").fill("Een **extra** oproep.\n\n- voor verenigingen\n- kosteloos voor lokale besturen");
  await expect(page.locator(".markdown-preview strong")).toHaveText("extra");
  const opens = page.getByRole("group", { name: "Open vanaf" });
  await opens.getByLabel("Datum").fill(brusselsDay(0));
  await opens.getByLabel("Uur").fill("00:00");
  const closes = page.getByRole("group", { name: "Indienen tot" });
  // First a deadline before the opening: the browser refuses it with the rule's message.
  await closes.getByLabel("Datum").fill(brusselsDay(-1));
  await closes.getByLabel("Uur").fill("23:59");
  await page.getByLabel("Vzw").check();
  await page.getByLabel("Budget van de oproep").fill("250.000,00");
  await expect(page.getByRole("group", { name: "Criterium 1" }).getByLabel("Naam")).toHaveValue("Relevantie");
  await page.getByLabel("Formulier", { exact: true }).selectOption("sociale-cohesie@1");
  // Untouched criteria follow the chosen form's default.
  await expect(page.getByRole("group", { name: "Criterium 1" }).getByLabel("Naam")).toHaveValue("Algemene beoordeling");
  await page.getByRole("button", { name: "Oproep aanmaken" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toContainText("Indienen tot (datum): De sluitingsdatum moet na de openingsdatum liggen.");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
  await closes.getByLabel("Datum").fill(brusselsDay(30));

  // The rubric: one more criterion, added and filled with the keyboard's focus where it belongs.
  await page.getByRole("button", { name: "Criterium toevoegen" }).click();
  const rows = page.locator(".rubric-row");
  const count = await rows.count();
  const added = page.getByRole("group", { name: `Criterium ${count}` });
  await expect(added.getByLabel("Naam")).toBeFocused();
  await added.getByLabel("Naam").fill("Duurzaamheid");
  await added.getByLabel("Sleutel").fill("duurzaamheid");
  await page.getByRole("button", { name: "Oproep aanmaken" }).click();

  await expect(page.getByRole("status")).toContainText("De oproep is aangemaakt.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await waitForHydration(page);
  await expectAccessible(page);
  const callUrl = new URL(page.url());
  const callId = callUrl.pathname.split("/").pop()!;

  // The other administrators' pages of this issue, each checked with axe.
  await goAndCheck(page, "/beheer/programmas", "Programma's");
  await page.getByRole("link", { name: "Sociale cohesie en participatie in een diverse samenleving" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sociale cohesie en participatie in een diverse samenleving");
  await waitForHydration(page);
  await expectAccessible(page);
  await goAndCheck(page, "/beheer/programmas/nieuw", "Programma toevoegen");
  await goAndCheck(page, "/beheer/formulieren", "Formulieren");
  await goAndCheck(
    page,
    "/beheer/formulieren/sociale-cohesie/1",
    "Aanvraag projectsubsidie Sociale cohesie en participatie in een diverse samenleving",
  );
  await goAndCheck(page, "/beheer/formulieren/nieuw", "Formulierversie toevoegen");
  await page.getByLabel("Definitie (JSON)").fill(
    JSON.stringify({
      key: "proef-e2e",
      version: 1,
      title: "Proef",
      steps: [{ id: "een", title: "Eén", fields: [{ type: "text", name: "naam", label: "Naam" }] }],
    }),
  );
  await page.getByRole("button", { name: "Voorbeeld tonen" }).click();
  await expect(page.getByRole("heading", { name: "Stap 1: Eén" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // An official of a vzw sees the call open and applies.
  await login(page, partner);
  await page.goto("/oproepen");
  const row = page.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText("Open");
  await row.getByRole("link", { name: TITLE }).click();
  await expect(page.locator(".markdown strong")).toHaveText("extra");
  await page.getByRole("button", { name: "Aanvraag starten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 1 van 6: Organisatie en contactpersoon");
  await waitForHydration(page);

  const next = () =>
    page
      .getByRole("button", { name: /^Bewaren en (verder|naar het overzicht)$/ })
      .last()
      .click();
  await page.getByLabel("Naam van de organisatie").fill("vzw Brugwerk");
  await page.getByLabel("Rechtsvorm").selectOption({ label: "Vereniging zonder winstoogmerk (vzw)" });
  await page.getByLabel("Ondernemingsnummer (KBO)").fill("0123.456.749");
  await page.getByLabel("Adres van de maatschappelijke zetel").fill("Kerkstraat 1, 8000 Brugge");
  await page.getByLabel("Functie").fill("Coördinator");
  await page.getByLabel("Telefoonnummer").fill("050 12 34 56");
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 2 van 6");
  await page.getByLabel("Alleen, als één organisatie").check();
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 3 van 6");
  await page.getByLabel("Arbeidsmarktintegratie via mentoring").check();
  await page.getByLabel("Beschrijving van het project").fill("Mentoren begeleiden nieuwkomers naar werk.");
  await page.getByLabel("Doelgroepen en verwacht bereik").fill("120 nieuwkomers per jaar.");
  await page.getByLabel("In welke gemeenten of regio's zet u het project in?").fill("Brugge en omliggende gemeenten.");
  await page.getByLabel("Lokale besturen kunnen het aanbod van dit project kosteloos inzetten in hun regierol.").check();
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 4 van 6");
  await page.getByLabel("Totale kostprijs van het project (3 jaar)").fill("180.000,00");
  await page.getByLabel("Gevraagde subsidie").fill("150.000,00");
  await page.getByLabel("Toelichting bij de begroting").fill("Twee VTE begeleiders en werkingskosten.");
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 5 van 6");
  await page.getByLabel("Rekeningnummer (IBAN)").fill("BE68 5390 0754 7034");
  await page.getByLabel("Naam van de rekeninghouder").fill("vzw Brugwerk");
  await page
    .getByRole("group", { name: /gewoonlijk subsidies/ })
    .getByLabel("Ja")
    .check();
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 6 van 6");
  await page.getByLabel(/Ik verklaar op eer/).check();
  await page.getByLabel(/non-discriminatie/).check();
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overzicht van uw aanvraag");
  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  const reference = page.getByText(/SOC-\d{4}-\d{4}/).first();
  await expect(reference).toBeVisible();
  const referenceText = /SOC-\d{4}-\d{4}/.exec((await reference.textContent()) ?? "")![0];
  await logout(page);

  await login(page, reviewer);
  await page.goto("/te-beoordelen");
  const submitted = page.getByRole("row").filter({ hasText: referenceText });
  await expect(submitted).toContainText("vzw Brugwerk");
  await expect(submitted).toContainText("Verstuurd");
  await expectAccessible(page);

  // The report of the new call shows the submission at once.
  await page.goto(`/rapporten/${callId}`);
  const statuses = page.getByRole("table", { name: "Aantal dossiers per status" });
  await expect(statuses.getByRole("row").filter({ hasText: "Verstuurd" })).toContainText("1");
  await expectAccessible(page);
});

test("an administrator reads a call's letter texts, is stopped at a bad one, and previews the letter unsaved", async ({ page }) => {
  await login(page, admin);
  await page.goto("/beheer/oproepen");
  await page.getByRole("link", { name: "Oefenkansen Nederlands – subsidieoproep 2026" }).click();
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 2, name: "Beslissingsbrief" })).toBeVisible();
  await expect(page.getByLabel("Rechtsgrond")).toHaveValue(/decreet van 7 juni 2013/);
  await expect(page.getByLabel("Beroepsmogelijkheden")).toHaveValue(/Raad van State/);
  await expectAccessible(page);

  // A half contact: the preview does not open, the message stands next to the field, focused.
  await page.getByLabel("Contact voor vragen: naam of dienst").fill("");
  await page.getByLabel("Contact voor vragen: e-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Voorbeeldbrief met deze teksten downloaden (PDF)" }).click();
  await expect(page.locator("#veld-letterContactName-error")).toContainText("Geef de naam van de contactpersoon of dienst op");
  await expect(page.getByLabel("Contact voor vragen: naam of dienst")).toBeFocused();
  await expectAccessible(page);

  // Fixed, with unsaved appeal routes: the preview comes as a download (through a new window, which keeps the form as it is).
  await page.getByLabel("Contact voor vragen: naam of dienst").fill("Team Oefenkansen");
  await page.getByLabel("Contact voor vragen: e-mailadres").fill("oefenkansen@agii.example");
  await page.getByLabel("Beroepsmogelijkheden").fill("Een beroepsweg die nog niet bewaard is.");
  const preview = page.context().waitForEvent("response", (response) => response.url().endsWith("/voorbeeldbrief"));
  await page.getByRole("button", { name: "Voorbeeldbrief met deze teksten downloaden (PDF)" }).click();
  const response = await preview;
  expect(response.request().method()).toBe("POST");
  expect(response.request().postData()).toContain("letterAppealRoutes=Een+beroepsweg+die+nog+niet+bewaard+is.");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("beslissing-OEF-2026-VOORBEELD.pdf");
  // Nothing was saved: the page still shows the stored texts after a reload.
  await page.reload();
  await expect(page.getByLabel("Beroepsmogelijkheden")).toHaveValue(/Raad van State/);
});
