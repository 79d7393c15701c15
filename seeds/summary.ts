/** The short Dutch summary printed at the end of a seed run. */
import type { PrismaClient } from "~/db.server";
import { formatTimestamp } from "~/utils/time";
import type { SeedReport } from "./sync";

export type SeedCounts = {
  gemeenten: number;
  vgc: number;
  andereOrganisaties: number;
  opgegaanInFusie: number;
  gebruikers: number;
  medewerkers: number;
  programmas: number;
  oproepen: number;
  openOproepen: number;
  dossiers: number;
  auditgebeurtenissen: number;
};

export async function countSeedData(prisma: PrismaClient, now: Date): Promise<SeedCounts> {
  const [
    gemeenten,
    vgc,
    organisaties,
    opgegaan,
    gebruikers,
    medewerkers,
    programmas,
    oproepen,
    openOproepen,
    dossiers,
    auditgebeurtenissen,
  ] = await Promise.all([
    // Municipalities that exist today: predecessors of a merger are counted apart.
    prisma.organisation.count({ where: { kind: "GEMEENTE", successorId: null } }),
    prisma.organisation.count({ where: { kind: "VGC" } }),
    prisma.organisation.count({ where: { successorId: null } }),
    prisma.organisation.count({ where: { successorId: { not: null } } }),
    prisma.user.count(),
    prisma.user.count({ where: { staffRoles: { some: {} } } }),
    prisma.programme.count(),
    prisma.call.count(),
    prisma.call.count({ where: { opensAt: { lte: now }, closesAt: { gte: now } } }),
    prisma.application.count(),
    prisma.auditEvent.count(),
  ]);
  return {
    gemeenten,
    vgc,
    andereOrganisaties: organisaties - gemeenten - vgc,
    opgegaanInFusie: opgegaan,
    gebruikers,
    medewerkers,
    programmas,
    oproepen,
    openOproepen,
    dossiers,
    auditgebeurtenissen,
  };
}

export function formatSeedSummary(input: { counts: SeedCounts; report: SeedReport; demo: boolean; now: Date; durationMs: number }): string {
  const { counts, report } = input;
  const run = Object.values(report).reduce(
    (sum, t) => ({ created: sum.created + t.created, updated: sum.updated + t.updated, unchanged: sum.unchanged + t.unchanged }),
    { created: 0, updated: 0, unchanged: 0 },
  );
  const seconds = (input.durationMs / 1000).toLocaleString("nl-BE", { maximumFractionDigits: 1 });
  return [
    `Seed voltooid (${input.demo ? "met" : "zonder"} demogegevens, seedtijdstip ${formatTimestamp(input.now)}).`,
    `  Gemeenten: ${counts.gemeenten} · VGC: ${counts.vgc} · andere organisaties: ${counts.andereOrganisaties} · opgegaan in een fusie: ${counts.opgegaanInFusie}`,
    `  Gebruikers: ${counts.gebruikers} (waarvan ${counts.medewerkers} AgII-medewerkers) · programma's: ${counts.programmas}`,
    `  Oproepen: ${counts.oproepen} (${counts.openOproepen} open) · dossiers: ${counts.dossiers} · auditgebeurtenissen: ${counts.auditgebeurtenissen}`,
    `  Deze run: ${run.created} aangemaakt, ${run.updated} bijgewerkt, ${run.unchanged} ongewijzigd (${seconds} s).`,
  ].join("\n");
}
