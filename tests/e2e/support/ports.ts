/** Fixed loopback ports for the end-to-end run (portal and its mail catcher). */
export const E2E_PORT = 3211;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_MAIL_SMTP_PORT = 2526;
export const E2E_MAIL_HTTP_PORT = 1181;
export const E2E_MAIL_URL = `http://127.0.0.1:${E2E_MAIL_HTTP_PORT}`;
