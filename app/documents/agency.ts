/**
 * The agency as its letters name it: letterhead, general contact, legal identity.
 *
 * CONFIGURE BEFORE PRODUCTION: the postal address and the e-mail address below are plausible
 * placeholders (the policy texts in shared/reference give neither). They are in this one place so
 * that the agency's communication service can set them once for every letter.
 */
export type Contact = { name: string; email: string; phone?: string };

export const AGENCY = {
  name: "Agentschap Integratie en Inburgering",
  /** Placeholder: confirm with the agency. */
  addressLines: ["Koning Albert II-laan 15", "1210 Brussel"],
  /** Placeholder: confirm with the agency. */
  contact: { name: "Agentschap Integratie en Inburgering", email: "info@integratie-inburgering.be" } satisfies Contact,
  website: "www.integratie-inburgering.be",
} as const;
