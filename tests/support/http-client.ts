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

  async login(email: string, password: string): Promise<void> {
    const response = await this.post("/aanmelden", { email, password });
    if (response.status !== 302) {
      throw new Error(`Aanmelden als ${email} mislukte (${response.status}): ${await response.text()}`);
    }
  }
}
