import type { OrganisationKind } from "~/domain/organisation";

/**
 * Whom a decision is addressed to: the organ that decides for the organisation (for a
 * municipality its college, for an OCMW its vast bureau, for an association its board), with the
 * greeting that goes with it. Names are used as stored ("Gent", "vzw Brugwerk").
 */
const BOARDS: Record<OrganisationKind, { to: (name: string) => string; greeting: string }> = {
  GEMEENTE: { to: (name) => `het college van burgemeester en schepenen van ${name}`, greeting: "Geacht college" },
  OCMW: { to: (name) => `het vast bureau van ${name}`, greeting: "Geacht vast bureau" },
  VGC: { to: () => "het College van de Vlaamse Gemeenschapscommissie", greeting: "Geacht College" },
  IGS: { to: (name) => `de raad van bestuur van ${name}`, greeting: "Geachte leden van de raad van bestuur" },
  VZW: { to: (name) => `de raad van bestuur van ${name}`, greeting: "Geachte leden van de raad van bestuur" },
  OTHER: { to: (name) => `het bestuur van ${name}`, greeting: "Geachte" },
};

export type PostalAddress = { street: string | null; postalCode: string | null; city: string | null };

export type Addressee = {
  /** "Aan het college van burgemeester en schepenen van Gent" */
  board: string;
  greeting: string;
  /** The lines under the board: contact person, street, postcode and municipality. */
  lines: string[];
};

export function addresseeOf(input: {
  organisationName: string;
  organisationKind: OrganisationKind;
  address: PostalAddress | null;
  /** The address the applicant gave in the form, when the organisation has none on record. */
  declaredAddress: string | null;
  contactPerson: { name: string; role: string | null } | null;
}): Addressee {
  const board = BOARDS[input.organisationKind];
  const lines: string[] = [];
  if (input.contactPerson) lines.push(`t.a.v. ${[input.contactPerson.name, input.contactPerson.role].filter(Boolean).join(", ")}`);
  const { street, postalCode, city } = input.address ?? { street: null, postalCode: null, city: null };
  if (street || postalCode || city) {
    if (street) lines.push(street);
    const place = [postalCode, city].filter(Boolean).join(" ");
    if (place) lines.push(place);
  } else if (input.declaredAddress) {
    lines.push(input.declaredAddress);
  }
  return { board: `Aan ${board.to(input.organisationName)}`, greeting: board.greeting, lines };
}
