/**
 * Entry point: `tsx seeds/seed.ts` (npm run db:seed). Seeds DATABASE_URL (default
 * file:./prisma/dev.db) with the reference data and the demo data (SEED_DEMO=true|false;
 * by default demo data is seeded outside production only).
 * Idempotent: every row is found by its natural key (NIS code, KBO number, e-mail, programme
 * code, programme + call title, call + organisation for dossiers) and only created or updated
 * when needed, so a second run changes nothing.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createPrismaClient, databaseUrl, type PrismaClient } from "~/db.server";
import { now as clockNow } from "~/utils/clock.server";
import { seedDemoData } from "./demo-data";
import { seedReferenceData } from "./reference-data";
import { countSeedData, formatSeedSummary } from "./summary";
import type { SeedReport } from "./sync";

export { seedReferenceData } from "./reference-data";
export { seedDemoData } from "./demo-data";
export { countSeedData, formatSeedSummary } from "./summary";

export type SeedOptions = {
  /** Seed demo organisations, accounts, demo rounds and dossiers too. */
  demo: boolean;
  /** The seed time: demo rounds are open at this instant. Defaults to the portal clock. */
  now?: Date;
};

export async function seed(prisma: PrismaClient, options: SeedOptions): Promise<SeedReport> {
  const now = options.now ?? clockNow();
  const report = await seedReferenceData(prisma);
  if (!options.demo) return report;
  return { ...report, ...(await seedDemoData(prisma, { now })) };
}

async function main(): Promise<void> {
  const started = performance.now();
  // Demo accounts with published passwords never reach production unless asked for explicitly.
  const demo = process.env.SEED_DEMO ? process.env.SEED_DEMO === "true" : process.env.NODE_ENV !== "production";
  const now = clockNow();
  const prisma = createPrismaClient(databaseUrl());
  try {
    const report = await seed(prisma, { demo, now });
    const counts = await countSeedData(prisma, now);
    console.log(formatSeedSummary({ counts, report, demo, now, durationMs: performance.now() - started }));
  } finally {
    await prisma.$disconnect();
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error("Seed mislukt:", error);
    process.exitCode = 1;
  });
}
