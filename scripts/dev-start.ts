// `npm start` ends here: starts the local mail catcher (SMTP + web inbox on 127.0.0.1), the
// development identity provider (OpenID Connect, 127.0.0.1:IDP_PORT) and the built portal, and
// prints where everything is, with the demo accounts (demo data only).
import { spawn } from "node:child_process";
import { startDevIdp } from "~/auth/dev-idp/dev-idp.server";
import { demoSealEnvironment } from "~/documents/demo-seal.server";
import { startMailCatcher } from "~/mail/catcher.server";
import { DEMO_USERS } from "../seeds/demo-users";

const port = Number(process.env.PORT ?? 3000);
const portalUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;

// With SMTP_URL set, mail goes to that server and no catcher is started.
const catcher = process.env.SMTP_URL
  ? null
  : await startMailCatcher({
      smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 1025),
      httpPort: Number(process.env.MAIL_HTTP_PORT ?? 1080),
    });
const smtpUrl = process.env.SMTP_URL ?? `smtp://127.0.0.1:${catcher!.smtpPort}`;

// With OIDC_ISSUER set, the portal logs in through that provider; with IDP_PORT=off, with
// passwords only; otherwise through the development identity provider (docs/decisions/0047).
const DEV_CLIENT = { clientId: "subsidieportaal-dev", clientSecret: "dev-geheim-niet-voor-productie" };
const idp =
  process.env.OIDC_ISSUER || process.env.IDP_PORT === "off"
    ? null
    : await startDevIdp({ port: Number(process.env.IDP_PORT ?? 1090), portalUrl, ...DEV_CLIENT });
const oidcEnvironment = idp
  ? { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: DEV_CLIENT.clientId, OIDC_CLIENT_SECRET: DEV_CLIENT.clientSecret }
  : {};

const server = spawn(process.execPath, ["server.js"], {
  // Letters are sealed with the demo certificate from `npm run setup` unless LETTER_SEAL_P12 is set.
  env: { ...process.env, ...demoSealEnvironment(), ...oidcEnvironment, PORT: String(port), PUBLIC_URL: portalUrl, SMTP_URL: smtpUrl },
  stdio: "inherit",
});

const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
console.log(`
  Subsidieportaal AgII (ontwikkeling)
  Portaal:        ${portalUrl}
  Postvak (mail): ${catcher ? `http://127.0.0.1:${catcher.httpPort}` : `extern, via ${smtpUrl}`}
  Aanmelden:      ${idp ? `demo-identiteitsprovider op ${idp.issuer} (kies wie u bent)` : process.env.OIDC_ISSUER ? `via ${process.env.OIDC_ISSUER}` : "met wachtwoord"}

  Demo-accounts (alleen demodata, nooit in productie):
${DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.password.padEnd(22)}  ${u.description}`).join("\n")}
`);

async function stop(): Promise<void> {
  server.kill("SIGTERM");
  await exit(0);
}
/** Closes the mail catcher (if this script started it), then exits. */
async function exit(code: number): Promise<void> {
  await catcher?.close();
  await idp?.close();
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
server.on("exit", (code) => void exit(code ?? 0));
