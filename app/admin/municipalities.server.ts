import path from "node:path";
import { loadMunicipalities, syncMunicipalities, type MunicipalitySync } from "../../seeds/municipalities";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";

/**
 * "Gemeenten bijwerken": the same idempotent upsert as the seed, started by an administrator.
 * The file is read from the working directory (the repository root, as for `public/`): inside
 * the server bundle the seed module's own location is build/, not seeds/.
 */
export function municipalitiesCsvPath(): string {
  return path.resolve(process.cwd(), "seeds", "flemish-municipalities-2025.csv");
}

export async function refreshMunicipalities(actor: { userId: string }): Promise<MunicipalitySync> {
  const municipalities = loadMunicipalities(municipalitiesCsvPath());
  return prisma.$transaction(async (tx) => {
    const result = await syncMunicipalities(tx, municipalities);
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: "ADMIN",
      action: "municipalities.refreshed",
      entityType: "ReferenceData",
      entityId: "flemish-municipalities-2025",
      after: { ...result.tally, created: result.created.map((m) => m.nisCode), updated: result.updated.map((m) => m.nisCode) },
    });
    return result;
  });
}

/** Municipalities that exist today: merged predecessors do not count. */
export function countMunicipalities(): Promise<number> {
  return prisma.organisation.count({ where: { kind: "GEMEENTE", successorId: null } });
}
