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
import { freePort, ms, parentPid, processCpuMs, processRssMb, stats, withClients, type Stats } from "./support/load";

const ORGANISATIONS = 286;
const CONCURRENCY = 100;
const AUTOSAVERS = 100;
const AUTOSAVE_EVERY_MS = 2_000;
// A server on deadline day has run for hours: its code is compiled and warm before the burst.
const WARM_UP = 100;
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
const { findForm } = await import("~/forms/registry");
const { stepFingerprint } = await import("~/applications/dossier.server");
const { prepareBurst } = await import("../tests/support/deadline-burst");
const { OEFENKANSEN_ANSWERS } = await import("../tests/support/answers");

const db = createPrismaClient(url);
await configureDatabase(db, url);
// A local PostgreSQL's own CPU (its postmaster and backends), to see what the database costs a
// submit on the same two cores; null on SQLite, which runs inside the portal's process.
const postmaster =
  provider === "postgresql"
    ? parentPid(Number((await db.$queryRawUnsafe<Array<{ pid: number }>>("SELECT pg_backend_pid() AS pid"))[0]!.pid))
    : null;
const databaseCpuMs = () => (postmaster ? processCpuMs(postmaster) : 0);
const now = new Date();
const preparing = performance.now();
const burst = await prepareBurst(db, {
  organisations: ORGANISATIONS,
  now,
  // Three days ahead: no draft reminder falls due today (7 and 1 days before), so the server
  // has nothing to do but the burst, as in the last minutes before a real deadline.
  closesAt: new Date(now.getTime() + 3 * 24 * 3600_000),
  calls: ["WARM", "DAG", "DAH", "DAW", "DAZ", "DAB"],
});
console.log(
  `Voorbereid (niet getimed): ${ORGANISATIONS} organisaties × 6 oproepen in ${ms(performance.now() - preparing)} op ${provider}.`,
);
// The e-mails go to a real SMTP server in a process of its own (bench/support/smtp-sink.ts).
const sink = spawn(process.execPath, ["--import", "tsx", "bench/support/smtp-sink.ts"], { stdio: ["pipe", "pipe", "inherit"] });
const smtpPort = await new Promise<number>((resolve) =>
  sink.stdout!.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).port)),
);

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
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
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

/**
 * The submit button on the summary page, then the receipt it leads to, as a browser does it:
 * with JavaScript (what officials use) the form posts to the route's `.data` URL and gets the
 * redirect in the answer, then loads the receipt's data; without, a document post, a 302 and
 * the receipt page as HTML.
 */
