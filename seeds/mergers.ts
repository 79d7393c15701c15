/**
 * The real 2025 merger Galmaarden + Gooik + Herne -> Pajottegem (23106), so the demo shows
 * read-only predecessors. The CSV holds only the 285 municipalities after the mergers; the
 * predecessors' old NIS codes come from Statbel's list of the 2025 mergers.
 * Demo data only: the reference seed keeps exactly the 285 current municipalities.
 */
import type { PrismaClient } from "~/db.server";
import { mergedAtFor } from "~/domain/merger";
import { changedFields, hasChanges, tally, type Outcome, type Tally } from "./sync";

export type HistoricMerger = {
  successorNisCode: string;
  mergedOn: string;
  predecessors: ReadonlyArray<{ nisCode: string; name: string }>;
};

export const DEMO_MERGERS: readonly HistoricMerger[] = [
  {
    successorNisCode: "23106",
    mergedOn: "2025-01-01",
    predecessors: [
      { nisCode: "23023", name: "Galmaarden" },
      { nisCode: "23024", name: "Gooik" },
      { nisCode: "23032", name: "Herne" },
    ],
  },
];

/** Upserts each predecessor as a GEMEENTE merged into its successor (found by NIS code). */
export async function seedDemoMergers(prisma: PrismaClient, mergers: readonly HistoricMerger[] = DEMO_MERGERS): Promise<Tally> {
  const outcomes: Outcome[] = [];
  for (const merger of mergers) {
    const successor = await prisma.organisation.findUniqueOrThrow({
      where: { nisCode: merger.successorNisCode },
      select: { id: true, province: true },
    });
    for (const { nisCode, name } of merger.predecessors) {
      const desired = {
        name,
        kind: "GEMEENTE",
        province: successor.province,
        successorId: successor.id,
        mergedAt: mergedAtFor(merger.mergedOn),
      };
      const existing = await prisma.organisation.findUnique({ where: { nisCode } });
      if (!existing) {
        await prisma.organisation.create({ data: { nisCode, ...desired } });
        outcomes.push("created");
        continue;
      }
      const changes = changedFields(existing, desired);
      if (hasChanges(changes)) {
        await prisma.organisation.update({ where: { id: existing.id }, data: changes });
        outcomes.push("updated");
      } else {
        outcomes.push("unchanged");
      }
    }
  }
  return tally(outcomes);
}
