import type { OrganisationKind } from "~/domain/organisation";
import type { DecisionLetterInput } from "./decision-letter.server";
import type { LetterProgramme, LetterSettings } from "./letter-texts";

/**
 * The made-up dossier of a letter preview: an administrator reads a call's letter texts in
 * place before a real decision uses them. Nothing in it comes from a real dossier, and every
 * value says it is an example. The organisation is of the first kind the call admits, so the
 * letter is addressed to the board that kind has.
 */
const SAMPLE_ORGANISATIONS: Record<OrganisationKind, string> = {
  GEMEENTE: "Voorbeeldstad",
  OCMW: "OCMW Voorbeeldstad",
  VGC: "Vlaamse Gemeenschapscommissie",
  IGS: "Intergemeentelijke vereniging Voorbeeldstreek",
  VZW: "Voorbeeld vzw",
  OTHER: "Voorbeeldorganisatie",
};

export const SAMPLE_AMOUNT_CENTS = 2_500_000;

export function sampleLetterInput(input: {
  programme: LetterProgramme & { name: string };
  call: { title: string; year: number; opensAt: Date; closesAt: Date; eligibleKinds: OrganisationKind[]; recognitionStartsOn?: string };
  letter: LetterSettings;
  at: Date;
}): DecisionLetterInput {
  const kind = input.call.eligibleKinds[0] ?? "GEMEENTE";
  const recognition = input.programme.kind === "RECOGNITION";
  const startsOn = input.call.recognitionStartsOn ?? `${input.call.year}-01-01`;
  const endsOn = `${Number(startsOn.slice(0, 4)) + 5}-12-31`;
  return {
    reference: `${input.programme.code}-${input.call.year}-VOORBEELD`,
    organisation: {
      name: SAMPLE_ORGANISATIONS[kind],
      kind,
      address: { street: "Voorbeeldstraat 1", postalCode: "0000", city: "Voorbeeldstad" },
    },
    declaredAddress: null,
    contactPerson: { name: "Voornaam Achternaam", role: "contactpersoon (voorbeeld)" },
    programme: input.programme,
    call: { title: input.call.title, opensAt: input.call.opensAt, closesAt: input.call.closesAt, letter: input.letter },
    outcome: "APPROVED",
    requestedCents: recognition ? null : SAMPLE_AMOUNT_CENTS,
    grantedCents: recognition ? null : SAMPLE_AMOUNT_CENTS,
    motivation: "Hier komt de motivering van de beslisser. Dit is een voorbeeld: er werd niets beslist.",
    submittedAt: input.call.closesAt < input.at ? input.call.closesAt : input.at,
    decidedAt: input.at,
    recognitionPeriod: recognition ? { startsOn, endsOn } : null,
    signatory: { name: "Naam van de beslisser", jobTitle: null },
    seal: null,
    sample: true,
  };
}
