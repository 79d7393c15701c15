import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, logout, waitForHydration, waitForMail } from "./support/helpers";
import { E2E_MAIL_URL } from "./support/ports";

// The AgII workflow end to end on the demo data: the reviewer takes Gent's submitted regierol
// dossier of the demo round, asks for more information, the applicant answers, the reviewer
// scores and proposes, a decider decides, and the applicant sees the decision and gets the
// letter by e-mail.
const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const reviewer = user("els.vermeulen@agii.example");
const decider = user("pieter.claes@agii.example");
const applicant = user("jan.declercq@gent.example");

test.describe.configure({ mode: "serial" });

async function openGentDemoDossier(page: Page) {
  await page.goto("/te-beoordelen");
  await page
    .getByRole("link", { name: /^RAD-\d{4}-\d{4}$/ })
    .filter({ hasNotText: "2026" })
    .first()
    .click();
  await page.getByRole("link", { name: "Beoordeling en beslissing" }).click();
  await waitForHydration(page);
}

test("a dossier goes from submitted to decided, and the applicant receives the letter", async ({ page }) => {
  // The reviewer takes the dossier and asks a question.
  await login(page, reviewer);
  await openGentDemoDossier(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Beoordeling RAD-/);
  const dossierUrl = page.url().replace(/\/beoordeling$/, "");
  await page.getByLabel("Beoordelaar").selectOption({ label: "Els Vermeulen" });
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByText("Het dossier is toegewezen.")).toBeVisible();
  // The audit trail reads as sentences; the stored details stay folded away until asked for.
  const trail = page.locator(".audit-trail");
  await expect(trail).toContainText("Els Vermeulen wees het dossier toe aan zichzelf.");
  await expect(trail).toContainText(/diende de aanvraag in\./);
  // What is rendered (innerText), not the folded details' text.
  expect(await trail.innerText()).not.toContain("assigneeId");
  const assigned = trail.locator("li", { hasText: "wees het dossier toe" });
  await expect(assigned.locator("pre").first()).toBeHidden();
  await assigned.getByText("Details").click();
  await expect(assigned.locator("pre").first()).toBeVisible();
  await expect(assigned.locator("pre").first()).toContainText("assigneeId");
  await expectAccessible(page);
  await page.getByLabel("Vragen aan de aanvrager").fill("Hoe werkt de LIVC-R samen met de scholen?");
  await page.getByLabel("Antwoorden tegen").fill("2099-12-31");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByText("De vraag is verstuurd; de aanvrager krijgt een e-mail.")).toBeVisible();
  await logout(page);

  // The applicant is told and answers in the portal.
  await waitForMail(applicant.email, /informatie/i);
  await login(page, applicant);
  await page.goto(dossierUrl);
  await page.getByRole("link", { name: "Vraag beantwoorden" }).click();
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByLabel("Uw antwoord", { exact: true }).fill("De LIVC-R nodigt de CLB's uit voor elk casusoverleg over een leerling.");
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByText("De LIVC-R nodigt de CLB's uit")).toBeVisible();
  await logout(page);

  // The reviewer scores every criterion and proposes.
  await login(page, reviewer);
  await page.goto(`${dossierUrl}/beoordeling`);
  await waitForHydration(page);
  // Saving with nothing filled in is refused, next to the first criterion and in the summary.
  await page.getByRole("button", { name: "Scores bewaren" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Geef minstens één criterium een score met een motivering.");
  await expect(page.locator("fieldset.criterion").first().locator(".field-error")).toHaveText(
    "Geef minstens één criterium een score met een motivering.",
  );
  await expect(page.getByText("De scores zijn bewaard.")).toHaveCount(0);
  await expectAccessible(page);
  const criteria = page.locator("fieldset.criterion");
  for (let index = 0; index < (await criteria.count()); index++) {
    const criterion = criteria.nth(index);
    await criterion.getByRole("radio", { name: "4" }).check();
    await criterion.getByLabel("Motivering").fill("Concreet uitgewerkt in het meerjarenplan.");
  }
  await page.getByRole("button", { name: "Scores bewaren" }).click();
  await expect(page.getByText("De scores zijn bewaard.")).toBeVisible();
  await page.getByRole("radio", { name: "Goedkeuren", exact: true }).check();
  await page.getByLabel("Motivering", { exact: true }).last().fill("Alle prioriteiten zijn opgenomen; voorstel tot goedkeuring.");
  await page.getByRole("button", { name: "Voorstel indienen" }).click();
  await expect(page.getByText(/Voorstel: Goedkeuren voor € 25\.000,00/)).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // A decider decides, with the proposal's motivation, amount and scores beside the form.
  await login(page, decider);
  await page.goto(`${dossierUrl}/beoordeling`);
  await waitForHydration(page);
  const proposal = page.locator("section.proposal-summary");
  await expect(proposal).toContainText("Goedkeuren voor € 25.000,00, door Els Vermeulen");
  await expect(proposal).toContainText("Alle prioriteiten zijn opgenomen; voorstel tot goedkeuring.");
  await expect(proposal.getByRole("region", { name: "Scores bij het voorstel" })).toContainText("4 / 5");
  const [summaryBox, formBox] = [await proposal.boundingBox(), await page.locator("section[aria-labelledby='beslissen']").boundingBox()];
  expect(formBox!.x).toBeGreaterThan(summaryBox!.x + summaryBox!.width - 1);
  expect(Math.abs(formBox!.y - summaryBox!.y)).toBeLessThan(5);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Het voorstel volgen en beslissen" }).check();
  await page.getByLabel("Motivering").fill("Goedgekeurd conform het voorstel: € 25.000,00 basisfinanciering.");
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.locator(".status").first()).toHaveText("Goedgekeurd");
  await logout(page);

  // The applicant sees the decision and has the letter, on the page and in the e-mail.
  await login(page, applicant);
  await page.goto(dossierUrl);
  await expect(page.getByRole("heading", { name: "Beslissing", exact: true })).toBeVisible();
  await expect(page.locator("#beslissing ~ p.prose")).toHaveText(/Goedgekeurd conform het voorstel/);
  // The phases after the decision, from the demo round's settings (docs/decisions/0055).
  await expect(page.getByRole("heading", { name: "Na de beslissing" })).toBeVisible();
  await expect(page.locator(".grant-timeline")).toContainText("Voorschot (60%)");
  await expect(page.getByRole("link", { name: "Beslissingsbrief (PDF)" })).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(applicant.email, /Beslissing over uw aanvraag/);
  const detail = (await (await fetch(`${E2E_MAIL_URL}/api/messages`)).json()) as Array<{
    id: string;
    attachments: Array<{ filename: string; contentType: string }>;
  }>;
  const withLetter = detail.find((m) => m.id === mail.id)!;
  expect(withLetter.attachments).toEqual([expect.objectContaining({ contentType: "application/pdf" })]);
});

test("the review queue shows its table first, the other blocks below it", async ({ page }) => {
  await login(page, reviewer);
  await page.goto("/te-beoordelen");
  const table = page.getByRole("table").first();
  await expect(table).toBeVisible();
  const tableTop = (await table.boundingBox())!.y;
  for (const heading of ["Snel naar", "Beslissingstermijnen"]) {
    expect((await page.getByRole("heading", { name: heading }).boundingBox())!.y, heading).toBeGreaterThan(tableTop);
  }
  await expectAccessible(page);
});
