import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../seeds/demo-users";
import { expectAccessible, login, waitForHydration } from "./support/helpers";

// The administrators' long posts say they are working, as the applicants' do (SubmitButton):
// refreshing the municipalities reads and compares 285 rows. The post is held in the network
// for as long as the test needs; the refresh changes nothing in a seeded database.
const admin = DEMO_USERS.find((u) => u.email === "nadia.bouzid@agii.example")!;

test("refreshing the municipalities says so on the button, marks the form busy and keeps the focus", async ({ page }) => {
  await login(page, admin);
  await page.goto("/beheer/gemeenten");
  await waitForHydration(page);
  const button = page.getByRole("button", { name: "Gemeenten bijwerken" });
  // By place, not by the button: its name changes while the post runs.
  const form = page.locator("main form");
  await expect(form).not.toHaveAttribute("aria-busy", /.*/);

  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/beheer/gemeenten*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await held;
    await route.continue();
  });

  await button.focus();
  await page.keyboard.press("Enter");
  const busy = page.getByRole("button", { name: "Bezig met bijwerken…" });
  await expect(busy).toBeVisible();
  await expect(busy).toBeFocused();
  await expect(busy).toHaveAttribute("aria-disabled", "true");
  await expect(form).toHaveAttribute("aria-busy", "true");
  await expectAccessible(page);

  release();
  await expect(page.getByRole("heading", { level: 2, name: "Resultaat" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gemeenten bijwerken" })).toBeVisible();
  await expect(form).not.toHaveAttribute("aria-busy", /.*/);
  await page.unroute("**/beheer/gemeenten*");
});
