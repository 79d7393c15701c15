import { loginThroughIdp } from "./idp";
import { identityOfUser } from "./idp-identity";
import { portalLoginFor } from "./server";

/**
 * A minimal browser for HTTP tests: keeps cookies, sends same-origin Origin headers on posts
 * (as a browser does), does not follow redirects so tests can assert on them.
 */
export class HttpClient {
  private cookies = new Map<string, string>();

  /**
   * `origin`: the address the browser shows when the portal runs behind a reverse proxy under
   * another name (PUBLIC_URL); the proxy then tells the portal that name in X-Forwarded-Host.
   */
  constructor(
    readonly baseUrl: string,
    private readonly origin = new URL(baseUrl).origin,
  ) {}

  private proxyHeaders(): Record<string, string> {
    const publicHost = new URL(this.origin).host;
    return publicHost === new URL(this.baseUrl).host ? {} : { "x-forwarded-host": publicHost };
  }

  /** The Cookie header this client sends, for requests made with another client (node:http). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Repeated fields (checkboxes) go in as URLSearchParams. */
  async post(path: string, fields: Record<string, string> | URLSearchParams, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: this.cookieHeader(),
        origin: this.origin,
        ...this.proxyHeaders(),
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: new URLSearchParams(fields),
    });
    this.remember(response);
    return response;
  }

  /** A multipart form post with files, as a browser sends a form with encType multipart/form-data. */
  async postForm(path: string, body: FormData): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), origin: this.origin, ...this.proxyHeaders() },
      body,
    });
    this.remember(response);
    return response;
  }

  /** A post with any body and content type (or none), as a script could send it; cookies and Origin as usual. */
  async postRaw(path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), origin: this.origin, ...this.proxyHeaders(), ...headers },
      body,
    });
    this.remember(response);
    return response;
  }

  /**
   * Logs this user in through the identity provider of the portal this client talks to, as a
   * browser would (started by `startServer`), with the memberships and staff roles the account
   * has in the database now. `redirectTo` goes to the portal's start of the login, as its login
   * page sends it. Answers the portal's redirect at the end of the way back.
   */
  async login(email: string, options: { redirectTo?: string } = {}): Promise<Response> {
    const portal = portalLoginFor(this.baseUrl);
    if (!portal) throw new Error(`${this.baseUrl} heeft geen identiteitsprovider: start met login "idp" of gebruik loginWithPassword`);
    const identity = await identityOfUser(portal.database(), email);
    await portal.idp.setIdentity(identity);
    const { response } = await loginThroughIdp(this, new HttpClient(portal.idp.issuer), identity.sub, options);
    if (response.status !== 302) {
      // The portal's log says why; its error page only gives a reference.
      const log = portal.output().slice(-4000);
      throw new Error(`Aanmelden als ${email} via de identiteitsprovider mislukte (${response.status}).\nLog van het portaal:\n${log}`);
    }
    return response;
  }

  /** The password form, for the tests about passwords (a passwords-only portal, or the fallback of 0047). */
  async loginWithPassword(email: string, password: string): Promise<void> {
    const response = await this.post("/aanmelden", { email, password });
    if (response.status !== 302) {
      throw new Error(`Aanmelden als ${email} mislukte (${response.status}): ${await response.text()}`);
    }
  }
}
