/**
 * Demo content: organisations, demo accounts, an open demo round per programme and sample
 * dossiers (also in the historic 2026 calls) with the letters of the decided ones and the paid
 * advances of the granted ones. Assumes the
 * reference data is already seeded.
 */
import type { PrismaClient } from "~/db.server";
import { seedSampleDossiers } from "./applications";
import { HISTORIC_CALLS, demoRoundCalls, seedCalls } from "./calls";
import { seedDecisionLetters } from "./decision-letters";
import { seedDemoMergers } from "./mergers";
import { seedDemoAddresses, seedDemoOrganisations } from "./organisations";
import { seedAdvancePayments } from "./payments";
import type { SeedReport } from "./sync";
import { seedDemoUsers } from "./users";

export async function seedDemoData(prisma: PrismaClient, options: { now: Date }): Promise<SeedReport> {
  const organisaties = await seedDemoOrganisations(prisma);
  const adressen = await seedDemoAddresses(prisma);
  const fusies = await seedDemoMergers(prisma);
  const userReport = await seedDemoUsers(prisma);
  // The historic calls exist already (reference data); listing them again only fetches them.
  const { tally: oproepen, calls } = await seedCalls(prisma, [...HISTORIC_CALLS, ...demoRoundCalls(options.now)]);
  const dossiers = await seedSampleDossiers(prisma, { now: options.now, calls });
  const beslissingsbrieven = await seedDecisionLetters(prisma);
  const voorschotten = await seedAdvancePayments(prisma);
  return { organisaties, adressen, fusies, ...userReport, demorondes: oproepen, dossiers, beslissingsbrieven, voorschotten };
}
