/**
 * `npm run bench:queue`: does the staff queue stay fast with 10,000 dossiers?
 *
 * Seeds a fresh SQLite file (migrated like production) with the real municipalities and
 * ~10,000 submitted dossiers over some 30 calls, then times the queue as a page load runs it
 * (count + one page + the assignees' names) and prints each median as a ratio against a
 * baseline measured in the same run: a plain findMany of 25 rows in primary-key order. Ratios,
 * not milliseconds, are comparable between machines.
 *
 * Options: BENCH_DOSSIERS=10000, BENCH_RUNS=30, BENCH_KEEP=1 (keep the database file),
 * BENCH_DROP_INDEX=Application_queue_idx (measure without an index, to see what it brings).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { formatReference } from "~/applications/receipt.server";
import { configureDatabase, createPrismaClient, type PrismaClient } from "~/db.server";
import type { ApplicationStatus } from "~/domain/application-status";
import type { Viewer } from "~/domain/permissions";
import { callOverview, openDecisionDeadlines } from "~/review/call-overview.server";
import { exportCall } from "~/review/export.server";
import { DEFAULT_QUEUE_FILTER, type QueueFilter } from "~/review/queue";
import { queuePage, queueShortcuts, type QueueContext } from "~/review/queue.server";
import { addDays, endOfDay, startOfDay } from "~/utils/time";
import { seedReferenceData } from "../seeds/reference-data";

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

/** A small deterministic generator, so every run seeds the same data set. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
const rng = random(20260430);

/** A valid ondernemingsnummer: "0" and 7 digits, then 97 minus their remainder modulo 97. */
function kboNumber(base: number): string {
  const eight = `0${String(base % 10_000_000).padStart(7, "0")}`;
  return `${eight}${String(97 - (Number(eight) % 97)).padStart(2, "0")}`;
}

const IBAN = "BE68 5390 0754 7034";
const WORDS = (
  "het lokaal bestuur organiseert samen met de bibliotheek en het Huis van het Nederlands wekelijkse " +
  "taalcafés en wandelgroepen voor anderstaligen inburgeraars werkzoekenden ouders en werknemers op niveau A2 " +
  "tot B1 met vrijwilligers uit verenigingen en met een coördinator die de activiteiten opvolgt en evalueert"
).split(" ");

function text(length: number): string {
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    const word = rng.pick(WORDS);
    words.push(word);
    size += word.length + 1;
  }
  return words.join(" ");
}

/** Answers of about the size real dossiers have (3 to 7 kB of JSON), so table scans cost what they will. */
function answers() {
  return {
    contactVoornaam: "An",
    contactAchternaam: "Peeters",
    contactFunctie: "Coördinator integratie",
    contactTelefoon: "+3216272000",
    contactEmail: "an.peeters@bestuur.example",
    huidigAanbod: text(rng.int(300, 1500)),
    taalbeleid: text(rng.int(300, 1500)),
    doorverwijzingNT2: text(rng.int(200, 1000)),
    samenwerkingAgII: text(rng.int(200, 1000)),
    activiteiten: Array.from({ length: rng.int(1, 4) }, () => ({
      soort: "taalcafe",
      omschrijving: text(120),
      doelgroep: ["inburgeraars"],
      niveau: "A2",
      frequentie: "wekelijks",
      locatie: text(40),
      partners: text(80),
    })),
    begrotingToelichting: text(rng.int(200, 800)),
    iban: IBAN,
    rekeninghouder: "Bestuur",
  };
}

type Weighted<T> = Array<[T, number]>;
function weighted<T>(options: Weighted<T>): T {
  let r = rng.next() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of options) if ((r -= weight) < 0) return value;
  return options.at(-1)![0];
}
const DECIDED: Weighted<ApplicationStatus> = [
  ["APPROVED", 55],
  ["PARTIALLY_APPROVED", 15],
  ["REFUSED", 22],
  ["WITHDRAWN", 5],
  ["IN_REVIEW", 2], // left behind after the decision date: overdue
  ["PROPOSED", 1],
];
const CURRENT: Weighted<ApplicationStatus> = [
  ["SUBMITTED", 30],
  ["IN_REVIEW", 35],
  ["INFO_REQUESTED", 15],
  ["PROPOSED", 15],
  ["WITHDRAWN", 5],
];

