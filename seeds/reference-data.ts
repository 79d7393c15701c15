/**
 * Reference data: the 285 municipalities, the VGC, the four programmes and their real
 * 2025-2026 calls. No demo content, safe for production.
 */
import type { PrismaClient } from "~/db.server";
import { HISTORIC_CALLS, seedCalls } from "./calls";
import { loadMunicipalities, seedMunicipalities } from "./municipalities";
import { seedStoredForms } from "./forms";
import { seedProgrammes } from "./programmes";
import { changedFields, hasChanges, tally, type Outcome, type SeedReport } from "./sync";

/** The VGC applies for Brussels; its NIS code is that of the arrondissement Brussel-Hoofdstad. */
export const VGC = {
  nisCode: "21000",
  name: "Vlaamse Gemeenschapscommissie",
  kind: "VGC",
  province: "Brussel",
} as const;

export async function seedVgc(prisma: PrismaClient): Promise<Outcome> {
  const { nisCode, ...desired } = VGC;
  const existing = await prisma.organisation.findUnique({ where: { nisCode } });
  if (!existing) {
    await prisma.organisation.create({ data: { nisCode, ...desired } });
    return "created";
  }
  const changes = changedFields(existing, desired);
  if (!hasChanges(changes)) return "unchanged";
  await prisma.organisation.update({ where: { id: existing.id }, data: changes });
  return "updated";
}

export async function seedReferenceData(prisma: PrismaClient): Promise<SeedReport> {
  const gemeenten = await seedMunicipalities(prisma, loadMunicipalities());
  const vgc = tally([await seedVgc(prisma)]);
  const programmas = await seedProgrammes(prisma);
  const formulieren = await seedStoredForms(prisma);
  const { tally: oproepen } = await seedCalls(prisma, HISTORIC_CALLS);
  return { gemeenten, vgc, programmas, formulieren, oproepen };
}
