import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, waitForHydration } from "./support/helpers";
import { tabTo, typeInto } from "./support/keyboard";
import { E2E_OIDC } from "./support/ports";
import {
  ATTACHMENTS,
  computedLine,
  demoReference,
  demoRound,
  expectReceipt,
  expectReceiptMail,
  expectStep,
  expectSummaryValue,
  stepHeading,
} from "./support/wizard";

// Stad Leuven has no dossier in the open Regierol demo round (Gent has: seeds/sample-dossiers.ts).
const leuven = DEMO_USERS.find((u) => u.email === "sara.janssens@leuven.example")!;
const round = demoRound("RAD");
const STEPS = 7;

// Keyboard only: Tab / Shift+Tab to move, typing, Space for boxes and radios, arrow keys in
// radio groups and selects, Enter for links and buttons. No mouse clicks, no fill().
test("an official submits the Regierol meerjarenplan with the keyboard only", async ({ page }) => {
  const keys = page.keyboard;
  const form = page.locator("form.stack");
  const next = form.locator(".wizard-actions").getByRole("button", { name: "Bewaren en verder" });

  await page.goto("/aanmelden");
  await waitForHydration(page);
  if (E2E_OIDC) {
    // Through the identity provider's demo page: the radio group with the arrow keys (0047).
    await tabTo(page, page.getByRole("link", { name: "Aanmelden met uw overheidsaccount" }));
    await keys.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelden bij de demo-identiteitsprovider");
    const sara = page.getByRole("radio", { name: new RegExp(leuven.email.replaceAll(".", "\\.")) });
    await tabTo(page, page.getByRole("radio").first());
    for (let i = 0; i < 20 && !(await sara.isChecked()); i++) await keys.press("ArrowDown");
    await expect(sara).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Aanmelden", exact: true }));
    await keys.press("Enter");
  } else {
    await typeInto(page, page.getByLabel("E-mailadres"), leuven.email);
    await keys.press("Tab");
    await keys.type(leuven.password);
    await keys.press("Enter");
  }
  await expect(page).toHaveURL("/mijn-dossiers");
  await expect(page.getByText("U werkt namens Leuven.")).toBeVisible();

  await tabTo(page, page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Oproepen" }));
  await keys.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Oproepen" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: round.title, exact: true }));
  await keys.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: round.title })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Aanvraag starten" }));
  await keys.press("Enter");

  // 1. The responsible official; Enter in a field means "save and continue".
  await expectStep(page, 1, STEPS, "Verantwoordelijke ambtenaar");
  await expect(page.getByLabel("Voornaam contactpersoon")).toHaveValue("Sara");
  await typeInto(page, page.getByLabel("Functie"), "Preventiecoördinator");
  await keys.press("Tab");
  await expect(page.getByLabel("Telefoonnummer")).toBeFocused();
  await keys.type("016 27 20 00");
  await expectAccessible(page);
  await keys.press("Enter");

  // 2. The meerjarenplan. A first try without it: the error summary takes focus, its link
  // leads to the file field.
  await expectStep(page, 2, STEPS, "Meerjarenplan");
  await typeInto(page, page.getByLabel("Samenvatting van uw aanpak"), "Leuven neemt de regierol op met vroegsignalering en een LIVC-R.");
  await tabTo(page, next);
  await keys.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Strategisch meerjarenplan 2026-2031: Voeg een bestand toe.");
  await expect(page.getByLabel("Samenvatting van uw aanpak")).toHaveValue(
    "Leuven neemt de regierol op met vroegsignalering en een LIVC-R.",
  );
  await expectAccessible(page);
  await keys.press("Tab");
  await expect(summary.getByRole("link", { name: /^Strategisch meerjarenplan/ })).toBeFocused();
  await keys.press("Enter");
  const planInput = page.getByLabel("Strategisch meerjarenplan 2026-2031");
  await expect(planInput).toBeFocused();
  // Space on a file input opens the operating system's file dialog, which a browser test
  // cannot reach: the file is set directly on the focused input instead.
  await planInput.setInputFiles({
    name: "meerjarenplan-leuven.pdf",
    mimeType: "application/pdf",
    buffer: readFileSync(path.join(ATTACHMENTS, "statuten.pdf")),
  });
  await tabTo(page, next);
  await keys.press("Enter");

  // 3. Policy priorities: rows added with a button, the new row's first field takes focus.
  await expectStep(page, 3, STEPS, "Vlaamse beleidsprioriteiten");
  await tabTo(page, page.getByRole("button", { name: "Beleidsprioriteit toevoegen" }));
  await keys.press("Enter");
  const row = page.getByRole("group", { name: "Beleidsprioriteit 1" });
  await expect(row.getByLabel("Beleidsprioriteit")).toBeFocused();
  await keys.press("ArrowDown");
  await keys.press("ArrowDown");
  await expect(row.getByLabel("Beleidsprioriteit")).toHaveValue("livc-r");
  await keys.press("Tab");
  await keys.type("Actie 2.1.3: de LIVC-R komt maandelijks samen.");
  await keys.press("Tab");
  await keys.type("Aantal besproken casussen per jaar.");
  await keys.press("Tab");
  await keys.type("AP 2.1.3");
  await expectAccessible(page);
  await tabTo(page, next);
  await keys.press("Enter");

  // 4. LIVC-R: a radio group (Space, arrow keys); the follow-up question hides for "Nee".
  await expectStep(page, 4, STEPS, "LIVC-R en partners");
  const livcr = page.getByRole("group", { name: /lokale integrale veiligheidscel/ });
  await tabTo(page, livcr.getByLabel("Ja"));
  await keys.press("Space");
  await expect(livcr.getByLabel("Ja")).toBeChecked();
  await keys.press("ArrowDown");
  await expect(livcr.getByLabel("Nee")).toBeChecked();
  await expect(page.getByLabel("Hoe werkt de LIVC-R?")).toBeHidden();
  await keys.press("ArrowUp");
  await expect(livcr.getByLabel("Ja")).toBeChecked();
  await keys.press("Tab");
  await expect(page.getByLabel("Hoe werkt de LIVC-R?")).toBeFocused();
  await keys.type("Maandelijks casusoverleg onder voorzitterschap van de burgemeester.");
  await keys.press("Tab");
  await keys.type("Politie, scholen, jeugdwerk en het OCMW.");
  await expectAccessible(page);
  await tabTo(page, next);
  await keys.press("Enter");

  // 5. Funding, with the maximum per plan.
  await expectStep(page, 5, STEPS, "Gevraagde financiering");
  await expect(computedLine(page, "Maximaal bedrag per actieplan")).toHaveText("€ 25.000,00");
  await typeInto(page, page.getByLabel("Gevraagd bedrag"), "25.000,00");
  await typeInto(page, page.getByLabel("Toelichting bij de begroting"), "0,3 VTE preventiecoördinator en vorming voor eerstelijnswerkers.");
  await expectAccessible(page);
  await tabTo(page, next);
  await keys.press("Enter");

  // 6. Bank account.
  await expectStep(page, 6, STEPS, "Rekeningnummer");
  await typeInto(page, page.getByLabel("Rekeningnummer (IBAN)"), "BE68 5390 0754 7034");
  await keys.press("Tab");
  await keys.type("Stad Leuven");
  await keys.press("Tab");
  await expect(page.getByRole("group", { name: /gewoonlijk subsidies ontvangt/ }).getByLabel("Ja")).toBeFocused();
  await keys.press("Space");
  await expectAccessible(page);
  await tabTo(page, next);
  await keys.press("Enter");

  // 7. Declarations.
  await expectStep(page, 7, STEPS, "Verklaring en bijlagen");
  await tabTo(page, page.getByLabel(/Ik verklaar op eer/));
  await keys.press("Space");
  await keys.press("Tab");
  await expect(page.getByLabel(/non-discriminatie/)).toBeFocused();
  await keys.press("Space");
  await expectAccessible(page);
  await tabTo(page, form.getByRole("button", { name: "Bewaren en naar het overzicht" }));
  await keys.press("Enter");

  // The summary; "Wijzigen" leads back to a step, Shift+Tab to the step list leads back here.
  await expect(page.getByRole("heading", { level: 1, name: "Overzicht van uw aanvraag" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Wijzigen \(/ })).toHaveCount(STEPS);
  await expect(page.getByText("7 van 7 stappen volledig")).toBeVisible();
  await expectSummaryValue(page, "Strategisch meerjarenplan 2026-2031", "meerjarenplan-leuven.pdf");
  await expectSummaryValue(
    page,
    "Beleidsprioriteit 1 – Beleidsprioriteit",
    "Casusoverleg in een lokale integrale veiligheidscel radicalisering (LIVC-R)",
  );
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: "Wijzigen (Gevraagde financiering)" }));
  await keys.press("Enter");
  await expect(stepHeading(page, 5, STEPS, "Gevraagde financiering")).toBeVisible();
  await tabTo(page, page.getByLabel("Gevraagd bedrag"));
  await keys.press("ControlOrMeta+A");
  await keys.type("24.500,00");
  await tabTo(page, form.getByRole("button", { name: "Tussentijds bewaren" }));
  await keys.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Uw antwoorden zijn bewaard." })).toBeVisible();
  const stepList = page.getByRole("navigation", { name: "Stappen van de aanvraag" });
  await tabTo(page, stepList.getByRole("link", { name: /Overzicht en indienen/ }), { backwards: true });
  await keys.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Overzicht van uw aanvraag" })).toBeVisible();
  await expectSummaryValue(page, "Gevraagd bedrag", "€ 24.500,00");

  await tabTo(page, page.getByRole("button", { name: "Aanvraag indienen" }));
  await keys.press("Enter");
  // Gent's dossier in this round was submitted first (the seed): Leuven's is number 2.
  const reference = demoReference("RAD", 2);
  const hash = await expectReceipt(page, reference, "€ 24.500,00");
  await expectReceiptMail(leuven.email, reference, hash);
  await expectSummaryValue(page, "Strategisch meerjarenplan 2026-2031", "meerjarenplan-leuven.pdf");
});