async function submit(portal: Server, dossier: (typeof burst.calls)[string]["dossiers"][number], index: number, javascript = true) {
  const started = performance.now();
  const page = `/dossiers/${dossier.applicationId}/overzicht`;
  try {
    const response = await request(portal, javascript ? `${page}.data` : page, {
      index,
      cookie: dossier.cookie,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ baseVersion: String(dossier.version) }),
    });
    const body = await response.text();
    const postMs = performance.now() - started;
    const location = javascript
      ? (/"(\/dossiers\/[^"]*\/ontvangstbewijs[^"]*)"/.exec(body)?.[1] ?? "")
      : (response.headers.get("location") ?? "");
    const expected = javascript ? 202 : 302;
    if (response.status !== expected || !location) return { postMs, totalMs: NaN, ok: false, problem: `submit ${response.status}` };
    const [path, search] = location.split("?");
    const receipt = await request(portal, javascript ? `${path}.data${search ? `?${search}` : ""}` : location, {
      index,
      cookie: dossier.cookie,
    });
    const text = await receipt.text();
    const totalMs = performance.now() - started;
    const receiptShown = javascript ? text.includes("contentHash") : text.includes("Ontvangstbewijs");
    if (receipt.status !== 200 || !receiptShown) return { postMs, totalMs, ok: false, problem: `ontvangstbewijs ${receipt.status}` };
    return { postMs, totalMs, ok: true };
  } catch (error) {
    return { postMs: NaN, totalMs: NaN, ok: false, problem: `submit ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function submitAll(portal: Server, code: string, count = ORGANISATIONS, javascript = true) {
  const dossiers = burst.calls[code]!.dossiers.slice(0, count);
  const post: number[] = [];
  const total: number[] = [];
  let accepted = 0;
  const cpuBefore = processCpuMs(portal.pid);
  const databaseBefore = databaseCpuMs();
  const wallMs = await withClients(dossiers, CONCURRENCY, async (dossier, index) => {
    const result = await submit(portal, dossier, index, javascript);
    if (record(result)) {
      accepted += 1;
      post.push(result.postMs);
      total.push(result.totalMs);
    }
  });
  // The receipts' e-mails are part of a submit's cost: counted until the outbox is empty again.
  await outboxDrained();
  const cpuMs = processCpuMs(portal.pid) - cpuBefore;
  const databaseMs = databaseCpuMs() - databaseBefore;
  return {
    accepted,
    post: stats(post),
    total: stats(total),
    wallMs,
    cpuPerSubmitMs: cpuMs / Math.max(1, accepted),
    databaseCpuPerSubmitMs: databaseMs / Math.max(1, accepted),
  };
}

/**
 * Where a submit's CPU goes, one part at a time: the POSTs on a portal without its e-mail
 * worker, then the receipts they lead to, then the e-mails on a portal with the worker.
 */
async function breakdown(nodeArgs: (part: string) => string[] = () => []) {
  const quiet = await startPortal({ OUTBOX_WORKER: "off" }, nodeArgs("web"));
  const dossiers = burst.calls.DAB!.dossiers;
  const warm = burst.calls.WARM!.dossiers.slice(WARM_UP, 2 * WARM_UP);
  await withClients(warm, CONCURRENCY, async (dossier, index) => void record(await submit(quiet, dossier, index)));
  const receipts: string[] = [];
  const postsFrom = performance.now();
  let cpu = processCpuMs(quiet.pid);
  await withClients(dossiers, CONCURRENCY, async (dossier, index) => {
    const response = await request(quiet, `/dossiers/${dossier.applicationId}/overzicht.data`, {
      index,
      cookie: dossier.cookie,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ baseVersion: String(dossier.version) }),
    });
    const location = /"(\/dossiers\/[^"]*\/ontvangstbewijs)[^"]*"/.exec(await response.text())?.[1];
    if (record({ ok: response.status === 202 && Boolean(location), problem: `submit ${response.status}` })) receipts[index] = location!;
  });
  const postMs = (processCpuMs(quiet.pid) - cpu) / dossiers.length;
  const receiptsFrom = performance.now();
  cpu = processCpuMs(quiet.pid);
  await withClients(dossiers, CONCURRENCY, async (dossier, index) => {
    const response = await request(quiet, `${receipts[index]}.data`, { index, cookie: dossier.cookie });
    record({
      ok: response.status === 200 && (await response.text()).includes("contentHash"),
      problem: `ontvangstbewijs ${response.status}`,
    });
  });
  const receiptMs = (processCpuMs(quiet.pid) - cpu) / dossiers.length;
  const receiptsTo = performance.now();
  await quiet.stop();
  const webStopped = performance.now();
  // The e-mails: the worker's own loop in a process of its own, timed after a warm-up.
  const mailFrom = performance.now();
  const drained = await new Promise<{ sent: number; cpuMs: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs("mail"), "--import", "tsx", "bench/support/drain-once.ts"], {
      env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, BENCH_WARM_UP: String(WARM_UP) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split("\n").at(-1)!)) : reject(new Error(`drain-once: ${code}`)),
    );
  });
  const mailMs = drained.cpuMs / Math.max(1, drained.sent);
  const mailTo = performance.now();
  const mailStopped = mailTo;
  // For the CPU profiles: each phase as a window before the end of its process's profile.
  const windows = {
    posts: { lastMs: receiptsFrom - postsFrom, endedMsBeforeEnd: webStopped - receiptsFrom },
    receipts: { lastMs: receiptsTo - receiptsFrom, endedMsBeforeEnd: webStopped - receiptsTo },
    mail: { lastMs: mailTo - mailFrom, endedMsBeforeEnd: mailStopped - mailTo },
  };
  return { postMs, receiptMs, mailMs, queued: drained.sent, windows, submits: dossiers.length };
}

/** Waits until the server's e-mail worker has sent everything queued so far. */
async function outboxDrained(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await db.emailOutbox.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("De e-mailwachtrij raakte niet leeg.");
}

/** The trivial route under the same concurrency: what the server and this client cost alone. */
async function baseline(portal: Server) {
  await withClients(Array.from({ length: 3 * ORGANISATIONS }), CONCURRENCY, async (_item, index) => {
    await (await request(portal, "/healthz/live", { index })).text();
  });
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

/** What each official has typed so far, and the fingerprint of the step as last saved. */
const typed = new Map<string, { values: Record<string, string>; fingerprint: string; round: number }>();
function startTyping() {
  const values: Record<string, string> = { ...OEFENKANSEN_ANSWERS["huidig-aanbod"] };
  return { values, fingerprint: stepFingerprint(step, values), round: 0 };
}

/** Officials typing in a step: the wizard's autosave fetcher post, every 2 s, until stopped. */
function autosavers(portal: Server, count: number) {
  const samples: number[] = [];
  let stopped = false;
  const dossiers = burst.calls.DAW!.dossiers.slice(0, count);
  const runs = dossiers.map(async (dossier, index) => {
    let typing = typed.get(dossier.applicationId);
    if (!typing) {
      typing = startTyping();
      typed.set(dossier.applicationId, typing);
    }
    const { values } = typing;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * AUTOSAVE_EVERY_MS));
    while (!stopped) {
      typing.round += 1;
      values.huidigAanbod = `${OEFENKANSEN_ANSWERS["huidig-aanbod"].huidigAanbod} Aangevuld (${typing.round}).`;
      // fetcher.submit(formData) sends it urlencoded (the wizard leaves the file inputs out).
      const form = new URLSearchParams(values);
      form.set("intent", "autosave");
      form.set("baseVersion", String(dossier.version));
      form.set("baseFingerprint", typing.fingerprint);
      const started = performance.now();
      try {
        const response = await request(portal, `/dossiers/${dossier.applicationId}/stap/huidig-aanbod.data`, {
          index: ORGANISATIONS + index,
          cookie: dossier.cookie,
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: form,
        });
        const body = await response.text();
        if (record({ ok: response.status === 200 && body.includes("autosaved"), problem: `autosave ${response.status}` })) {
          samples.push(performance.now() - started);
          typing.fingerprint = stepFingerprint(step, values);
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

/** SQL statements per request (Prisma's and the fast lane's), from the log of a portal started for counting only. */
async function countQueries(): Promise<{ submit: number; receipt: number; autosave: number }> {
  // No rate-limit writes while counting: they go every second, not with a request.
  const portal = await startPortal({ SQL_LOG: "1", OUTBOX_WORKER: "off", REMINDER_SCHEDULER: "off", RATE_LIMIT_SYNC_MS: "3600000" });
  const count = () => (portal.output().match(/^sql: /gm) ?? []).length;
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
    if (process.env.BENCH_QUERIES === "1")
      console.log(
        `Queries van één indiening:\n${portal
          .output()
          .split("\n")
          .filter((l) => l.startsWith("sql: "))
          .slice(-(afterSubmit - before))
          .join("\n")}`,
      );
    await (await request(portal, response.headers.get("location")!, { index: 1, cookie: second!.cookie })).text();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const afterReceipt = count();
    if (process.env.BENCH_QUERIES === "1")
      console.log(
        `Queries van het ontvangstbewijs:\n${portal
          .output()
          .split("\n")
          .filter((l) => l.startsWith("sql: "))
          .slice(-(afterReceipt - afterSubmit))
          .join("\n")}`,
      );
    const saver = autosavers(portal, 1);
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_EVERY_MS + 500));
    const beforeStop = count();
    const saved = await saver.stop();
    return {
      submit: afterSubmit - before,
      receipt: afterReceipt - afterSubmit,
      autosave: saved.count > 0 ? (beforeStop - afterReceipt) / saved.count : NaN,
    };
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
    // One profile per process: the web portal (its POSTs, then the receipts) and the mailer.
    const profileDir = path.join(dir, "profile");
    const parts = await breakdown((part) => ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, part)}`]);
    const profileOf = (part: string) => {
      const file = path.resolve(".cache/bench", `burst-${provider}-${part}.cpuprofile`);
      const folder = path.join(profileDir, part);
      copyFileSync(
        path.join(
          folder,
          readdirSync(folder).find((name) => name.endsWith(".cpuprofile"))!,
        ),
        file,
      );
      return file;
    };
    const web = profileOf("web");
    const mail = profileOf("mail");
    const show = (title: string, file: string, window: { lastMs: number; endedMsBeforeEnd: number }, per: number, perLabel: string) => {
      console.log(`\n${title} (${file}):`);
      for (const { category, ms: spent, share } of summariseProfile(file, window)) {
        console.log(
          `  ${category.padEnd(32)} ${ms(spent).padStart(9)}  ${(share * 100).toFixed(1).padStart(5)} %  ${ms(spent / per).padStart(8)} ${perLabel}`,
        );
      }
    };
    console.log(`Vensters (ms): ${JSON.stringify(parts.windows)}`);
    show(
      `CPU-profiel van ${parts.submits} indieningen (POST), ${ms(parts.postMs)} CPU elk`,
      web,
      parts.windows.posts,
      parts.submits,
      "per indiening",
    );
    show(
      `CPU-profiel van ${parts.submits} ontvangstbewijzen, ${ms(parts.receiptMs)} CPU elk`,
      web,
      parts.windows.receipts,
      parts.submits,
      "per ontvangstbewijs",
    );
    show(`CPU-profiel van ${parts.queued} e-mails, ${ms(parts.mailMs)} CPU elk`, mail, parts.windows.mail, parts.queued, "per e-mail");
  } else {
    const queries = await countQueries();
    const portal = await startPortal();
    await outboxDrained();
    await submitAll(portal, "WARM", WARM_UP);
    const base = await baseline(portal);
    const alone = await submitAll(portal, "DAG");
    const savingAlone = autosavers(portal, AUTOSAVERS);
    await new Promise((resolve) => setTimeout(resolve, 3 * AUTOSAVE_EVERY_MS));
    const autosaveAlone = await savingAlone.stop();
    const saving = autosavers(portal, AUTOSAVERS);
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_EVERY_MS));
    const clientCpu = process.cpuUsage();
    const clientWall = performance.now();
    const busy = await submitAll(portal, "DAH");
    const clientUsed = process.cpuUsage(clientCpu);
    console.log(
      `(meetproces: ${(((clientUsed.user + clientUsed.system) / 1000 / (performance.now() - clientWall)) * 100).toFixed(0)} % van een kern tijdens de piek met autosaves)`,
    );
    const autosaveBusy = await saving.stop();
    const withoutScript = await submitAll(portal, "DAZ", ORGANISATIONS, false);
    const rssMb = processRssMb(portal.pid);
    await portal.stop();
    const parts = await breakdown();

    const baseThroughput = (ORGANISATIONS / base.wallMs) * 1000;
    const throughput = (run: typeof alone) => (run.accepted / run.wallMs) * 1000;
    console.log(`
Deadline-dag op ${provider}: ${ORGANISATIONS} indieningen door ${CONCURRENCY} gelijktijdige klanten, als een browser met JavaScript (node ${process.version}).
SQL-statements: ${queries.submit} per indiening (POST), ${queries.receipt} voor het ontvangstbewijs erna, ${queries.autosave.toFixed(0)} per autosave.
Basisroute /healthz/live: ${throughput({ accepted: ORGANISATIONS, wallMs: base.wallMs } as typeof alone).toFixed(0)} verzoeken/s, ${ms(base.cpuPerRequestMs)} server-CPU per verzoek.
${line("basisroute (geen databank)", base.latency)}
Alleen de indieningen: ${alone.accepted}/${ORGANISATIONS} aanvaard, ${(alone.wallMs / 1000).toFixed(1)} s, ${throughput(alone).toFixed(1)} per s (${(throughput(alone) / baseThroughput).toFixed(2)}× de basisroute), ${ms(alone.cpuPerSubmitMs)} server-CPU per indiening (${(alone.cpuPerSubmitMs / base.cpuPerRequestMs).toFixed(0)}× de basisroute)${postmaster ? `, daarnaast ${ms(alone.databaseCpuPerSubmitMs)} CPU van PostgreSQL zelf` : ""}.
${line("indienen (POST)", alone.post, base.latency)}
${line("indienen + ontvangstbewijs", alone.total, base.latency)}
${line(`autosave alleen (${autosaveAlone.count})`, autosaveAlone, base.latency)}
Met ${AUTOSAVERS} ambtenaren die elke 2 s automatisch bewaren: ${busy.accepted}/${ORGANISATIONS} aanvaard, ${(busy.wallMs / 1000).toFixed(1)} s, ${ms(busy.cpuPerSubmitMs)} server-CPU per indiening (autosaves inbegrepen).
${line("indienen (POST)", busy.post, base.latency)}
${line("indienen + ontvangstbewijs", busy.total, base.latency)}
${line(`autosave tijdens de piek (${autosaveBusy.count})`, autosaveBusy, base.latency)}
Verdeling (apart gemeten): ${ms(parts.postMs)} server-CPU per indiening (POST), ${ms(parts.receiptMs)} per ontvangstbewijs (gegevens), ${ms(parts.mailMs)} per e-mail (${parts.queued} ontvangstbevestigingen, na ${WARM_UP} om op te warmen).
Zonder JavaScript (documentpost, 302, ontvangstbewijs als HTML): ${withoutScript.accepted}/${ORGANISATIONS} aanvaard, ${ms(withoutScript.cpuPerSubmitMs)} server-CPU per indiening.
${line("indienen + ontvangstbewijs", withoutScript.total, base.latency)}
Fouten: ${errors.size === 0 ? "geen" : [...errors].map(([problem, n]) => `${n} × ${problem}`).join(", ")}. Geheugen van de server na afloop: ${rssMb.toFixed(0)} MB.

Doelen (2 kernen):
${check(alone.accepted === ORGANISATIONS && busy.accepted === ORGANISATIONS && withoutScript.accepted === ORGANISATIONS && errors.size === 0, `${ORGANISATIONS} van ${ORGANISATIONS} aanvaard, 0 fouten`)}
${check(Math.max(alone.post.p99, busy.post.p99) <= 1000, `indienen p99 ≤ 1 s (nu ${ms(Math.max(alone.post.p99, busy.post.p99))} voor de POST; met het ontvangstbewijs erna ${ms(Math.max(alone.total.p99, busy.total.p99))})`)}
${check(autosaveBusy.p99 <= 500, `autosave p99 tijdens de piek ≤ 500 ms (nu ${ms(autosaveBusy.p99)})`)}
${check(parts.postMs + parts.mailMs <= 10, `server-CPU ≤ 10 ms per indiening (nu ${ms(parts.postMs)} voor de POST + ${ms(parts.mailMs)} voor haar e-mail; met het ontvangstbewijs erbij ${ms(alone.cpuPerSubmitMs)})`)}`);
  }
} finally {
  sink.kill("SIGTERM");
  await db.$disconnect();
  await dropDatabases(set);
  rmSync(dir, { recursive: true, force: true });
}
