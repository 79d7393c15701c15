// zod/mini: form definitions are loaded by the wizard in the browser (docs/decisions/0027).
import * as z from "zod/mini";
import { formatKboNumber } from "~/domain/kbo";
import { budgetJustificationFields, contactPersonFields, declarationFields, otherSubsidiesField, prefillContactPerson } from "../blocks";
import { PROVINCE_OPTIONS, REGIEROL_PRIORITIES } from "../options";
import type { FormDefinition } from "../types";

const settingsSchema = z.object({
  /** ISO date on which a recognition from this round starts */
  recognitionStartsOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export type ErkenningSettings = z.infer<typeof settingsSchema>;

export const erkenningV1: FormDefinition<ErkenningSettings> = {
  key: "erkenning",
  version: 1,
  title: "Aanvraag erkenning als partnerorganisatie radicalisering en polarisatie",
  parseSettings: (json) => settingsSchema.parse(json ?? {}),
  requestedCents: () => null,
  prefill: (context) => ({
    ...prefillContactPerson(context),
    organisatieNaam: context.organisation.name,
    kboNummer: context.organisation.kboNumber ? formatKboNumber(context.organisation.kboNumber) : "",
  }),
  steps: [
    {
      id: "organisatie",
      title: "Organisatie en contactpersoon",
      fields: [
        {
          type: "text",
          name: "organisatieNaam",
          label: "Naam van de organisatie",
          required: true,
          maxLength: 200,
          autoComplete: "organization",
        },
        {
          type: "select",
          name: "rechtsvorm",
          label: "Rechtsvorm",
          required: true,
          options: [
            { value: "vzw", label: "Vereniging zonder winstoogmerk (vzw)" },
            { value: "ivzw", label: "Internationale vereniging zonder winstoogmerk (ivzw)" },
            { value: "stichting", label: "Stichting" },
            { value: "andere", label: "Andere" },
          ],
        },
        { type: "kbo", name: "kboNummer", label: "Ondernemingsnummer (KBO)", required: true, hint: "Formaat 0123.456.749." },
        {
          type: "text",
          name: "adres",
          label: "Adres van de maatschappelijke zetel",
          required: true,
          maxLength: 300,
          autoComplete: "street-address",
        },
        { type: "url", name: "website", label: "Website" },
        ...contactPersonFields(),
      ],
    },
    {
      id: "documenten",
      title: "Statuten en jaarrekening",
      fields: [
        {
          type: "file",
          name: "statuten",
          label: "Statuten",
          hint: "De gecoördineerde statuten, als PDF.",
          accept: "pdf",
          maxFiles: 1,
          required: true,
        },
        {
          type: "file",
          name: "jaarrekening",
          label: "Laatst goedgekeurde jaarrekening",
          hint: "Als PDF, XLSX of ODS.",
          accept: "pdf-or-spreadsheet",
          maxFiles: 1,
          required: true,
        },
      ],
    },
    {
      id: "expertise",
      title: "Expertise en werkgebied",
      intro: "Het agentschap vergelijkt de kandidaten om een taakverdeling zonder overlap te bekomen.",
      fields: [
        {
          type: "checkboxes",
          name: "expertise",
          label: "Voor welke opdracht vraagt u erkenning aan?",
          required: true,
          options: [
            { value: "beleidsondersteuning", label: "Beleidsondersteuning" },
            { value: "praktijkontwikkeling", label: "Praktijkontwikkeling" },
          ],
        },
        {
          type: "checkboxes",
          name: "themas",
          label: "Thema's",
          required: true,
          options: [
            { value: "radicalisering", label: "Gewelddadige radicalisering" },
            { value: "extremisme", label: "Extremisme" },
            { value: "terrorisme", label: "Terrorisme" },
            { value: "polarisatie", label: "Schadelijke polarisatie" },
          ],
        },
        {
          type: "checkboxes",
          name: "kanalen",
          label: "Werkt u online, offline of beide?",
          required: true,
          options: [
            { value: "offline", label: "Offline" },
            { value: "online", label: "Online" },
          ],
        },
        {
          type: "checkboxes",
          name: "facetten",
          label: "Welke facetten van de lokale regierol ondersteunt u?",
          required: true,
          options: REGIEROL_PRIORITIES,
        },
        { type: "checkboxes", name: "provincies", label: "In welke provincies werkt u?", required: true, options: PROVINCE_OPTIONS },
        { type: "textarea", name: "aanbod", label: "Uw aanbod voor lokale besturen", required: true, maxLength: 3000 },
      ],
    },
    {
      id: "personeel",
      title: "Personeel en kwalificaties",
      fields: [
        {
          type: "repeat",
          name: "personeel",
          label: "Medewerkers voor deze opdracht",
          rowLabel: "Medewerker",
          addLabel: "Medewerker toevoegen",
          required: true,
          maxRows: 30,
          fields: [
            { type: "text", name: "functie", label: "Functie", required: true, maxLength: 150 },
            { type: "text", name: "vte", label: "Tewerkstelling in VTE", required: true, maxLength: 10, hint: "Bv. 0,8." },
            { type: "textarea", name: "kwalificaties", label: "Opleiding en ervaring", required: true, maxLength: 1000 },
          ],
        },
      ],
    },
    {
      id: "actieplan",
      title: "Meerjarig actieplan en begroting",
      fields: [
        {
          type: "textarea",
          name: "actieplan",
          label: "Meerjarig actieplan",
          hint: "Doelstellingen, acties en planning per jaar.",
          required: true,
          maxLength: 3000,
        },
        {
          type: "file",
          name: "actieplanBestand",
          label: "Actieplan als document",
          hint: "Het actieplan als document, bv. met een planning per jaar.",
          accept: "pdf",
          maxFiles: 1,
        },
        { type: "money", name: "jaarbudget", label: "Jaarlijkse begroting voor deze opdracht", required: true },
        ...budgetJustificationFields(),
        otherSubsidiesField(),
      ],
    },
    {
      id: "verklaring",
      title: "Verklaringen en bijlagen",
      fields: declarationFields([
        {
          type: "declaration",
          name: "verklaringGeenBelangenconflict",
          label:
            "De organisatie en haar medewerkers hebben geen belangenconflict met de opdracht van partnerorganisatie, en melden een belangenconflict dat later ontstaat onmiddellijk aan het agentschap.",
          required: true,
        },
      ]),
    },
  ],
};