async function seedBench(db: PrismaClient, at: Date) {
  await seedReferenceData(db);
  const programmes = await db.programme.findMany({ select: { id: true, code: true } });
  const programmeId = (code: string) => programmes.find((p) => p.code === code)!.id;

  // More organisations: OCMW's beside the municipalities, and partner organisations.
  const municipalities = await db.organisation.findMany({ where: { kind: "GEMEENTE" }, select: { name: true, province: true } });
  await db.organisation.createMany({
    data: municipalities.slice(0, 100).map((m) => ({ name: `OCMW ${m.name}`, kind: "OCMW", province: m.province })),
  });
  await db.organisation.createMany({
    data: Array.from({ length: 150 }, (_, i) => ({
      name: `vzw ${rng.pick(["Brug", "Dialoog", "Samen", "Tussen", "Wij", "Verbind"])}${rng.pick(["werk", "ruimte", "punt", "kracht", "plein"])} ${i + 1}`,
      kind: "VZW",
      kboNumber: kboNumber(i * 7919 + 13),
      province: rng.pick(["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Brussel"]),
    })),
  });
  const local = await db.organisation.findMany({ where: { kind: { in: ["GEMEENTE", "OCMW", "VGC"] } }, select: { id: true } });
  const partners = await db.organisation.findMany({ where: { kind: "VZW" }, select: { id: true } });

  // Staff: eight reviewers and three deciders.
  const reviewers: string[] = [];
  for (let i = 0; i < 11; i++) {
    const user = await db.user.create({
      data: {
        email: `medewerker${i}@agii.example`,
        firstName: rng.pick(["Els", "Pieter", "Nadia", "Jan", "Sara", "Karim", "Lotte", "An"]),
        lastName: rng.pick(["Vermeulen", "Claes", "Bouzid", "Peeters", "Janssens", "Maes", "Declercq"]),
        staffRoles: { create: [{ role: i < 8 ? "REVIEWER" : "DECIDER" }] },
      },
    });
    if (i < 8) reviewers.push(user.id);
  }

  // Rounds 2017-2025 per programme, beside the real 2026 ones, plus a current round each
  // (closed a month ago, decision due in two months).
  for (const code of ["OEF", "RAD", "ERK"]) {
    for (let year = 2017; year <= 2025; year++) {
      await db.call.create({
        data: {
          programmeId: programmeId(code),
          title: `${code} ronde ${year}`,
          description: "Benchmarkronde",
          year,
          opensAt: startOfDay(`${year - 1}-10-01`),
          closesAt: endOfDay(`${year}-01-15`),
          decisionDueAt: endOfDay(`${year}-04-30`),
          budgetCents: code === "ERK" ? null : 250_000_000,
          formKey: code === "OEF" ? "oefenkansen" : code === "RAD" ? "regierol" : "erkenning",
          formVersion: 1,
        },
      });
    }
    await db.call.create({
      data: {
        programmeId: programmeId(code),
        title: `${code} lopende ronde`,
        description: "Benchmarkronde",
        year: 2027,
        opensAt: addDays(at, -120),
        closesAt: addDays(at, -30),
        decisionDueAt: addDays(at, 60),
        budgetCents: code === "ERK" ? null : 250_000_000,
        formKey: code === "OEF" ? "oefenkansen" : code === "RAD" ? "regierol" : "erkenning",
        formVersion: 1,
      },
    });
  }
  const calls = await db.call.findMany({
    select: { id: true, year: true, opensAt: true, closesAt: true, decisionDueAt: true, programme: { select: { code: true } } },
  });

  // Every eligible (call, organisation) pair, shuffled; the first DOSSIERS become dossiers.
  const pairs = calls.flatMap((call) =>
    (call.programme.code === "ERK" ? partners : local).map((org) => ({ call, organisationId: org.id })),
  );
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  const chosen = pairs.slice(0, DOSSIERS);
  const sequence = new Map<string, number>();
  const applications = [];
  const infoRequests = [];
  for (const { call, organisationId } of chosen) {
    const decisionPassed = call.decisionDueAt !== null && call.decisionDueAt < at;
    const status = weighted(decisionPassed ? DECIDED : CURRENT);
    const seq = (sequence.get(call.id) ?? 0) + 1;
    sequence.set(call.id, seq);
    const span = call.closesAt.getTime() - call.opensAt.getTime();
    const submittedAt = new Date(call.opensAt.getTime() + rng.next() * span);
    const requestedCents = rng.int(50, 1500) * 10_000;
    const decided = ["APPROVED", "PARTIALLY_APPROVED", "REFUSED"].includes(status);
    const proposed = decided || status === "PROPOSED";
    const id = randomUUID();
    applications.push({
      id,
      callId: call.id,
      organisationId,
      status,
      formKey: "bench",
      formVersion: 1,
      data: JSON.stringify(answers()),
      reference: formatReference(call.programme.code, call.year, seq),
      submittedAt,
      requestedCents: call.programme.code === "ERK" ? null : requestedCents,
      assigneeId: status === "SUBMITTED" ? (rng.chance(0.3) ? rng.pick(reviewers) : null) : rng.pick(reviewers),
      proposedOutcome: proposed ? (status === "PROPOSED" ? "APPROVED" : status) : null,
      proposedCents: proposed && call.programme.code !== "ERK" ? requestedCents : null,
      grantedCents: status === "APPROVED" ? requestedCents : status === "PARTIALLY_APPROVED" ? Math.round(requestedCents / 2) : null,
      decidedAt: decided ? addDays(call.closesAt, rng.int(20, 100)) : null,
    });
    if (status === "INFO_REQUESTED") {
      infoRequests.push({
        applicationId: id,
        questions: "Graag een toelichting bij de begroting.",
        dueAt: addDays(at, rng.int(-20, 20)),
        requestedById: rng.pick(reviewers),
      });
    } else if (decided && rng.chance(0.2)) {
      infoRequests.push({
        applicationId: id,
        questions: "Graag een toelichting.",
        dueAt: addDays(call.closesAt, 30),
        requestedById: rng.pick(reviewers),
        answer: "Zie bijlage.",
        answeredAt: addDays(call.closesAt, 20),
      });
    }
  }
  for (let i = 0; i < applications.length; i += 500) await db.application.createMany({ data: applications.slice(i, i + 500) });
  for (let i = 0; i < infoRequests.length; i += 500) await db.informationRequest.createMany({ data: infoRequests.slice(i, i + 500) });
  for (const [callId, last] of sequence) await db.call.update({ where: { id: callId }, data: { lastReference: last } });
  return { reviewers, calls, applications, infoRequests: infoRequests.length };
}

