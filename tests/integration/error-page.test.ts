import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sessionStorage } from "~/auth/session.server";
import { createEmptyDatabase } from "../support/databases";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Real HTTP against the built server, pointed at an empty (never migrated) database: every
// query fails with "no such table", which is exactly the kind of unexpected error a visitor must
// never see the details of.
let server: RunningServer;

beforeAll(async () => {
  const emptyDatabase = await createEmptyDatabase(inject("databases"));
  // Nobody logs in here (the session cookie is made by hand), so no identity provider.
  server = await startServer({ DATABASE_URL: emptyDatabase, OUTBOX_WORKER: "off" }, { login: "password" });
});

afterAll(async () => {
  await server?.stop();
});

describe("unexpected server errors", () => {
  it("shows a Dutch error page with the request id as reference, and no technical detail", async () => {
    const response = await new HttpClient(server.url).get("/oproepen");
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9A-F]{8}$/);

    const html = await response.text();
    expect(html).toContain("<h1>Er ging iets mis</h1>");
    expect(html).toContain("Er liep iets onverwachts fout aan onze kant.");
    expect(html).toContain(`<strong class="reference">${requestId}</strong>`);
    // Neither the page nor the data serialised into it for hydration carries the cause.
    for (const leak of [
      "no such table",
      "does not exist",
      "TableDoesNotExist",
      "P2021",
      "Prisma",
      "prisma",
      "SQLite",
      "PostgreSQL",
      "main.Call",
      "public.Call",
      "node_modules",
      "build/index.js",
    ]) {
      expect(html, leak).not.toContain(leak);
    }
    expect(html).not.toMatch(/\bat \S+ \(|\bat (file|node):|\.js:\d+:\d+/); // stack frames
    const visible = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    expect(visible).not.toContain("at ");
    expect(visible).not.toContain("Error");
  });

  it("logs the error next to the same request id", async () => {
    const response = await new HttpClient(server.url).get("/oproepen");
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id")!;
    await response.text();
    const logged = await waitFor(() =>
      server
        .output()
        .split("\n")
        .find((line) => line.includes(`[fout ${requestId}]`)),
    );
    expect(logged).toContain(`[fout ${requestId}] GET /oproepen`);
    // The details the page leaves out are in the log, right after the reference.
    const entry = server.output().slice(server.output().indexOf(`[fout ${requestId}]`));
    expect(entry).toMatch(/^\[fout [0-9A-F]{8}\] GET \/oproepen PrismaClientKnownRequestError/);
    expect(entry).toMatch(/The table `(main|public)\.Call` does not exist in the current database\./);
  });

  it("gives each failing request its own reference", async () => {
    const client = new HttpClient(server.url);
    const first = await client.get("/oproepen");
    const second = await client.get("/oproepen");
    const [a, b] = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    expect(a).not.toBe(b);
    expect(await second.text()).toContain(`<strong class="reference">${b}</strong>`);
    expect(await first.text()).toContain(`<strong class="reference">${a}</strong>`);
  });
});

describe("unexpected server errors for a logged-in visitor", () => {
  // With a session cookie the root loader itself looks the user up, and fails first: the page
  // must still carry the reference, although there is no root data to take it from.
  async function sessionCookie(): Promise<string> {
    const session = await sessionStorage.getSession();
    session.set("sessionId", "sessie-in-een-onbereikbare-databank");
    return (await sessionStorage.commitSession(session)).split(";")[0]!;
  }

  for (const path of ["/oproepen", "/mijn-dossiers", "/"]) {
    it(`shows the reference on ${path} and logs the error next to it`, async () => {
      const response = await new HttpClient(server.url).get(path, { cookie: await sessionCookie() });
      expect(response.status).toBe(500);
      const requestId = response.headers.get("x-request-id")!;
      expect(requestId).toMatch(/^[0-9A-F]{8}$/);
      const html = await response.text();
      expect(html).toContain("<h1>Er ging iets mis</h1>");
      expect(html).toContain(`<strong class="reference">${requestId}</strong>`);
      for (const leak of ["does not exist", "TableDoesNotExist", "P2021", "Prisma", "main.Session"]) {
        expect(html, leak).not.toContain(leak);
      }
      const line = await waitFor(() =>
        server
          .output()
          .split("\n")
          .find((l) => l.includes(`[fout ${requestId}]`)),
      );
      expect(line).toContain(`[fout ${requestId}] GET ${path}`);
    });
  }
});

async function waitFor<T>(read: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Niet gevonden in de serveruitvoer:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
