import { expect, test } from "@playwright/test";
import { LEGAL_PAGES } from "../../app/components/site-footer";
import { waitForHydration } from "./support/helpers";
import { tabTo } from "./support/keyboard";

// The legal pages are reached from every page's footer with the keyboard alone.
test("the footer's legal pages open with the keyboard", async ({ page }) => {
  for (const legal of LEGAL_PAGES) {
    await page.goto("/oproepen");
    await waitForHydration(page);
    const footerMenu = page.getByRole("contentinfo").getByRole("navigation", { name: "Over dit portaal" });
    const link = footerMenu.getByRole("link", { name: legal.label, exact: true });
    await tabTo(page, link, { max: 80 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(legal.to);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(legal.label);
    // After the navigation the keyboard starts at the content (root.tsx), not at the top of the page.
    await expect(page.locator("main")).toBeFocused();
  }
});