/**
 * Times every case RUNS times, round-robin (case 1, 2, ... n, then again), so that load from
 * other processes on the machine falls on all cases alike and the ratios stay meaningful.
 */
async function measureAll(cases: Array<() => Promise<unknown>>) {
  for (let i = 0; i < WARMUP; i++) for (const fn of cases) await fn();
  const times = cases.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) {
    for (const [index, fn] of cases.entries()) {
      const started = performance.now();
      await fn();
      times[index]!.push(performance.now() - started);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(list.length / 2)]!, p95: list[Math.min(list.length - 1, Math.ceil(list.length * 0.95) - 1)]! };
  });
}

async function main() {
  const dir = path.resolve(".cache/bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `queue-${process.pid}.db`);
  const url = `file:${file}`;
  const started = performance.now();
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = createPrismaClient(url);
  try {
    await configureDatabase(db);
    const at = new Date();
    const seeded = await seedBench(db, at);
    const dropped = process.env.BENCH_DROP_INDEX;
    if (dropped) {
      if (!/^\w+$/.test(dropped)) throw new Error(`Ongeldige indexnaam: ${dropped}`);
      await db.$executeRawUnsafe(`DROP INDEX "${dropped}"`);
      console.log(`Gemeten zonder index ${dropped}.`);
    }
    await db.$executeRawUnsafe("ANALYZE");
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Benchmark-database ${file}: ${seeded.applications.length} dossiers, ${seeded.calls.length} oproepen, ` +
        `${await db.organisation.count()} organisaties, ${seeded.infoRequests} vragen om informatie (klaar in ${seconds} s).`,
    );

    const context: QueueContext = { viewerId: seeded.reviewers[0]!, now: at };
    const filter = (overrides: Partial<QueueFilter>): QueueFilter => ({ ...DEFAULT_QUEUE_FILTER, ...overrides });
    const middle = seeded.applications[Math.floor(seeded.applications.length / 2)]!;
    const current = seeded.calls.find((c) => c.year === 2027 && c.programme.code === "RAD")!;
    const viewer: Viewer = {
      userId: seeded.reviewers[0]!,
      email: "bench@agii.example",
      firstName: "Bench",
      lastName: "Mark",
      staffRoles: ["REVIEWER"],
      memberships: [],
      activeOrganisationId: null,
    };

    const cases: Array<[string, () => Promise<unknown>]> = [
      ["Basislijn: findMany 25 rijen op primaire sleutel", () => db.application.findMany({ take: 25, orderBy: { id: "asc" } })],
      ["Standaardweergave (lopend, oudste eerst)", () => queuePage(filter({}), context, db)],
      ["Provincie + status (Limburg, in behandeling)", () => queuePage(filter({ province: "Limburg", status: "IN_REVIEW" }), context, db)],
      [`Zoeken op dossiernummer (${middle.reference})`, () => queuePage(filter({ q: middle.reference!, status: "alle" }), context, db)],
      ['Zoeken op naam ("Sint", alle statussen)', () => queuePage(filter({ q: "Sint", status: "alle" }), context, db)],
      ['Zoeken op naam ("gent", lopend)', () => queuePage(filter({ q: "gent" }), context, db)],
      ["Pagina 200 (alle statussen)", () => queuePage(filter({ status: "alle", page: 200 }), context, db)],
      ["Over tijd", () => queuePage(filter({ overdue: true }), context, db)],
      ["Aan mij toegewezen", () => queuePage(filter({ assignee: "mij" }), context, db)],
      [
        "Niet toegewezen, sorteren op bedrag (aflopend)",
        () => queuePage(filter({ assignee: "niemand", sort: "bedrag", direction: "af" }), context, db),
      ],
      [
        "Programma RAD, sorteren op organisatie (alle)",
        () => queuePage(filter({ programme: "RAD", status: "alle", sort: "organisatie" }), context, db),
      ],
      ["Oproep, sorteren op beslissingsdatum", () => queuePage(filter({ callId: current.id, sort: "beslissing" }), context, db)],
      ["Snelkoppelingen (tellers per status)", () => queueShortcuts(context, db)],
      ["Beslissingstermijnen (dashboard)", () => openDecisionDeadlines(at, db)],
      ["Overzicht van een oproep", () => callOverview(current.id, at, db)],
      ["CSV-export van een oproep (met audit)", () => exportCall(viewer, current.id, "csv", db)],
    ];

    const results = (await measureAll(cases.map(([, fn]) => fn))).map((figures, index) => ({ label: cases[index]![0], ...figures }));
    const baseline = results[0]!.median;
    const width = Math.max(...results.map((r) => r.label.length));
    console.log(`\n${"Query".padEnd(width)}  mediaan   p95      verhouding`);
    for (const r of results) {
      console.log(
        `${r.label.padEnd(width)}  ${r.median.toFixed(2).padStart(6)} ms ${r.p95.toFixed(2).padStart(6)} ms  ${(r.median / baseline).toFixed(1).padStart(6)}×`,
      );
    }
    console.log(
      `\n${RUNS} metingen per query (afwisselend, na ${WARMUP} rondes om op te warmen); verhouding = mediaan / mediaan van de basislijn.`,
    );
  } finally {
    await db.$disconnect();
    if (!process.env.BENCH_KEEP) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error("Benchmark mislukt:", error);
  process.exitCode = 1;
});
