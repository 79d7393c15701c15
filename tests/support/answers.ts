import type { RawValues } from "~/forms/types";

/**
 * Complete, valid answers per form, as an official would type them (Belgian notation), by
 * step, so tests can post them step by step or store them as a draft at once.
 */
export const OEFENKANSEN_ANSWERS = {
  organisatie: {
    contactVoornaam: "An",
    contactAchternaam: "Peeters",
    contactFunctie: "Coördinator integratie",
    contactTelefoon: "016 27 20 00",
    contactEmail: "an.peeters@leuven.example",
    aanvraagVorm: "alleen",
  },
  "huidig-aanbod": {
    huidigAanbod: "Twee taalcafés in de bibliotheek en een wandelgroep.",
    taalbeleid: "Het project is actie 4 van ons lokaal taalbeleidsplan.",
    doorverwijzingNT2: "Via het Agentschap en de centra voor volwassenenonderwijs.",
    samenwerkingAgII: "Maandelijks overleg met de regioverantwoordelijke van AgII.",
  },
  activiteiten: {
    "activiteiten.0._row": "1",
    "activiteiten.0.soort": "taalcafe",
    "activiteiten.0.omschrijving": "Wekelijks taalcafé in de bibliotheek",
    "activiteiten.0.doelgroep": "inburgeraars",
    "activiteiten.0.niveau": "A2",
    "activiteiten.0.frequentie": "wekelijks",
    "activiteiten.0.locatie": "Stadsbibliotheek Tweebronnen",
    "activiteiten.0.partners": "Bibliotheek, Huis van het Nederlands",
  },
  begroting: {
    verwachteLeerders: "300",
    personeelskosten: "30.000,00",
    werkingskosten: "6.000",
    andereKosten: "",
    gevraagdBedrag: "18.000,00",
    begrotingToelichting: "0,5 VTE coördinator (B1-B3) en werkingsmiddelen voor materiaal en zaalhuur.",
  },
  rekening: {
    iban: "BE68 5390 0754 7034",
    rekeninghouder: "Stad Leuven",
    gebruikelijkeRekening: "ja",
  },
  verklaring: {
    verklaringOpEer: "on",
    verklaringIntegriteit: "on",
  },
} satisfies Record<string, Record<string, string>>;

/** The same answers as one stored draft (the shape the wizard saves). */
export function oefenkansenDraft(): RawValues {
  const values: RawValues = {};
  for (const step of Object.values(OEFENKANSEN_ANSWERS)) {
    for (const [name, value] of Object.entries(step)) {
      if (name.startsWith("activiteiten.")) continue;
      values[name] = value === "on" ? true : value;
    }
  }
  values.activiteiten = [
    {
      soort: "taalcafe",
      omschrijving: "Wekelijks taalcafé in de bibliotheek",
      doelgroep: ["inburgeraars"],
      niveau: "A2",
      frequentie: "wekelijks",
      locatie: "Stadsbibliotheek Tweebronnen",
      partners: "Bibliotheek, Huis van het Nederlands",
    },
  ];
  return values;
}
