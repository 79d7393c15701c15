/**
 * Loopback ports for the end-to-end run (portal and its mail catcher). Fixed by default;
 * E2E_PORT, E2E_MAIL_SMTP_PORT and E2E_MAIL_HTTP_PORT move them, so two checkouts on one
 * machine can run their end-to-end tests at the same time.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 2526);
export const E2E_MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 1181);
export const E2E_MAIL_URL = `http://127.0.0.1:${E2E_MAIL_HTTP_PORT}`;
