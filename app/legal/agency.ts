/**
 * The agency's contact details: the one place the contact page, the privacy statement, the
 * accessibility statement and the footer read them from.
 *
 * PLACEHOLDERS. The domain brief (shared/domain.md) gives no address, telephone number or
 * mailboxes, so these are made-up values on the reserved .example domain. Replace them, and set
 * `placeholder` to false, before the portal goes live: while it is true every legal page says
 * that its contact details are examples.
 */
export const AGENCY = {
  placeholder: true,
  name: "Agentschap Integratie en Inburgering",
  shortName: "AgII",
  /** The team that answers questions about calls, dossiers and the portal */
  helpdesk: {
    name: "Team Subsidies",
    email: "subsidies@agii.example",
    phone: "+32 2 000 00 00",
    phoneDisplay: "02 000 00 00",
    hours: "op werkdagen van 9 tot 12 uur en van 13 tot 16 uur",
  },
  address: { street: "Voorbeeldstraat 1", postcode: "1000", city: "Brussel" },
  /** The data protection officer (functionaris voor gegevensbescherming, AVG art. 37) */
  dpo: { email: "privacy@agii.example" },
  /** Reports of accessibility problems */
  accessibility: { email: "toegankelijkheid@agii.example" },
} as const;

export const AGENCY_POSTAL_ADDRESS = `${AGENCY.address.street}, ${AGENCY.address.postcode} ${AGENCY.address.city}`;
