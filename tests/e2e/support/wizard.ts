import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { demoRoundCalls } from "../../../seeds/calls";
import type { ProgrammeCode } from "../../../seeds/programmes";
import { expectAccessible, waitForHydration, waitForMail } from "./helpers";

export const ATTACHMENTS = path.resolve("tests/fixtures/attachments");

/** The open demo round of a programme, as the E2E server seeded it a moment ago. */
export function demoRound(code: ProgrammeCode) {
  const round = demoRoundCalls(new Date()).find((call) => call.programmeCode === code);
  if (!round) throw new Error(`Geen demoronde voor ${code}`);
  return round;
}

/** Receipt reference of the n-th dossier submitted in a demo round: OEF-2027-0001 (the year it closes in). */
export function demoReference(code: ProgrammeCode, sequence: number): string {
  return `${code}-${demoRound(code).year}-${String(sequence).padStart(4, "0")}`;
}

/** The step heading: "Stap 2 van 6: Huidig aanbod en taalbeleid" (plus the hidden form title). */
export function stepHeading(page: Page, index: number, total: number, title: string): Locator {
  return page.getByRole("heading", { level: 1, name: new RegExp(`Stap ${index} van ${total}: ${escape(title)}$`) });
}

/**
 * Waits for a step page and checks it is the expected one. The specs run axe once per step,
 * when it is filled in (rows added, files listed, errors shown): that state has the most to check.
 */
export async function expectStep(page: Page, index: number, total: number, title: string): Promise<void> {
  await expect(stepHeading(page, index, total, title)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Stappen van de aanvraag" }).locator("[aria-current=step]")).toContainText(title);
  await waitForHydration(page);
}

/** Clicks the primary button of a step and waits for the next step (or the summary). */
export async function saveAndContinue(page: Page, last = false): Promise<void> {
  const before = page.url();
  // The step's own button, not the hidden one that makes Enter in a field mean "continue".
  await page
    .locator(".wizard-actions")
    .getByRole("button", { name: last ? "Bewaren en naar het overzicht" : "Bewaren en verder" })
    .click();
  await page.waitForURL((url) => url.href !== before);
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A 64-character lowercase hex sha-256, as shown on the receipt. */
export const SHA256 = /^[0-9a-f]{64}$/;

/** One answer on the summary (or receipt): the row with exactly this label shows this value. */
export async function expectSummaryValue(page: Page, label: string, value: string) {
  await expect(definition(page, "dl.summary", label)).toHaveText(value);
}

/** The value of a computed line under a step (Oefenkansen totals), by its exact label. */
export function computedLine(page: Page, label: string): Locator {
  return definition(page, "dl.computed", label);
}

function definition(page: Page, list: string, label: string): Locator {
  return page
    .locator(`${list} > div`)
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${escape(label)}$`) }) })
    .locator("dd");
}

/** The receipt right after submitting: reference, amount, content hash; axe-clean. Returns the hash. */
export async function expectReceipt(page: Page, reference: string, amount: string | null): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: `Ontvangstbewijs ${reference}` })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Uw aanvraag is verstuurd.");
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText(reference);
  if (amount) await expect(facts).toContainText(amount);
  else await expect(facts).not.toContainText("Gevraagd bedrag");
  await expect(page.locator("code.hash")).toHaveText(SHA256);
  await expectAccessible(page);
  return (await page.locator("code.hash").textContent()) ?? "";
}

/** The receipt e-mail from the outbox, as the mail catcher got it: same reference and hash. */
export async function expectReceiptMail(to: string, reference: string, contentHash: string): Promise<void> {
  const mail = await waitForMail(to, new RegExp(`^Ontvangstbewijs voor uw aanvraag ${escape(reference)}$`));
  expect(mail.text).toContain(contentHash);
  expect(mail.text).toMatch(/\/dossiers\/\w+\/ontvangstbewijs/);
}
