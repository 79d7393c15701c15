/**
 * Loopback ports for the end-to-end run (portal, its mail catcher and its identity provider). Fixed by default;
 * E2E_PORT, E2E_MAIL_SMTP_PORT, E2E_MAIL_HTTP_PORT and E2E_IDP_PORT move them, so two checkouts on one
 * machine can run their end-to-end tests at the same time.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 2526);
export const E2E_MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 1181);
export const E2E_MAIL_URL = `http://127.0.0.1:${E2E_MAIL_HTTP_PORT}`;
/** The development identity provider of the end-to-end run (E2E_OIDC=off: none, passwords only). */
export const E2E_IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 2528);
export const E2E_IDP_URL = `http://127.0.0.1:${E2E_IDP_PORT}`;
export const E2E_OIDC = process.env.E2E_OIDC !== "off";
