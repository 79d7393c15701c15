import * as z from "zod";

export const ORGANISATION_KINDS = ["GEMEENTE", "OCMW", "VGC", "IGS", "VZW", "OTHER"] as const;
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  GEMEENTE: "Gemeente",
  OCMW: "OCMW",
  VGC: "Vlaamse Gemeenschapscommissie",
  IGS: "Intergemeentelijk samenwerkingsverband",
  VZW: "Vzw",
  OTHER: "Andere organisatie",
};

/** Kinds that are a lokaal bestuur and are identified by an NIS code. */
export const LOCAL_GOVERNMENT_KINDS: readonly OrganisationKind[] = ["GEMEENTE", "OCMW", "VGC", "IGS"];

export const PROVINCES = [
  "Antwerpen",
  "Limburg",
  "Oost-Vlaanderen",
  "Vlaams-Brabant",
  "West-Vlaanderen",
  "Brussel",
] as const;
export const provinceSchema = z.enum(PROVINCES);
export type Province = z.infer<typeof provinceSchema>;

export const nisCodeSchema = z.string().trim().regex(/^\d{5}$/, "Een NIS-code bestaat uit 5 cijfers.");

/** Strips the punctuation of an ondernemingsnummer: "0123.456.749" -> "0123456749". */
export function normaliseKboNumber(input: string): string {
  return input.replace(/[\s.]/g, "").replace(/^BE/i, "");
}

/**
 * Belgian enterprise numbers: 10 digits, starting with 0 or 1, whose last two digits are
 * 97 minus (the first eight digits modulo 97).
 */
export function isValidKboNumber(input: string): boolean {
  const digits = normaliseKboNumber(input);
  if (!/^[01]\d{9}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  return 97 - (base % 97) === check;
}

export function formatKboNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

export const kboNumberSchema = z
  .string()
  .trim()
  .refine(isValidKboNumber, "Geef een geldig ondernemingsnummer op (formaat 0123.456.749).")
  .transform(normaliseKboNumber);

/** Organisations a partner organisation can be created as by an administrator. */
export const PARTNER_KINDS = ["VZW", "OTHER"] as const satisfies readonly OrganisationKind[];

/**
 * A predecessor of a municipal merger: it keeps its history, but nobody acts in its name any
 * more. `successorId` is the single source of truth (Viewer.memberships[].readOnly too).
 */
export function isReadOnlyOrganisation(organisation: { successorId: string | null }): boolean {
  return organisation.successorId !== null;
}

/** Why a predecessor cannot start or change an application, naming where to go instead. */
export function mergedOrganisationMessage(successorName: string): string {
  return `Deze organisatie is opgegaan in ${successorName}. Dien de aanvraag in namens ${successorName}.`;
}
