/**
 * Demo organisations identified by KBO number: OCMW Leuven and candidate partner organisations
 * (fictional vzw's) for the recognition procedure on radicalisation and polarisation.
 * The KBO numbers satisfy the mod-97 check (last two digits = 97 - first eight mod 97).
 * Their postal addresses (printed on decision letters) are made up, like the vzw's.
 */
import type { PrismaClient } from "~/db.server";
import { isValidKboNumber, type OrganisationKind, type Province } from "~/domain/organisation";
import { changedFields, hasChanges, tally, type Outcome, type Tally } from "./sync";

export type PostalAddress = { addressStreet: string; addressPostalCode: string; addressCity: string };

export type DemoOrganisation = {
  kboNumber: string;
  name: string;
  kind: OrganisationKind;
  province: Province;
  /** No access to ACM/IDM: its members log in with a password (set at creation only, then the administrators' choice) */
  passwordLoginAllowed?: boolean;
} & PostalAddress;

const address = (addressStreet: string, addressPostalCode: string, addressCity: string): PostalAddress => ({
  addressStreet,
  addressPostalCode,
  addressCity,
});

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    kboNumber: "0212239958",
    name: "OCMW Leuven",
    kind: "OCMW",
    province: "Vlaams-Brabant",
    ...address("Professor Van Overstraetenplein 1", "3000", "Leuven"),
  },
  {
    kboNumber: "0456123494",
    name: "vzw Brugwerk",
    kind: "VZW",
    province: "West-Vlaanderen",
    ...address("Langestraat 112", "8000", "Brugge"),
  },
  {
    kboNumber: "0823145661",
    name: "vzw Dialoogwerf",
    kind: "VZW",
    province: "Antwerpen",
    ...address("Turnhoutsebaan 45", "2140", "Antwerpen"),
  },
  {
    kboNumber: "0734581295",
    name: "vzw Tussenruimte",
    kind: "VZW",
    passwordLoginAllowed: true,
    province: "Oost-Vlaanderen",
    ...address("Sleepstraat 62", "9000", "Gent"),
  },
  {
    kboNumber: "0667241917",
    name: "vzw Veerkracht Limburg",
    kind: "VZW",
    province: "Limburg",
    ...address("Kuringersteenweg 21", "3500", "Hasselt"),
  },
];

/**
 * The town halls of the local governments with sample dossiers, by NIS code: demo data, so that
 * their decision letters carry an address (the municipalities CSV has none).
 */
export const DEMO_LOCAL_GOVERNMENT_ADDRESSES: ReadonlyArray<{ nisCode: string } & PostalAddress> = [
  { nisCode: "11002", ...address("Grote Markt 1", "2000", "Antwerpen") },
  { nisCode: "44021", ...address("Botermarkt 1", "9000", "Gent") },
  { nisCode: "24062", ...address("Professor Van Overstraetenplein 1", "3000", "Leuven") },
  { nisCode: "21000", ...address("Emile Jacqmainlaan 135", "1000", "Brussel") },
];

/** Sets the demo addresses of local governments (reference data), leaving everything else alone. */
export async function seedDemoAddresses(
  prisma: PrismaClient,
  addresses: typeof DEMO_LOCAL_GOVERNMENT_ADDRESSES = DEMO_LOCAL_GOVERNMENT_ADDRESSES,
): Promise<Tally> {
  const outcomes: Outcome[] = [];
  for (const { nisCode, ...desired } of addresses) {
    const existing = await prisma.organisation.findUnique({ where: { nisCode } });
    if (!existing) throw new Error(`Organisatie met NIS-code ${nisCode} bestaat niet (eerst referentiedata seeden).`);
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

export async function seedDemoOrganisations(
  prisma: PrismaClient,
  organisations: readonly DemoOrganisation[] = DEMO_ORGANISATIONS,
): Promise<Tally> {
  const outcomes: Outcome[] = [];
  for (const { kboNumber, passwordLoginAllowed, ...desired } of organisations) {
    if (!isValidKboNumber(kboNumber)) throw new Error(`Ongeldig ondernemingsnummer voor ${desired.name}: ${kboNumber}`);
    const existing = await prisma.organisation.findUnique({ where: { kboNumber } });
    if (!existing) {
      await prisma.organisation.create({ data: { kboNumber, ...desired, passwordLoginAllowed: passwordLoginAllowed ?? false } });
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
