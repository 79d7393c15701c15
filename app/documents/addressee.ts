import type { OrganisationKind } from "~/domain/organisation";

/**
 * Whom a decision is addressed to: the organ that decides for the organisation (for a
 * municipality its college, for an OCMW its vast bureau, for an association its board), with the
 * greeting that goes with it. Names are used as stored ("Gent", "vzw Brugwerk"). The kind's
 * organ is the rule; an administrator can name another one per organisation
 * (`Organisation.boardName`, e.g. "het beheerscomité" of an interlokale vereniging, "het
 * bestuursorgaan" of a vzw under the WVV).
 */
const BOARDS: Record<OrganisationKind, { to: (name: string) => string; greeting: string }> = {
  GEMEENTE: { to: (name) => `het college van burgemeester en schepenen van ${name}`, greeting: "Geacht college" },
  OCMW: { to: (name) => `het vast bureau van ${name}`, greeting: "Geacht vast bureau" },
  VGC: { to: () => "het College van de Vlaamse Gemeenschapscommissie", greeting: "Geacht College" },
  IGS: { to: (name) => `de raad van bestuur van ${name}`, greeting: "Geachte leden van de raad van bestuur" },
  VZW: { to: (name) => `de raad van bestuur van ${name}`, greeting: "Geachte leden van de raad van bestuur" },
  OTHER: { to: (name) => `het bestuur van ${name}`, greeting: "Geachte" },
};

/** The organ of a kind as the administrators' page shows it, e.g. "het college van burgemeester en schepenen van Gent". */
export function defaultBoardOf(kind: OrganisationKind, organisationName: string): string {
  return BOARDS[kind].to(organisationName);
}

/** An organ named by an administrator: with its article, so the letter reads "Aan het beheerscomité van …". */
export const BOARD_NAME_PATTERN = /^(de|het) \S/;

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
  /** The administrator's name for the organ (with its article); null or empty: the kind's. */
  boardName?: string | null;
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
  const own = input.boardName?.trim();
  if (own) return { board: `Aan ${own} van ${input.organisationName}`, greeting: `Geachte leden van ${own}`, lines };
  return { board: `Aan ${board.to(input.organisationName)}`, greeting: board.greeting, lines };
}
