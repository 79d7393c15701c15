/**
 * The 285 Flemish municipalities (1 January 2025, after the mergers), from
 * seeds/flemish-municipalities-2025.csv. Reference data: safe to seed in production.
 */
import { fileURLToPath } from "node:url";
import type { PrismaClient, Tx } from "~/db.server";
import { nisCodeSchema, provinceSchema, type Province } from "~/domain/organisation";
import { readCsvRecords } from "./csv";
import { changedFields, emptyTally, hasChanges, tally, type Outcome, type Tally } from "./sync";

export const MUNICIPALITIES_CSV = fileURLToPath(new URL("./flemish-municipalities-2025.csv", import.meta.url));
export const MUNICIPALITY_COUNT = 285;
const COLUMNS = ["nis_code", "name_nl", "province_nl", "arrondissement_nis"] as const;

export type Municipality = {
  nisCode: string;
  name: string;
  province: Exclude<Province, "Brussel">;
  arrondissementNis: string;
};

/** Reads and validates the CSV: 5-digit codes, known Flemish provinces, no duplicates, 285 rows. */
export function loadMunicipalities(file = MUNICIPALITIES_CSV): Municipality[] {
  const seen = new Set<string>();
  const municipalities = readCsvRecords(file, COLUMNS).map((record, index): Municipality => {
    const where = `${file}, rij ${index + 2}`;
    const nisCode = nisCodeSchema.safeParse(record.nis_code);
    const arrondissement = nisCodeSchema.safeParse(record.arrondissement_nis);
    const province = provinceSchema.safeParse(record.province_nl);
    if (!nisCode.success) throw new Error(`${where}: ongeldige NIS-code "${record.nis_code}".`);
    if (!arrondissement.success) throw new Error(`${where}: ongeldige arrondissementscode "${record.arrondissement_nis}".`);
    if (!province.success || province.data === "Brussel") {
      throw new Error(`${where}: onbekende Vlaamse provincie "${record.province_nl}".`);
    }
    const name = record.name_nl.normalize("NFC");
    if (!name) throw new Error(`${where}: naam ontbreekt.`);
    if (seen.has(nisCode.data)) throw new Error(`${where}: NIS-code ${nisCode.data} komt twee keer voor.`);
    seen.add(nisCode.data);
    return { nisCode: nisCode.data, name, province: province.data, arrondissementNis: arrondissement.data };
  });
  if (municipalities.length !== MUNICIPALITY_COUNT) {
    throw new Error(`${file}: ${municipalities.length} gemeenten, verwacht ${MUNICIPALITY_COUNT}.`);
  }
  return municipalities;
}

export type MunicipalitySync = {
  tally: Tally;
  created: Array<{ nisCode: string; name: string }>;
  updated: Array<{
    nisCode: string;
    name: string;
    changes: Partial<Record<"name" | "kind" | "province", { from: string | null; to: string }>>;
  }>;
};

/**
 * Upserts every municipality as an Organisation of kind GEMEENTE, keyed by NIS code, inside
 * the caller's transaction, and says what it did (the admin page "Gemeenten bijwerken" shows it).
 * Organisations whose NIS code is not in the list (e.g. merged predecessors) are left alone.
 */
export async function syncMunicipalities(tx: Tx, municipalities: readonly Municipality[]): Promise<MunicipalitySync> {
  const existing = await tx.organisation.findMany({
    where: { nisCode: { in: municipalities.map((m) => m.nisCode) } },
    select: { id: true, nisCode: true, name: true, kind: true, province: true },
  });
  const byNisCode = new Map(existing.map((organisation) => [organisation.nisCode, organisation]));
  const outcomes: Outcome[] = [];
  const toCreate = [];
  const result: MunicipalitySync = { tally: emptyTally(), created: [], updated: [] };
  for (const municipality of municipalities) {
    const desired = { name: municipality.name, kind: "GEMEENTE", province: municipality.province };
    const current = byNisCode.get(municipality.nisCode);
    if (!current) {
      toCreate.push({ ...desired, nisCode: municipality.nisCode });
      result.created.push({ nisCode: municipality.nisCode, name: municipality.name });
      outcomes.push("created");
      continue;
    }
    const changes = changedFields(current, desired);
    if (hasChanges(changes)) {
      await tx.organisation.update({ where: { id: current.id }, data: changes });
      result.updated.push({
        nisCode: municipality.nisCode,
        name: municipality.name,
        changes: Object.fromEntries(
          Object.entries(changes).map(([field, to]) => [field, { from: current[field as keyof typeof desired], to }]),
        ),
      });
      outcomes.push("updated");
    } else {
      outcomes.push("unchanged");
    }
  }
  if (toCreate.length > 0) await tx.organisation.createMany({ data: toCreate });
  result.tally = tally(outcomes);
  return result;
}

/** Upserts every municipality as an Organisation of kind GEMEENTE, keyed by NIS code. */
export async function seedMunicipalities(prisma: PrismaClient, municipalities = loadMunicipalities()): Promise<Tally> {
  return (await prisma.$transaction((tx) => syncMunicipalities(tx, municipalities))).tally;
}
