/**
 * The recurring blocks of Flemish subsidy forms for local governments (shared/domain.md, "How
 * Flemish subsidy forms look"), so every programme asks them the same way.
 */
import type { Field, Option, PrefillContext, RawValues } from "./types";

export const YES_NO: Option[] = [
  { value: "ja", label: "Ja" },
  { value: "nee", label: "Nee" },
];

export function contactPersonFields(): Field[] {
  return [
    { type: "text", name: "contactVoornaam", label: "Voornaam contactpersoon", required: true, maxLength: 100, autoComplete: "given-name" },
    {
      type: "text",
      name: "contactAchternaam",
      label: "Achternaam contactpersoon",
      required: true,
      maxLength: 100,
      autoComplete: "family-name",
    },
    { type: "text", name: "contactFunctie", label: "Functie", required: true, maxLength: 150, autoComplete: "organization-title" },
    {
      type: "phone",
      name: "contactTelefoon",
      label: "Telefoonnummer",
      required: true,
      hint: "Een Belgisch nummer, bv. 016 12 34 56 of 0470 12 34 56.",
    },
    { type: "email", name: "contactEmail", label: "E-mailadres", required: true },
  ];
}

export function prefillContactPerson({ user }: PrefillContext): RawValues {
  return {
    contactVoornaam: user.firstName,
    contactAchternaam: user.lastName,
    contactTelefoon: user.phone ?? "",
    contactEmail: user.email,
  };
}

/** Alone or as a samenwerkingsverband (name, representative, participants, signed agreement). */
export function partnershipFields(): Field[] {
  const inPartnership = { field: "aanvraagVorm", equals: "samenwerkingsverband" };
  return [
    {
      type: "radio",
      name: "aanvraagVorm",
      label: "Dient u deze aanvraag alleen in of als samenwerkingsverband?",
      required: true,
      options: [
        { value: "alleen", label: "Alleen, als één organisatie" },
        { value: "samenwerkingsverband", label: "Als samenwerkingsverband van meerdere organisaties" },
      ],
    },
    {
      type: "text",
      name: "samenwerkingNaam",
      label: "Naam van het samenwerkingsverband",
      required: true,
      maxLength: 200,
      showIf: inPartnership,
    },
    {
      type: "text",
      name: "samenwerkingTrekker",
      label: "Organisatie die het samenwerkingsverband vertegenwoordigt",
      required: true,
      maxLength: 200,
      showIf: inPartnership,
    },
    {
      type: "textarea",
      name: "samenwerkingPartners",
      label: "Deelnemende organisaties",
      hint: "Eén organisatie per regel, met haar rol in het project.",
      required: true,
      maxLength: 1500,
      showIf: inPartnership,
    },
    {
      type: "file",
      name: "samenwerkingsovereenkomst",
      label: "Ondertekende samenwerkingsovereenkomst",
      accept: "pdf",
      maxFiles: 1,
      required: true,
      showIf: inPartnership,
    },
  ];
}

export function bankAccountFields(): Field[] {
  return [
    { type: "iban", name: "iban", label: "Rekeningnummer (IBAN)", required: true, hint: "Bv. BE68 5390 0754 7034." },
    { type: "text", name: "rekeninghouder", label: "Naam van de rekeninghouder", required: true, maxLength: 200 },
    {
      type: "radio",
      name: "gebruikelijkeRekening",
      label: "Is dit het rekeningnummer waarop uw organisatie gewoonlijk subsidies ontvangt?",
      required: true,
      options: YES_NO,
    },
    {
      type: "file",
      name: "bevestigingRekening",
      label: "Bevestiging van het rekeningnummer",
      hint: "Voor een lokaal bestuur: een brief ondertekend door de burgemeester en de algemeen en financieel directeur.",
      accept: "pdf",
      maxFiles: 1,
      required: true,
      showIf: { field: "gebruikelijkeRekening", equals: "nee" },
    },
  ];
}

export function otherSubsidiesField(): Field {
  return {
    type: "repeat",
    name: "andereSubsidies",
    label: "Andere erkenningen en subsidies voor dezelfde werking",
    hint: "Laat leeg als u geen andere subsidies ontvangt.",
    rowLabel: "Subsidie",
    addLabel: "Subsidie toevoegen",
    maxRows: 10,
    fields: [
      { type: "text", name: "verstrekker", label: "Subsidieverstrekker", required: true, maxLength: 200 },
      { type: "text", name: "reden", label: "Waarvoor", required: true, maxLength: 300 },
      { type: "text", name: "periode", label: "Periode", required: true, maxLength: 100, hint: "Bv. 2026-2028." },
      { type: "money", name: "bedrag", label: "Bedrag", required: true },
    ],
  };
}

export function budgetJustificationFields(): Field[] {
  return [
    {
      type: "textarea",
      name: "begrotingToelichting",
      label: "Toelichting bij de begroting",
      hint: "Verantwoord de begrote middelen: personeelsinzet in VTE en loonschalen, werkingskosten, andere inkomsten.",
      required: true,
      maxLength: 3000,
    },
    {
      type: "file",
      name: "begrotingBestand",
      label: "Gedetailleerde begroting",
      hint: "De begroting als rekenblad of als PDF.",
      accept: "pdf-or-spreadsheet",
      maxFiles: 1,
    },
  ];
}

export function declarationFields(extra: Field[] = []): Field[] {
  return [
    {
      type: "declaration",
      name: "verklaringOpEer",
      label:
        "Ik verklaar op eer dat de gegevens in deze aanvraag volledig en juist zijn en dat ik gemachtigd ben om ze namens de organisatie in te dienen.",
      required: true,
    },
    {
      type: "declaration",
      name: "verklaringIntegriteit",
      label:
        "De organisatie leeft de regels inzake non-discriminatie na en handelt integer: ze discrimineert niet bij de toegang tot en de uitvoering van haar aanbod, en meldt belangenvermenging.",
      required: true,
    },
    ...extra,
    {
      type: "file",
      name: "bijlagen",
      label: "Andere bijlagen",
      hint: "Hoogstens 10 bestanden, één per keer.",
      accept: "pdf",
      maxFiles: 10,
    },
  ];
}
