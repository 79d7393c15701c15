/**
 * The agency as its letters and e-mails name it: letterhead, general contact, legal identity.
 * Read from app/legal/agency.ts, the one place for the agency's contact details (placeholders
 * until the agency confirms them; the legal pages say so while `placeholder` is true).
 */
import { AGENCY as DETAILS } from "~/legal/agency";

export type Contact = { name: string; email: string; phone?: string };

export const AGENCY = {
  name: DETAILS.name,
  addressLines: [DETAILS.address.street, `${DETAILS.address.postcode} ${DETAILS.address.city}`],
  /** Questions about a call or a dossier go to the helpdesk, unless the call names its own contact. */
  contact: {
    name: `${DETAILS.name}, ${DETAILS.helpdesk.name}`,
    email: DETAILS.helpdesk.email,
    phone: DETAILS.helpdesk.phoneDisplay,
  } satisfies Contact,
  website: "www.integratie-inburgering.be",
} as const;
