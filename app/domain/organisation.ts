import * as z from "zod/mini";
import { isValidKboNumber, normaliseKboNumber } from "./kbo";
import { PROVINCES } from "./provinces";

// KBO numbers and provinces live in zod-free modules (the wizard needs them in the browser);
// re-exported here for everyone else.
export { formatKboNumber, isValidKboNumber, normaliseKboNumber } from "./kbo";
export { PROVINCES, type Province } from "./provinces";

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

export const provinceSchema = z.enum(PROVINCES);

export const nisCodeSchema = z.string().check(z.trim(), z.regex(/^\d{5}$/, "Een NIS-code bestaat uit 5 cijfers."));

export const kboNumberSchema = z.pipe(
  z.string().check(z.trim(), z.refine(isValidKboNumber, "Geef een geldig ondernemingsnummer op (formaat 0123.456.749).")),
  z.transform(normaliseKboNumber),
);

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
