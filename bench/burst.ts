// `npm run bench:burst`: deadline day. 286 organisations (the 285 municipalities and the VGC)
// each have an official with a session and a complete draft; 100 concurrent clients then submit
// all 286 through the real summary-page POST and load the receipt it redirects to, first alone,
// then while 100 other officials autosave every 2 s. Every figure is also given against a
// trivial route of the same server (/healthz/live, no database) measured in the same run.
// On DATABASE_URL's database: SQLite (default) or PostgreSQL (a database is created and dropped).
// BENCH_PROFILE=1 runs the burst once under `node --cpu-prof` and prints where the time went.
// Preparing is not timed. Figures only: nothing here asserts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseProvider, databaseUrl } from "~/db/database-url";
import { createEmptyDatabase, databaseSet, dropDatabases, migrate } from "../tests/support/databases";
import { summariseProfile } from "./support/cpu-profile";
import { freePort, ms, processCpuMs, processRssMb, stats, withClients, type Stats } from "./support/load";

const ORGANISATIONS = 286;
const CONCURRENCY = 100;
const AUTOSAVERS = 100;
const AUTOSAVE_EVERY_MS = 2_000;
const WARM_UP = 20;
const profiling = process.env.BENCH_PROFILE === "1";

const baseUrl = databaseUrl();
const provider = databaseProvider(baseUrl);
const dir = path.resolve(".cache/bench", `burst-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const set = databaseSet(baseUrl, dir, `b${process.pid}`);
const url = await createEmptyDatabase(set, "burst");
migrate(url);
process.env.DATABASE_URL = url;
process.env.SESSION_SECRET = randomBytes(24).toString("hex");
process.env.UPLOAD_DIR = path.join(dir, "uploads");

const { configureDatabase, createPrismaClient } = await import("~/db.server");
const { startMailCatcher } = await import("~/mail/catcher.server");
const { findForm } = await import("~/forms/registry");
const { stepFingerprint } = await import("~/applications/dossier.server");
const { prepareBurst } = await import("../tests/support/deadline-burst");
const { OEFENKANSEN_ANSWERS } = await import("../tests/support/answers");

const db = createPrismaClient(url);
await configureDatabase(db, url);
const now = new Date();
const preparing = performance.now();
const burst = await prepareBurst(db, {
  organisations: ORGANISATIONS,
  now,
  closesAt: new Date(now.getTime() + 6 * 3600_000),
  calls: ["WARM", "DAG", "DAH", "DAW"],
});
console.log(`Voorbereid (niet getimed): ${ORGANISATIONS} organisaties × 4 oproepen in ${ms(performance.now() - preparing)} op ${provider}.`);
const catcher = await startMailCatcher({ maxMessages: 10_000 });

type Server = { url: string; pid: number; child: ChildProcess; output: () => string; stop: () => Promise<void> };

async function startPortal(extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  const portalUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, "server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: portalUrl,
      SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
      // Every official comes from their own municipality's address, through one proxy.
      TRUST_PROXY_HOPS: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${portalUrl}/healthz/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200 || child.exitCode !== null) throw new Error(`Portaal startte niet:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: portalUrl,
    pid: child.pid!,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const clientAddress = (index: number) => `10.${20 + Math.floor(index / 250)}.${index % 250}.${(index % 7) + 10}`;

type Outcome = { ok: boolean; problem?: string };
const errors = new Map<string, number>();
function record(outcome: Outcome): boolean {
  if (!outcome.ok) errors.set(outcome.problem!, (errors.get(outcome.problem!) ?? 0) + 1);
  return outcome.ok;
}

async function request(portal: Server, path: string, init: RequestInit & { index: number; cookie?: string }): Promise<Response> {
  const { index, cookie, headers, ...rest } = init;
  return fetch(`${portal.url}${path}`, {
    redirect: "manual",
    ...rest,
    headers: {
      "x-forwarded-for": clientAddress(index),
      ...(cookie ? { cookie } : {}),
      ...(rest.method === "POST" ? { origin: portal.url } : {}),
      ...headers,
    },
  });
}

/** The submit button on the summary page, then the receipt it redirects to, as a browser does. */
async function submit(portal: Server, dossier: (typeof burst.calls)[string]["dossiers"][number], index: number) {
  const started = performance.now();
  try {
    const response = await request(portal, `/dossiers/${dossier.applicationId}/overzicht`, {
      index,
      cookie: dossier.cookie,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ baseVersion: String(dossier.version) }),
    });
    await response.arrayBuffer();
    const postMs = performance.now() - started;
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !location.includes("/ontvangstbewijs")) return { postMs, totalMs: NaN, ok: false, problem: `submit ${response.status}` };
    const receipt = await request(portal, location, { index, cookie: dossier.cookie });
    const html = await receipt.text();
    const totalMs = performance.now() - started;
    if (receipt.status !== 200 || !html.includes("Ontvangstbewijs")) return { postMs, totalMs, ok: false, problem: `ontvangstbewijs ${receipt.status}` };
    return { postMs, totalMs, ok: true };
  } catch (error) {
    return { postMs: NaN, totalMs: NaN, ok: false, problem: `submit ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function submitAll(portal: Server, code: string, count = ORGANISATIONS) {
  const dossiers = burst.calls[code]!.dossiers.slice(0, count);
  const post: number[] = [];
  const total: number[] = [];
  let accepted = 0;
  const cpuBefore = processCpuMs(portal.pid);
  const wallMs = await withClients(dossiers, CONCURRENCY, async (dossier, index) => {
    const result = await submit(portal, dossier, index);
    if (record(result)) {
      accepted += 1;
      post.push(result.postMs);
      total.push(result.totalMs);
    }
  });
  const cpuMs = processCpuMs(portal.pid) - cpuBefore;
  return { accepted, post: stats(post), total: stats(total), wallMs, cpuPerSubmitMs: cpuMs / Math.max(1, accepted) };
}

/** The trivial route under the same concurrency: what the server and this client cost alone. */
async function baseline(portal: Server) {
  const samples: number[] = [];
  const cpuBefore = processCpuMs(portal.pid);
  const wallMs = await withClients(Array.from({ length: ORGANISATIONS }), CONCURRENCY, async (_item, index) => {
    const started = performance.now();
    const response = await request(portal, "/healthz/live", { index });
    await response.text();
    if (record({ ok: response.status === 200, problem: `healthz/live ${response.status}` })) samples.push(performance.now() - started);
  });
  return { latency: stats(samples), wallMs, cpuPerRequestMs: (processCpuMs(portal.pid) - cpuBefore) / ORGANISATIONS };
}

const step = findForm("oefenkansen", 1)!.steps.find((s) => s.id === "huidig-aanbod")!;

/** Officials typing in a step: the wizard's autosave fetcher post, every 2 s, until stopped. */
function autosavers(portal: Server, count: number) {
  const samples: number[] = [];
  let stopped = false;
  const dossiers = burst.calls.DAW!.dossiers.slice(0, count);
  const runs = dossiers.map(async (dossier, index) => {
    const values: Record<string, string> = { ...OEFENKANSEN_ANSWERS["huidig-aanbod"] };
    let fingerprint = stepFingerprint(step, values);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * AUTOSAVE_EVERY_MS));
    for (let round = 1; !stopped; round++) {
      values.huidigAanbod = `${OEFENKANSEN_ANSWERS["huidig-aanbod"].huidigAanbod} Aangevuld (${round}).`;
      const form = new FormData();
      for (const [name, value] of Object.entries(values)) form.set(name, value);
      form.set("intent", "autosave");
      form.set("baseVersion", String(dossier.version));
      form.set("baseFingerprint", fingerprint);
      const started = performance.now();
      try {
        const response = await request(portal, `/dossiers/${dossier.applicationId}/stap/huidig-aanbod.data`, {
          index: ORGANISATIONS + index,
          cookie: dossier.cookie,
          method: "POST",
          body: form,
        });
        const body = await response.text();
        if (record({ ok: response.status === 200 && body.includes("autosaved"), problem: `autosave ${response.status}` })) {
          samples.push(performance.now() - started);
          fingerprint = stepFingerprint(step, values);
        }
      } catch (error) {
        record({ ok: false, problem: `autosave ${error instanceof Error ? error.message : String(error)}` });
      }
      const wait = AUTOSAVE_EVERY_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  });
  return {
    async stop(): Promise<Stats> {
      stopped = true;
      await Promise.all(runs);
      return stats(samples);
    },
  };
}

/** Queries per request, from Prisma's query log of a portal started for counting only. */
async function countQueries(): Promise<{ submit: number; receipt: number; autosave: number }> {
  const portal = await startPortal({ PRISMA_LOG_QUERIES: "1", OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off" });
  const count = () => (portal.output().match(/prisma:query/g) ?? []).length;
  try {
    const [first, second] = burst.calls.WARM!.dossiers.slice(-2);
    await submit(portal, first!, 0); // warm: the first request compiles and caches more
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = count();
    const response = await request(portal, `/dossiers/${second!.applicationId}/overzicht`, {
      index: 1,
      cookie: second!.cookie,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ baseVersion: String(second!.version) }),
    });
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const afterSubmit = count();
    if (process.env.BENCH_QUERIES === "1") console.log(`Queries van één indiening:\n${portal.output().split("\n").filter((l) => l.includes("prisma:query")).slice(-(afterSubmit - before)).join("\n")}`);
    await (await request(portal, response.headers.get("location")!, { index: 1, cookie: second!.cookie })).text();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const afterReceipt = count();
    if (process.env.BENCH_QUERIES === "1") console.log(`Queries van het ontvangstbewijs:\n${portal.output().split("\n").filter((l) => l.includes("prisma:query")).slice(-(afterReceipt - afterSubmit)).join("\n")}`);
    const saver = autosavers(portal, 1);
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_EVERY_MS + 500));
    const beforeStop = count();
    const saved = await saver.stop();
    return { submit: afterSubmit - before, receipt: afterReceipt - afterSubmit, autosave: saved.count > 0 ? (beforeStop - afterReceipt) / saved.count : NaN };
  } finally {
    await portal.stop();
  }
}

function line(label: string, s: Stats, base?: Stats): string {
  const ratio = base ? `  (${(s.p50 / base.p50).toFixed(1)}× / ${(s.p99 / base.p99).toFixed(1)}× de basisroute)` : "";
  return `  ${label.padEnd(34)} p50 ${ms(s.p50).padStart(8)}  p95 ${ms(s.p95).padStart(8)}  p99 ${ms(s.p99).padStart(8)}  max ${ms(s.max).padStart(8)}${ratio}`;
}

const check = (ok: boolean, text: string) => `  ${ok ? "gehaald    " : "NIET GEHAALD"}  ${text}`;

try {
  if (process.env.BENCH_QUERIES === "1") {
    console.log(await countQueries());
  } else if (profiling) {
    const profileDir = path.join(dir, "profile");
    const portal = await startPortal({}, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
    await submitAll(portal, "WARM", WARM_UP);
    const result = await submitAll(portal, "DAG");
    await portal.stop();
    const file = path.resolve(".cache/bench", `burst-${provider}.cpuprofile`);
    copyFileSync(path.join(profileDir, readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"))!), file);
    console.log(`\nCPU-profiel van de server (${file}), ${result.accepted} indieningen, ${ms(result.cpuPerSubmitMs)} CPU per indiening:`);
    for (const { category, ms: spent, share } of summariseProfile(file)) {
      console.log(`  ${category.padEnd(32)} ${ms(spent).padStart(9)}  ${(share * 100).toFixed(1).padStart(5)} %`);
    }
  } else {
    const queries = await countQueries();
    const portal = await startPortal();
    await submitAll(portal, "WARM", WARM_UP);
    const base = await baseline(portal);
    const alone = await submitAll(portal, "DAG");
    const savingAlone = autosavers(portal, AUTOSAVERS);
    await new Promise((resolve) => setTimeout(resolve, 3 * AUTOSAVE_EVERY_MS));
    const autosaveAlone = await savingAlone.stop();
    const saving = autosavers(portal, AUTOSAVERS);
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_EVERY_MS));
    const busy = await submitAll(portal, "DAH");
    const autosaveBusy = await saving.stop();
    const rssMb = processRssMb(portal.pid);
    await portal.stop();

    const baseThroughput = (ORGANISATIONS / base.wallMs) * 1000;
    const throughput = (run: typeof alone) => (run.accepted / run.wallMs) * 1000;
    console.log(`
Deadline-dag op ${provider}: ${ORGANISATIONS} indieningen door ${CONCURRENCY} gelijktijdige klanten (node ${process.version}).
Queries: ${queries.submit} per indiening (POST), ${queries.receipt} voor het ontvangstbewijs erna, ${queries.autosave.toFixed(0)} per autosave.
Basisroute /healthz/live: ${throughput({ accepted: ORGANISATIONS, wallMs: base.wallMs } as typeof alone).toFixed(0)} verzoeken/s, ${ms(base.cpuPerRequestMs)} server-CPU per verzoek.
${line("basisroute (geen databank)", base.latency)}
Alleen de indieningen: ${alone.accepted}/${ORGANISATIONS} aanvaard, ${(alone.wallMs / 1000).toFixed(1)} s, ${throughput(alone).toFixed(1)} per s (${(throughput(alone) / baseThroughput).toFixed(2)}× de basisroute), ${ms(alone.cpuPerSubmitMs)} server-CPU per indiening (${(alone.cpuPerSubmitMs / base.cpuPerRequestMs).toFixed(0)}× de basisroute).
${line("indienen (POST)", alone.post, base.latency)}
${line("indienen + ontvangstbewijs", alone.total, base.latency)}
${line(`autosave alleen (${autosaveAlone.count})`, autosaveAlone, base.latency)}
Met ${AUTOSAVERS} ambtenaren die elke 2 s automatisch bewaren: ${busy.accepted}/${ORGANISATIONS} aanvaard, ${(busy.wallMs / 1000).toFixed(1)} s, ${ms(busy.cpuPerSubmitMs)} server-CPU per indiening (autosaves inbegrepen).
${line("indienen (POST)", busy.post, base.latency)}
${line("indienen + ontvangstbewijs", busy.total, base.latency)}
${line(`autosave tijdens de piek (${autosaveBusy.count})`, autosaveBusy, base.latency)}
Fouten: ${errors.size === 0 ? "geen" : [...errors].map(([problem, n]) => `${n} × ${problem}`).join(", ")}. Geheugen van de server na afloop: ${rssMb.toFixed(0)} MB.

Doelen (2 kernen):
${check(alone.accepted === ORGANISATIONS && busy.accepted === ORGANISATIONS && errors.size === 0, `${ORGANISATIONS} van ${ORGANISATIONS} aanvaard, 0 fouten`)}
${check(Math.max(alone.total.p99, busy.total.p99) <= 1000, `indienen p99 ≤ 1 s (nu ${ms(Math.max(alone.total.p99, busy.total.p99))}, ontvangstbewijs inbegrepen)`)}
${check(autosaveBusy.p99 <= 500, `autosave p99 tijdens de piek ≤ 500 ms (nu ${ms(autosaveBusy.p99)})`)}
${check(alone.cpuPerSubmitMs <= 10, `server-CPU ≤ 10 ms per indiening (nu ${ms(alone.cpuPerSubmitMs)}, ontvangstbewijs inbegrepen)`)}`);
  }
} finally {
  await catcher.close();
  await db.$disconnect();
  await dropDatabases(set);
  rmSync(dir, { recursive: true, force: true });
}
