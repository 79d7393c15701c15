import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user walks a page; fails
 * when it is not reached within `max` presses (not in the tab order, or hidden).
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  const key = options.backwards ? "Shift+Tab" : "Tab";
  const max = options.max ?? 60;
  await target.waitFor();
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    if (presses < max) await page.keyboard.press(key);
  }
  await expect(target, `niet bereikt met ${max} × ${key}`).toBeFocused({ timeout: 1 });
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}
