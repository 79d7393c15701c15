import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { purgeExpiredRateLimits } from "~/security/rate-limit-store.server";
import { resetClock, setNow } from "~/utils/clock.server";
import { startServer, type RunningServer } from "../support/server";

// The rate limits count in the database (app/security/rate-limit-store.server.ts), so a restart
// or a second instance does not hand out a fresh budget: the counts written at shutdown are read
// again by the next process at its first request.
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  resetClock();
});

function attemptLogin(url: string): Promise<Response> {
  return fetch(new URL("/aanmelden", url), {
    method: "POST",
    redirect: "manual",
    headers: { origin: new URL(url).origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "niemand@gemeente.example", password: "fout-wachtwoord" }),
  });
}

describe("rate limits in the database", () => {
  it("keeps counting across a restart of the server", async () => {
    const env = { RATE_LIMIT_AUTH_PER_MINUTE: "3", RATE_LIMIT_SYNC_MS: "50", OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" };
    server = await startServer(env, { login: "password" });
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await attemptLogin(server.url)).status);
    expect(first.slice(0, 3)).not.toContain(429);
    expect(first[3]).toBe(429);
    const refused = await attemptLogin(server.url);
    expect(await refused.text()).toBe("Te veel pogingen na elkaar. Wacht een minuut en probeer opnieuw.");

    await server.stop();
    server = await startServer(env, { login: "password" });
    expect((await attemptLogin(server.url)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the counts are written every 50 ms here
    const counter = await prisma.rateLimitCounter.findFirstOrThrow({ where: { key: { startsWith: "auth:" } } });
    expect(counter.hits).toBe(6);
  }, 60_000);

  it("forgets counters whose window has ended", async () => {
    const counters = await prisma.rateLimitCounter.count();
    expect(counters).toBeGreaterThan(0);
    setNow(new Date(Date.now() + 2 * 60_000));
    expect(await purgeExpiredRateLimits()).toBe(counters);
    expect(await prisma.rateLimitCounter.count()).toBe(0);
  });
});
