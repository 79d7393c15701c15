import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { DemoUser } from "../../../seeds/demo-users";
import { E2E_MAIL_URL } from "./ports";

/** Waits until React has hydrated (root.tsx sets data-hydrated), so typing does not race it. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated='true']").waitFor();
}

/**
 * Fails the test on any axe violation of WCAG 2.1 A/AA on the current page. Legacy mode runs
 * the same rules in the page itself instead of opening a blank page per check to merge the
 * results of cross-origin frames (the portal has none): about half the time per check.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe op ${page.url()}`).toEqual([]);
}

export async function login(page: Page, user: Pick<DemoUser, "email" | "password">): Promise<void> {
  await page.goto("/aanmelden");
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByLabel("Wachtwoord").fill(user.password);
  await page.getByRole("button", { name: "Aanmelden" }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/aanmelden"));
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Afmelden" }).click();
  await page.waitForURL("/");
}

type CaughtMessage = { id: string; to: string[]; subject: string; text: string };

/** Polls the dev mail catcher's API until a message for `to` matching `subject` arrives. */
export async function waitForMail(to: string, subject: RegExp): Promise<CaughtMessage> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${E2E_MAIL_URL}/api/messages`);
    const messages = (await response.json()) as CaughtMessage[];
    const found = messages.find((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Geen e-mail voor ${to} met onderwerp ${subject}`);
}
