import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { DemoUser } from "../../../seeds/demo-users";
import { E2E_IDP_URL, E2E_MAIL_URL, E2E_OIDC } from "./ports";

/** Waits until React has hydrated (root.tsx sets data-hydrated), so typing does not race it. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated='true']").waitFor();
}

/** A phone's width (WCAG 1.4.10 reflow is judged at 320 CSS px; 390 is a common phone) and a laptop's. */
export const CHECKED_WIDTHS = [390, 1366] as const;

/**
 * At each of CHECKED_WIDTHS: fails when the page scrolls sideways (axe does not check reflow)
 * or has any axe violation of WCAG 2.1 A/AA, then puts the viewport back. Legacy mode runs the
 * rules in the page itself instead of opening a blank page per check to merge the results of
 * cross-origin frames (the portal has none): about half the time per check.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const width of CHECKED_WIDTHS) {
      await page.setViewportSize({ width, height: original?.height ?? 720 });
      await expectNoSidewaysScroll(page, width);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(summary, `axe op ${page.url()} bij ${width} px`).toEqual([]);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

/** The document is no wider than the window; the message names the elements that stick out. */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const { scrollWidth, innerWidth, outside } = await page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    const outside: string[] = [];
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    if (scrollWidth > window.innerWidth) {
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        // Either the element sticks out, or its own text does (a long word in a narrow box).
        const right = box.left + Math.max(box.width, element.scrollWidth);
        if (box.width === 0 || right <= window.innerWidth + 0.5 || clipped(element)) continue;
        const classes = typeof element.className === "string" && element.className ? `.${element.className.split(" ").join(".")}` : "";
        outside.push(`${element.tagName.toLowerCase()}${classes} (${Math.round(right)} px)`);
        if (outside.length === 5) break;
      }
    }
    return { scrollWidth, innerWidth: window.innerWidth, outside };
  });
  expect(scrollWidth, `${page.url()} scrollt zijwaarts bij ${width} px: ${outside.join(", ")}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Logs in as a demo user: through the development identity provider when the E2E server uses
 * one (the default, docs/decisions/0047), with the password otherwise or when asked
 * (`{ with: "password" }`, for a member of an organisation that keeps passwords).
 */
export async function login(
  page: Page,
  user: Pick<DemoUser, "email" | "password">,
  options: { with?: "idp" | "password" } = {},
): Promise<void> {
  if ((options.with ?? (E2E_OIDC ? "idp" : "password")) === "idp") return loginThroughIdp(page, user.email);
  await page.goto("/aanmelden");
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByLabel("Wachtwoord").fill(user.password);
  await page.getByRole("button", { name: "Aanmelden" }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/aanmelden"));
}

/** "Aanmelden met uw overheidsaccount", then pick who you are on the identity provider's Dutch demo page. */
export async function loginThroughIdp(page: Page, email: string): Promise<void> {
  await page.goto("/aanmelden");
  await waitForHydration(page);
  await page.getByRole("link", { name: "Aanmelden met uw overheidsaccount" }).click();
  await page.waitForURL((url) => url.origin === E2E_IDP_URL);
  await page.getByRole("radio", { name: new RegExp(`\\(${email.replaceAll(".", "\\.")}\\)`) }).check();
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await page.waitForURL((url) => url.origin !== E2E_IDP_URL && !url.pathname.startsWith("/aanmelden"));
}

/** Logs out of the portal and, for a session from the identity provider, of the provider too. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Afmelden" }).click();
  await page.waitForURL((url) => url.origin === E2E_IDP_URL || url.pathname === "/");
  if (new URL(page.url()).origin === E2E_IDP_URL) {
    await page.getByRole("button", { name: "Ja, afmelden" }).click();
  }
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
