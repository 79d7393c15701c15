// `npm run bench:mail`: how fast the outbox worker drains 1,000 queued e-mails into a local SMTP
// server (the development catcher on 127.0.0.1), against a baseline measured in the same run:
// nodemailer sending the same 1,000 messages directly over one pooled connection, no outbox.
// Prints figures only; nothing here asserts on timing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000);
const WARM_UP = 50;

// A fresh SQLite file, migrated, before any application module opens the database.
const dir = mkdtempSync(path.join(tmpdir(), "outbox-bench-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.PUBLIC_URL ??= "https://portaal.example";
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });

const { createTransport } = await import("nodemailer");
const { configureDatabase, prisma } = await import("~/db.server");
const { startMailCatcher } = await import("~/mail/catcher.server");
const { mailFrom, messageIdFor } = await import("~/mail/mailer.server");
const { enqueueEmail } = await import("~/mail/outbox.server");
const { drainOutbox } = await import("~/mail/outbox-worker.server");
const { submissionReceiptEmail } = await import("../emails/submission-receipt");
const { AGENCY } = await import("~/documents/agency");

await configureDatabase();
const catcher = await startMailCatcher({ maxMessages: 10 * COUNT });
process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;

/** A realistic message: the submission receipt, rendered once per recipient. */
function message(run: string, index: number) {
  const content = submissionReceiptEmail({
    firstName: "An",
    dossier: {
      reference: `OEF-2026-${String(index).padStart(4, "0")}`,
      organisationName: "Stad Antwerpen",
      callTitle: "Oefenkansen Nederlands 2026",
      dossierUrl: `https://portaal.example/dossiers/${run}-${index}`,
      contact: AGENCY.contact,
    },
    submittedAt: new Date("2026-01-15T21:59:58Z"),
    submittedByName: "An Peeters",
    contentHash: "9f".repeat(32),
    receiptUrl: `https://portaal.example/dossiers/${run}-${index}/ontvangstbewijs`,
  });
  return { idempotencyKey: `bench:${run}:${index}`, template: "submission-receipt", to: `ontvanger-${index}@gemeente.example`, ...content };
}

async function outboxRun(run: string, count: number) {
  const queueStart = performance.now();
  for (let i = 0; i < count; i++) await prisma.$transaction((tx) => enqueueEmail(tx, message(run, i)));
  const queueMs = performance.now() - queueStart;
  const before = catcher.messages().length;
  const drainStart = performance.now();
  let sent = 0;
  for (;;) {
    const result = await drainOutbox({ batchSize: 100 });
    sent += result.sent;
    if (result.sent === 0) break;
  }
  const drainMs = performance.now() - drainStart;
  await catcher.waitForMessages(() => true, { count: before + count, timeoutMs: 60_000 });
  if (sent !== count) throw new Error(`Verwacht ${count} verstuurd, kreeg ${sent}`);
  return { queueMs, drainMs };
}

async function baselineRun(run: string, count: number) {
  const transport = createTransport({ url: process.env.SMTP_URL, pool: true, maxConnections: 1, maxMessages: Infinity });
  const before = catcher.messages().length;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const m = message(run, i);
      return transport.sendMail({
        from: mailFrom(),
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: messageIdFor(m.idempotencyKey),
      });
    }),
  );
  const ms = performance.now() - start;
  transport.close();
  await catcher.waitForMessages(() => true, { count: before + count, timeoutMs: 60_000 });
  return ms;
}

const rate = (count: number, ms: number) => (count / ms) * 1000;

try {
  // Warm up both paths (JIT, first connections), then measure.
  await baselineRun("warm-base", WARM_UP);
  await outboxRun("warm-outbox", WARM_UP);

  const baselineMs = await baselineRun("base", COUNT);
  const { queueMs, drainMs } = await outboxRun("outbox", COUNT);
  const duplicates = catcher.messages().length - 2 * WARM_UP - 2 * COUNT;

  const outboxRate = rate(COUNT, drainMs);
  const baselineRate = rate(COUNT, baselineMs);
  console.log(`E-mail outbox benchmark: ${COUNT} berichten naar de SMTP-catcher op 127.0.0.1 (SQLite: ${file})`);
  console.log(
    `  in de wachtrij zetten (1 transactie per bericht): ${queueMs.toFixed(0)} ms, ${rate(COUNT, queueMs).toFixed(0)} berichten/s`,
  );
  console.log(`  outbox leegmaken (worker):                        ${drainMs.toFixed(0)} ms, ${outboxRate.toFixed(0)} berichten/s`);
  console.log(`  basislijn (nodemailer, 1 gepoolde verbinding):    ${baselineMs.toFixed(0)} ms, ${baselineRate.toFixed(0)} berichten/s`);
  console.log(`  verhouding outbox / basislijn:                    ${(outboxRate / baselineRate).toFixed(2)}`);
  console.log(`  aangekomen: ${catcher.messages().length}, meer dan verwacht: ${duplicates}`);
} finally {
  await catcher.close();
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
