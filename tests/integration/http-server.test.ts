import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_TIMEOUTS } from "../../server/timeouts.js";
import { createPrismaClient } from "~/db.server";
import { createOrganisation, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// What server.js does before (and around) the Remix app, against the real built server over
// real HTTP: the origin check, the old data protocol, connection time-outs, script clients.
const db = createPrismaClient();
let server: RunningServer;
let proxied: RunningServer;
let official: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  official = await createUser(db, { email: "an@leuven.example", memberOf: [leuven.id] });
  // The origin check is proven with the password form: a post it lets through logs in (302).
  [server, proxied] = await Promise.all([
    startServer({}, { login: "password" }),
    startServer({ PUBLIC_URL: "https://portaal.example" }, { login: "password" }),
  ]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), proxied?.stop()]);
  await db.$disconnect();
});

function login(target: RunningServer, headers: Record<string, string>): Promise<Response> {
  return fetch(new URL("/aanmelden", target.url), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", ...headers },
    body: new URLSearchParams({ email: official.email, password: official.password }),
  });
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(403);
  const html = await response.text();
  expect(html).toContain('<html lang="nl-BE">');
  expect(html).toContain("Dit verzoek komt niet van het subsidieportaal zelf en werd geweigerd.");
  expect(response.headers.get("set-cookie")).toBeNull();
}

describe("the origin check without PUBLIC_URL (the request's own origin)", () => {
  const own = () => new URL(server.url);

  it("accepts a post from the portal's own origin", async () => {
    expect((await login(server, { origin: own().origin })).status).toBe(302);
  });

  it("refuses the same host with another scheme", async () => {
    await expectRefused(await login(server, { origin: `https://${own().host}` }));
  });

  it("refuses the same host on another port", async () => {
    await expectRefused(await login(server, { origin: `http://${own().hostname}:${Number(own().port) + 1}` }));
  });

  it("refuses another host, and an origin that is not a URL", async () => {
    await expectRefused(await login(server, { origin: "http://aanvaller.example" }));
    await expectRefused(await login(server, { origin: "niet-een-adres" }));
  });

  it("refuses, instead of failing with a 500, a forwarded host that does not match the origin", async () => {
    await expectRefused(await login(server, { origin: own().origin, "x-forwarded-host": "aanvaller.example" }));
    expect(server.output()).not.toContain("does not match `origin` header");
  });

  it("accepts a post without Origin when the browser says Sec-Fetch-Site: same-origin, as before", async () => {
    expect((await login(server, { "sec-fetch-site": "same-origin" })).status).toBe(302);
    await expectRefused(await login(server, { "sec-fetch-site": "cross-site" }));
    await expectRefused(await login(server, {}));
  });
});

describe("the origin check with PUBLIC_URL", () => {
  it("accepts only PUBLIC_URL's scheme, host and port", async () => {
    const viaProxy = { "x-forwarded-host": "portaal.example" };
    expect((await login(proxied, { origin: "https://portaal.example", ...viaProxy })).status).toBe(302);
    expect((await login(proxied, { origin: "https://portaal.example:443", ...viaProxy })).status).toBe(302);
    await expectRefused(await login(proxied, { origin: "http://portaal.example", ...viaProxy }));
    await expectRefused(await login(proxied, { origin: "https://portaal.example:8443", "x-forwarded-host": "portaal.example:8443" }));
    // The server's own address is not the public one.
    await expectRefused(await login(proxied, { origin: new URL(proxied.url).origin }));
  });
});

describe("requests no page of the portal makes", () => {
  it("answers other methods than GET, HEAD and POST with 405, and a post to a page without form with 405, logging nothing", async () => {
    const origin = new URL(server.url).origin;
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await fetch(new URL("/aanmelden", server.url), { method, headers: { origin, accept: "text/html" } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
      expect(await response.text()).toContain("Deze handeling bestaat niet in het subsidieportaal.");
    }
    const post = await new HttpClient(server.url).post("/oproepen", { titel: "x" });
    expect(post.status).toBe(405);
    expect(await post.text()).toContain("<h1>Dit verzoek kon niet verwerkt worden</h1>");
    expect(server.output()).not.toMatch(/\[fout [0-9A-F]{8}\]/);
    expect(server.output()).not.toMatch(/^\s+at /m);
  });
});

describe("the old Remix data protocol", () => {
  it("answers ?_data= with 400 and logs nothing, for anyone", async () => {
    const anonymous = new HttpClient(server.url);
    for (const path of ["/aanmelden?_data=routes/aanmelden", "/oproepen?_data=root", "/?_data=routes%2F_index"]) {
      const read = await anonymous.get(path);
      expect(read.status, path).toBe(400);
      expect(await read.text()).toContain("Dit adres bestaat niet in deze vorm.");
      const write = await anonymous.post(path, { email: official.email, password: official.password });
      expect(write.status, path).toBe(400);
      expect(write.headers.get("set-cookie"), path).toBeNull();
    }
    const member = new HttpClient(server.url);
    await member.loginWithPassword(official.email, official.password);
    expect((await member.get("/mijn-dossiers?_data=routes/mijn-dossiers")).status).toBe(400);
    expect(server.output()).not.toContain("Single fetch-enabled apps should not be making ?_data requests");
    expect(server.output()).not.toMatch(/\[fout [0-9A-F]{8}\]/);
    expect(server.output()).not.toMatch(/^\s+at /m);
  });
});

describe("connections", () => {
  it("are kept open longer than a reverse proxy's idle timeout, and the server says so", async () => {
    expect(HTTP_TIMEOUTS.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(HTTP_TIMEOUTS.headersTimeout).toBeGreaterThan(HTTP_TIMEOUTS.keepAliveTimeout);
    expect(HTTP_TIMEOUTS.requestTimeout).toBeGreaterThan(HTTP_TIMEOUTS.headersTimeout);
    const response = await fetch(new URL("/healthz", server.url));
    await response.arrayBuffer();
    expect(response.headers.get("keep-alive")).toBe(`timeout=${HTTP_TIMEOUTS.keepAliveTimeout / 1000}`);
  });

  it("can be reused after being idle for longer than Node's default of 5 seconds", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; port: number }>((resolve, reject) => {
        const request = http.get(new URL("/healthz", server.url), { agent }, (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode!, port: request.socket!.localPort! }));
        });
        request.on("error", reject);
      });
    const first = await get();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const second = await get();
    agent.destroy();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.port).toBe(first.port); // the same connection, not a new one after a reset
  }, 15_000);
});

describe("script clients (curl, monitoring, bots)", () => {
  for (const userAgent of [
    "curl/8.5.0",
    "python-requests/2.32.3",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  ]) {
    it(`get the complete page and the outcome of a committed action: ${userAgent}`, async () => {
      const page = await fetch(new URL("/aanmelden", server.url), { headers: { "user-agent": userAgent } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("</html>");
      expect(html).toContain('name="email"');
      const reset = await fetch(new URL("/wachtwoord-vergeten", server.url), {
        method: "POST",
        headers: { "user-agent": userAgent, origin: new URL(server.url).origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "niemand@onbekend.example" }),
      });
      expect(reset.status).toBe(200);
      expect(await reset.text()).toContain("Controleer uw mailbox");
    });
  }
});
