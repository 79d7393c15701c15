import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_IDP_PORT, E2E_MAIL_HTTP_PORT, E2E_MAIL_SMTP_PORT, E2E_OIDC, E2E_PORT } from "./tests/e2e/support/ports";

// Debian's Chromium (Playwright cannot download browsers here); the flags keep it off the
// closed network (see ../shared/toolchain.md).
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The long journeys check every page with axe and for sideways scrolling at two widths: on a
  // busy 2-core machine the keyboard-only Regierol journey took just over 60 s.
  timeout: 120_000,
  reporter: [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: "npx tsx tests/e2e/support/e2e-server.ts",
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      E2E_PORT: String(E2E_PORT),
      E2E_MAIL_SMTP_PORT: String(E2E_MAIL_SMTP_PORT),
      E2E_MAIL_HTTP_PORT: String(E2E_MAIL_HTTP_PORT),
      E2E_IDP_PORT: String(E2E_IDP_PORT),
      E2E_OIDC: E2E_OIDC ? "on" : "off",
    },
  },
});
