/**
 * Demo organisations identified by KBO number: OCMW Leuven and candidate partner organisations
 * (fictional vzw's) for the recognition procedure on radicalisation and polarisation.
 * The KBO numbers satisfy the mod-97 check (last two digits = 97 - first eight mod 97).
 */
import type { PrismaClient } from "~/db.server";
import { isValidKboNumber, type OrganisationKind, type Province } from "~/domain/organisation";
import { changedFields, hasChanges, tally, type Outcome, type Tally } from "./sync";

export type DemoOrganisation = {
  kboNumber: string;
  name: string;
  kind: OrganisationKind;
  province: Province;
};

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { kboNumber: "0212239958", name: "OCMW Leuven", kind: "OCMW", province: "Vlaams-Brabant" },
  { kboNumber: "0456123494", name: "vzw Brugwerk", kind: "VZW", province: "West-Vlaanderen" },
  { kboNumber: "0823145661", name: "vzw Dialoogwerf", kind: "VZW", province: "Antwerpen" },
  { kboNumber: "0734581295", name: "vzw Tussenruimte", kind: "VZW", province: "Oost-Vlaanderen" },
  { kboNumber: "0667241917", name: "vzw Veerkracht Limburg", kind: "VZW", province: "Limburg" },
];

export async function seedDemoOrganisations(
  prisma: PrismaClient,
  organisations: readonly DemoOrganisation[] = DEMO_ORGANISATIONS,
): Promise<Tally> {
  const outcomes: Outcome[] = [];
  for (const { kboNumber, ...desired } of organisations) {
    if (!isValidKboNumber(kboNumber)) throw new Error(`Ongeldig ondernemingsnummer voor ${desired.name}: ${kboNumber}`);
    const existing = await prisma.organisation.findUnique({ where: { kboNumber } });
    if (!existing) {
      await prisma.organisation.create({ data: { kboNumber, ...desired } });
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
  return tally(outcomes);
}
