// The development identity provider as a process of its own: the tests start it this way
// (tests/support/idp.ts). `npm start` starts it inside scripts/dev-start.ts.
import { startDevIdp } from "./dev-idp.server";

const required = (name: string) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} ontbreekt.`);
    process.exit(2);
  }
  return value;
};

if (process.env.NODE_ENV === "production") {
  console.error("De demo-identiteitsprovider draait nooit in productie.");
  process.exit(2);
}
const idp = await startDevIdp({
  port: Number(process.env.IDP_PORT ?? 1090),
  portalUrl: required("IDP_PORTAL_URL"),
  clientId: required("OIDC_CLIENT_ID"),
  clientSecret: required("OIDC_CLIENT_SECRET"),
  testControl: process.env.IDP_TEST_CONTROL === "1",
});
console.log(`Identiteitsprovider luistert op ${idp.issuer}`);

const stop = () => void idp.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
