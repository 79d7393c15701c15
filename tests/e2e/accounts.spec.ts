import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, logout, waitForHydration, waitForMail } from "./support/helpers";

const vgc = DEMO_USERS.find((u) => u.email === "karim.elamrani@vgc.example")!;
// vzw Tussenruimte has no access to ACM/IDM in the demo data: its members keep passwords (0047).
const tussenruimte = DEMO_USERS.find((u) => u.email === "tom.wouters@tussenruimte.example")!;

test("logging in works with the keyboard only, with errors next to the fields", async ({ page }) => {
  await page.goto("/aanmelden");
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").focus();
  await page.keyboard.type("geen-geldig-adres");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Geef een geldig e-mailadres op.");
  await expect(summary).toContainText("Wachtwoord: Dit veld is verplicht.");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
  // The typed address is still there; correct it and log in without touching the mouse.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /E-mailadres:/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("E-mailadres")).toBeFocused();
  await expect(page.getByLabel("E-mailadres")).toHaveValue("geen-geldig-adres");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(tussenruimte.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(tussenruimte.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/mijn-dossiers");
  await expect(page.getByText("U werkt namens vzw Tussenruimte.")).toBeVisible();
});

test("an official logs in through the identity provider, whose members are read-only in the portal", async ({ page }) => {
  await page.goto("/aanmelden");
  await waitForHydration(page);
  await page.getByRole("link", { name: "Aanmelden met uw overheidsaccount" }).click();
  // The demo login page: labelled, and usable with the keyboard alone.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelden bij de demo-identiteitsprovider");
  await expectAccessible(page);
  await page.getByRole("radio", { name: /karim\.elamrani@vgc\.example/ }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Aanmelden", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/mijn-dossiers");
  await expect(page.getByText("U werkt namens Vlaamse Gemeenschapscommissie.")).toBeVisible();
  await page.getByRole("link", { name: "Mijn organisatie" }).click();
  await expect(page.getByText(/worden beheerd in het gebruikersbeheer van de organisatie \(ACM\/IDM\)/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Uitnodiging versturen" })).toHaveCount(0);
  await expectAccessible(page);
  await logout(page);
  // The password of an IdP-managed organisation's member no longer opens the portal.
  await page.goto("/aanmelden");
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(vgc.email);
  await page.getByLabel("Wachtwoord").fill(vgc.password);
  await page.getByRole("button", { name: "Aanmelden" }).last().click();
  await expect(page.getByRole("alert")).toContainText("Meld u aan met uw overheidsaccount");
});

test("an official invites a colleague, who creates an account and joins the organisation", async ({ page, context }) => {
  await login(page, tussenruimte, { with: "password" });
  await page.getByRole("link", { name: "Mijn organisatie" }).click();
  await waitForHydration(page);
  await page.getByLabel("Voornaam").fill("Ilse");
  await page.getByLabel("Familienaam").fill("Wouters");
  await page.getByLabel("E-mailadres").fill("ilse.wouters@tussenruimte.example");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is verstuurd naar ilse.wouters@tussenruimte.example");
  await expectAccessible(page);

  const mail = await waitForMail("ilse.wouters@tussenruimte.example", /uitnodiging|uitgenodigd/i);
  const link = /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await context.clearCookies();
  await page.goto(link!);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uitnodiging voor vzw Tussenruimte");
  await expectAccessible(page);
  await page.getByLabel("Voornaam").fill("Ilse");
  await page.getByLabel("Familienaam").fill("Wouters");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("ilse haar lange wachtwoord");
  await page.getByLabel("Herhaal het wachtwoord").fill("ilse haar lange wachtwoord");
  await page.getByRole("button", { name: "Account aanmaken en aanvaarden" }).click();
  await expect(page).toHaveURL("/mijn-dossiers");
  await expect(page.getByText("U werkt namens vzw Tussenruimte.")).toBeVisible();
});

test("a forgotten password is reset through an e-mailed one-time link", async ({ page, context }) => {
  // Runs last in this file: it changes the password of the account the tests above use.
  const user = tussenruimte;
  await page.goto("/aanmelden");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByRole("status")).toContainText(`Als er een account bestaat voor ${user.email}`);

  const mail = await waitForMail(user.email, /wachtwoord/i);
  const link = /https?:\/\/\S+\/wachtwoord-herstellen\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een nieuw lang wachtwoord");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("een nieuw lang wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Uw wachtwoord is gewijzigd.")).toBeVisible();

  await login(page, { email: user.email, password: "een nieuw lang wachtwoord" }, { with: "password" });
  await expect(page).toHaveURL("/mijn-dossiers");

  // The link works once.
  await context.clearCookies();
  await page.goto(link!);
  await waitForHydration(page);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("nog een ander wachtwoord");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("nog een ander wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("Deze link is ongeldig, al gebruikt of verlopen.");
});
