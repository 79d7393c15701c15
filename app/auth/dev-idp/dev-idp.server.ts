/**
 * The development identity provider: a real OpenID provider (oidc-provider, a certified
 * implementation) on 127.0.0.1 that stands in for ACM/IDM in `npm start` and the tests, with
 * a Dutch demo login page where you pick who you are. Never for production: it knows only the
 * demo identities and signs with a key made at start.
 *
 * With `testControl`, tests can add or change identities and make the next ID token faulty
 * (wrong issuer or audience, expired, tampered, unsigned) under /__test/ (see
 * tests/support/idp.ts): the portal must refuse what a broken or hostile IdP sends.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { BACKCHANNEL_LOGOUT_PATH, CALLBACK_PATH, DEFAULT_CLAIMS } from "~/auth/oidc-config";
import { demoIdentities, type DevIdentity } from "./identities";
import { errorPage, loginPage, logoutPage, loggedOutPage } from "./pages";

export type DevIdpOptions = {
  port: number;
  portalUrl: string;
  clientId: string;
  clientSecret: string;
  testControl?: boolean;
  identities?: DevIdentity[];
};

export type DevIdp = { issuer: string; port: number; close: () => Promise<void> };

export const FAULTS = ["issuer", "audience", "expired", "tampered", "alg-none"] as const;
export type Fault = (typeof FAULTS)[number];

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const host = "127.0.0.1";
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;
  const identities = new Map((options.identities ?? demoIdentities()).map((identity) => [identity.sub, identity]));
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString("hex"), alg: "RS256", use: "sig" };
  let nextFault: Fault | null = null;

  const portal = new URL(options.portalUrl);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: "Subsidieportaal AgII",
        redirect_uris: [new URL(CALLBACK_PATH, portal).toString()],
        post_logout_redirect_uris: [new URL("/", portal).toString()],
        backchannel_logout_uri: new URL(BACKCHANNEL_LOGOUT_PATH, portal).toString(),
        backchannel_logout_session_required: true,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: {
      openid: ["sub", "sid"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name", "name"],
      agii_subsidies: [DEFAULT_CLAIMS.roles],
    },
    // The claims in the ID token itself, as ACM/IDM hands them to a relying party.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Seconds; a working day for the IdP's own session, like the portal's (0004).
    ttl: { Interaction: 600, Session: 12 * 3600, Grant: 12 * 3600, AccessToken: 600, IdToken: 600 },
    // oidc-provider refuses to call loopback addresses (SSRF protection); the portal's
    // back-channel logout is on 127.0.0.1 here, so that one origin, and only it, is allowed.
    fetch: (url, init) => {
      if (new URL(url instanceof Request ? url.url : url).origin !== portal.origin)
        return Promise.reject(new Error(`alleen ${portal.origin}`));
      const { dispatcher: _ssrfGuard, ...rest } = init as RequestInit & { dispatcher?: unknown };
      return fetch(url, rest);
    },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = "html";
          ctx.body = loggedOutPage(options.portalUrl);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: the user is not asked to consent to what the portal reads.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const grant = await ctx.oidc.provider.Grant.find(grantId);
        if (grant) return grant;
      }
      if (!ctx.oidc.session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile agii_subsidies");
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, sub) => {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: identity.email,
          email_verified: true,
          given_name: identity.givenName,
          family_name: identity.familyName,
          name: `${identity.givenName} ${identity.familyName}`,
          [DEFAULT_CLAIMS.roles]: identity.roles,
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(String(out["error_description"] ?? out["error"] ?? "onbekende fout"));
    },
  });

  if (options.testControl) {
    // Rewrites the ID token of the next token response, re-signed with the IdP's own key
    // (except "tampered", whose signature no longer matches, and "alg-none", unsigned).
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path !== "/token" || ctx.status !== 200 || !nextFault || !body?.id_token) return;
      const fault = nextFault;
      nextFault = null;
      body.id_token = await faultyToken(body.id_token, fault, privateKey, signingJwk.kid!);
    });
  }
  provider.on("backchannel.error", (_ctx, error, client) =>
    console.error(`[idp] back-channel logout naar ${client.clientId} mislukt: ${error.message}`),
  );

  const callback = provider.callback();
  handler = (req, res) => {
    void route(req, res).catch((error: unknown) => {
      console.error("[idp]", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/html; charset=utf-8" }).end(errorPage("Er ging iets mis."));
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", issuer);
    const interaction = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(url.pathname);
    if (interaction && req.method === "GET" && !interaction[2]) return showInteraction(req, res);
    if (interaction && req.method === "POST" && interaction[2] === "/login") return login(req, res);
    if (interaction && req.method === "POST" && interaction[2] === "/abort") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "Aanmelden afgebroken" },
        { mergeWithLastSubmission: false },
      );
    }
    if (options.testControl && url.pathname.startsWith("/__test/") && req.method === "POST") return testControl(url.pathname, req, res);
    await callback(req, res);
  }

  async function showInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== "login") {
      // Consent is never asked (loadExistingGrant); any other prompt: finish with what we have.
      return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    }
    html(res, 200, loginPage(details.uid, [...identities.values()]), portal.origin);
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const form = new URLSearchParams(await readBody(req));
    const sub = form.get("identiteit") ?? "";
    if (!identities.has(sub)) return html(res, 400, loginPage(details.uid, [...identities.values()], "Kies wie u bent."), portal.origin);
    await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  }

  async function testControl(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>;
    if (path === "/__test/identity") {
      const identity = body as unknown as DevIdentity;
      identities.set(identity.sub, identity);
    } else if (path === "/__test/fault" && FAULTS.includes(body["fault"] as Fault)) {
      nextFault = body["fault"] as Fault;
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(204).end();
  }

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function faultyToken(idToken: string, fault: Fault, key: CryptoKey, kid: string): Promise<string> {
  const [header = "", payload = "", signature = ""] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const seconds = Math.floor(Date.now() / 1000);
  switch (fault) {
    case "tampered":
      return `${header}.${encode({ ...claims, email: "iemand.anders@agii.example" })}.${signature}`;
    case "alg-none":
      return `${encode({ alg: "none", typ: "JWT" })}.${payload}.`;
    case "issuer":
      claims["iss"] = "http://127.0.0.1:1/een-andere-idp";
      break;
    case "audience":
      claims["aud"] = "een-ander-portaal";
      break;
    case "expired":
      claims["iat"] = seconds - 7200;
      claims["exp"] = seconds - 3600;
      break;
  }
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid }).sign(key);
}

function html(res: ServerResponse, status: number, body: string, portalOrigin: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // The login form's redirects end at the portal: form-action covers the whole chain.
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${portalOrigin}; frame-ancestors 'none'`,
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 100_000) reject(new Error("te groot"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}
