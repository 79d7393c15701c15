import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESET_EMAILS_PER_ADDRESS_PER_HOUR } from "~/auth/accounts.server";
import { RESET_REQUEST_MESSAGES } from "~/auth/reset-request.server";
import { createPrismaClient } from "~/db.server";
import { startMailCatcher, type MailCatcher } from "~/mail/catcher.server";
import { createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// "Wachtwoord vergeten" through real HTTP against the built server, whose own outbox worker
// sends through real SMTP into a catcher on 127.0.0.1. Behind one proxy hop, so each test
// can speak for its own client IP with X-Forwarded-For.
const db = createPrismaClient();
let server: RunningServer;
let catcher: MailCatcher;
let known: Awaited<ReturnType<typeof createUser>>;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  catcher = await startMailCatcher();
  known = await createUser(db, { email: "an.peeters@leuven.example" });
  server = await startServer(
    {
      SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
      TRUST_PROXY_HOPS: "1",
      RESET_LIMIT_PER_IP_PER_HOUR: "20",
    },
    { login: "password" }, // "Wachtwoord vergeten" for an account that may use a password: no IdP
  );
});

afterAll(async () => {
  await server?.stop();
  await catcher?.close();
  await db.$disconnect();
});

async function ask(email: string, ip: string) {
  const started = performance.now();
  const response = await new HttpClient(server.url).post("/wachtwoord-vergeten", { email }, { "x-forwarded-for": ip });
  const html = await response.text();
  // What the visitor reads, with the address itself made neutral.
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>")).replaceAll(email, "<adres>");
  return { status: response.status, main, ms: performance.now() - started };
}

async function outboxSettled(address: string) {
  await expect
    .poll(() => db.emailOutbox.count({ where: { toAddress: address, status: { in: ["PENDING", "SENDING"] } } }), { timeout: 10_000 })
    .toBe(0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("password reset requests", () => {
  it("send at most three links an hour to one address, and answer known and unknown addresses alike", async () => {
    const unknown = "niemand@onbekend.example";
    const answers: Record<"known" | "unknown", Array<Awaited<ReturnType<typeof ask>>>> = { known: [], unknown: [] };
    for (let i = 0; i < 6; i++) {
      answers.known.push(await ask(known.email, freshIp()));
      answers.unknown.push(await ask(unknown, freshIp()));
    }
    for (const answer of [...answers.known, ...answers.unknown]) {
      expect(answer.status).toBe(200);
      expect(answer.main).toBe(answers.known[0]!.main);
    }
    expect(answers.known[0]!.main).toContain(
      "Als er een account bestaat voor <!-- --><adres><!-- -->, ontvangt u binnen enkele minuten een e-mail",
    );

    const messages = await catcher.waitForMessages((m) => m.to.includes(known.email), { count: RESET_EMAILS_PER_ADDRESS_PER_HOUR });
    await outboxSettled(known.email);
    expect(catcher.messages().filter((m) => m.to.includes(known.email))).toHaveLength(3);
    expect(messages.every((m) => m.subject === "Uw wachtwoord herstellen")).toBe(true);
    expect(await db.verification.count({ where: { email: known.email, type: "PASSWORD_RESET" } })).toBe(3);
    expect(await db.verification.count({ where: { email: unknown } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { toAddress: unknown } })).toBe(0);

    // Every answer takes the same minimum time, whether rows were written or not.
    const all = [...answers.known, ...answers.unknown].map((a) => a.ms);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(240);
    expect(Math.abs(median(answers.known.map((a) => a.ms)) - median(answers.unknown.map((a) => a.ms)))).toBeLessThan(100);
  });

  it("allow twenty requests an hour from one IP address, then refuse known and unknown addresses alike", async () => {
    const ip = freshIp();
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(`iemand-${i}@onbekend.example`, ip)));
    expect(first.map((a) => a.status)).toEqual(Array(20).fill(200));

    const refusedKnown = await ask(known.email, ip);
    const refusedUnknown = await ask("nog-iemand@onbekend.example", ip);
    for (const refused of [refusedKnown, refusedUnknown]) {
      expect(refused.status).toBe(429);
      expect(refused.main).toContain(RESET_REQUEST_MESSAGES.tooMany);
      expect(refused.main).toContain('class="error-summary"');
    }
    expect(refusedKnown.main).toBe(refusedUnknown.main.replaceAll("nog-iemand@onbekend.example", "<adres>"));
    // Another client is not affected.
    expect((await ask("weer-iemand@onbekend.example", freshIp())).status).toBe(200);
  });
});
