import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { DevIdentity } from "~/auth/dev-idp/identities";
import type { Fault } from "~/auth/dev-idp/dev-idp.server";
import type { HttpClient } from "./http-client";

export const TEST_CLIENT_ID = "subsidieportaal-test";
export const TEST_CLIENT_SECRET = "test-geheim-niet-voor-productie";

export type RunningIdp = {
  issuer: string;
  /** The portal's OIDC_* variables for this provider */
  portalEnv: Record<string, string>;
  setIdentity: (identity: DevIdentity) => Promise<void>;
  /** The next ID token the provider issues is broken this way */
  injectFault: (fault: Fault) => Promise<void>;
  output: () => string;
  stop: () => Promise<void>;
};

/** A free loopback port: the provider must know the portal's address before the portal starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts the development identity provider (app/auth/dev-idp/cli.ts: oidc-provider) as a real
 * process on 127.0.0.1, with its test controls on, for a portal at `portalUrl`.
 */
export async function startIdp(portalUrl: string): Promise<RunningIdp> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/auth/dev-idp/cli.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      IDP_PORT: "0",
      IDP_PORTAL_URL: portalUrl,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      IDP_TEST_CONTROL: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Identiteitsprovider startte niet:\n${output}`)), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /luistert op (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Identiteitsprovider stopte met code ${code}:\n${output}`));
    });
  });
  const control = async (path: string, body: unknown) => {
    const response = await fetch(new URL(path, issuer), { method: "POST", body: JSON.stringify(body) });
    if (response.status !== 204) throw new Error(`${path}: ${response.status}`);
  };
  return {
    issuer,
    portalEnv: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: TEST_CLIENT_ID, OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET, PUBLIC_URL: portalUrl },
    setIdentity: (identity) => control("/__test/identity", identity),
    injectFault: (fault) => control("/__test/fault", { fault }),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export type IdpLogin = {
  /** The portal's answer to the way back from the provider */
  response: Response;
  /** The address the provider sent the browser back to (code, state, iss) */
  callbackUrl: string;
};

/**
 * A browser's login through the provider: the portal's "Aanmelden met uw overheidsaccount",
 * the provider's demo page (pick `sub`), and the way back to the portal. `portal` and `idp` are
 * the browser's cookie jars for each site. `editAuthorizationUrl` lets a test tamper with the
 * request the portal sends to the provider.
 */
export async function loginThroughIdp(
  portal: HttpClient,
  idp: HttpClient,
  sub: string,
  options: { redirectTo?: string; editAuthorizationUrl?: (url: URL) => void; beforeCallback?: (portalCookies: string) => void } = {},
): Promise<IdpLogin> {
  const start = await portal.get(
    options.redirectTo ? `/aanmelden/overheid?${new URLSearchParams({ redirectTo: options.redirectTo })}` : "/aanmelden/overheid",
  );
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  const authorizationUrl = new URL(start.headers.get("location")!);
  options.editAuthorizationUrl?.(authorizationUrl);
  let response = await idp.get(authorizationUrl.toString());
  let location = response.headers.get("location");
  if (location?.includes("/interaction/")) {
    const page = await idp.get(location);
    const uid = /\/interaction\/([\w-]+)\/login/.exec(await page.text())?.[1];
    if (!uid) throw new Error("geen aanmeldpagina bij de identiteitsprovider");
    response = await idp.post(`/interaction/${uid}/login`, { identiteit: sub });
    location = response.headers.get("location");
    while (location && new URL(location, idp.baseUrl).origin === new URL(idp.baseUrl).origin) {
      response = await idp.get(location);
      location = response.headers.get("location");
    }
  }
  if (!location) throw new Error(`de identiteitsprovider stuurde niet terug: ${response.status} ${await response.text()}`);
  const callback = new URL(location);
  options.beforeCallback?.(portal.cookieHeader());
  return { response: await portal.get(`${callback.pathname}${callback.search}`), callbackUrl: callback.toString() };
}
