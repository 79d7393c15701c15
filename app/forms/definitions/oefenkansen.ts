// zod/mini: form definitions are loaded by the wizard in the browser (docs/decisions/0027).
import * as z from "zod/mini";
import { formatCents } from "~/utils/money";
import {
  bankAccountFields,
  budgetJustificationFields,
  contactPersonFields,
  declarationFields,
  otherSubsidiesField,
  partnershipFields,
  prefillContactPerson,
} from "../blocks";
import { formatCount } from "../messages";
import type { FormDefinition, ParsedValues } from "../types";

/** Per-call amounts; defaults from the Plan Samenleven rate (€ 60 per learner, max 2,250). */
const settingsSchema = z.object({
  ratePerLearnerCents: z._default(z.int().check(z.positive()), 6000),
  maxLearners: z._default(z.int().check(z.positive()), 2250),
  /** The local government adds at least as much as it asks from Flanders. */
  requiresMatching: z._default(z.boolean(), true),
});
export type OefenkansenSettings = z.infer<typeof settingsSchema>;

const numberValue = (values: ParsedValues, name: string) => {
  const value = values[name];
  return typeof value === "number" ? value : null;
};

export function maxContributionCents(values: ParsedValues, settings: OefenkansenSettings): number | null {
  const learners = numberValue(values, "verwachteLeerders");
  return learners === null ? null : Math.min(learners, settings.maxLearners) * settings.ratePerLearnerCents;
}

export function totalCostCents(values: ParsedValues): number | null {
  const parts = ["personeelskosten", "werkingskosten", "andereKosten"].map((name) => numberValue(values, name));
  return parts.every((part) => part === null) ? null : parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}

function coFinancingCents(values: ParsedValues): number | null {
  const total = totalCostCents(values);
  const requested = numberValue(values, "gevraagdBedrag");
  return total === null || requested === null ? null : total - requested;
}

const TARGET_GROUPS = [
  { value: "inburgeraars", label: "Inburgeraars" },
  { value: "werkzoekenden", label: "Werkzoekenden" },
  { value: "ouders", label: "Ouders" },
  { value: "werknemers", label: "Werknemers" },
  { value: "jongeren", label: "Jongeren" },
  { value: "senioren", label: "Senioren" },
  { value: "andere", label: "Andere anderstaligen" },
];

export const oefenkansenV1: FormDefinition<OefenkansenSettings> = {
  key: "oefenkansen",
  version: 1,
  title: "Aanvraag Oefenkansen Nederlands",
  parseSettings: (json) => settingsSchema.parse(json ?? {}),
  requestedCents: (values) => numberValue(values, "gevraagdBedrag"),
  prefill: prefillContactPerson,
  steps: [
    {
      id: "organisatie",
      title: "Contactpersoon en samenwerking",
      intro: "Wie volgt deze aanvraag op, en dient u ze alleen of samen met andere besturen in?",
      fields: [...contactPersonFields(), ...partnershipFields()],
    },
    {
      id: "huidig-aanbod",
      title: "Huidig aanbod en taalbeleid",
      fields: [
        {
          type: "textarea",
          name: "huidigAanbod",
          label: "Welke oefenkansen Nederlands zijn er vandaag in uw gemeente?",
          hint: "Wie organiseert ze, voor wie, hoe vaak en waar.",
          required: true,
          maxLength: 2000,
        },
        {
          type: "textarea",
          name: "taalbeleid",
          label: "Hoe past dit project in uw lokaal taalbeleid?",
          required: true,
          maxLength: 2000,
        },
        {
          type: "textarea",
          name: "doorverwijzingNT2",
          label: "Hoe verwijst u deelnemers door naar lessen Nederlands als tweede taal (NT2)?",
          required: true,
          maxLength: 1500,
        },
        {
          type: "textarea",
          name: "samenwerkingAgII",
          label: "Hoe werkt u samen met het Agentschap Integratie en Inburgering of, in Brussel, met het Huis van het Nederlands?",
          required: true,
          maxLength: 1500,
        },
      ],
    },
    {
      id: "activiteiten",
      title: "Geplande oefenkansen",
      intro: "Beschrijf elke activiteit die u met deze middelen organiseert.",
      fields: [
        {
          type: "repeat",
          name: "activiteiten",
          label: "Activiteiten",
          rowLabel: "Activiteit",
          addLabel: "Activiteit toevoegen",
          required: true,
          maxRows: 20,
          fields: [
            {
              type: "select",
              name: "soort",
              label: "Soort activiteit",
              required: true,
              options: [
                { value: "taalcafe", label: "Taalcafé of conversatietafel" },
                { value: "doe-activiteit", label: "Wandel- of doe-activiteit" },
                { value: "werkvloer", label: "Oefenen op de werkvloer" },
                { value: "taalbuddy", label: "Taalbuddy of taalcoach" },
                { value: "vrije-tijd", label: "Oefenen in sport, cultuur of jeugdwerk" },
                { value: "school", label: "Oefenen met ouders op school" },
                { value: "digitaal", label: "Digitale oefenkansen" },
                { value: "andere", label: "Andere" },
              ],
            },
            { type: "text", name: "omschrijving", label: "Korte omschrijving", required: true, maxLength: 300 },
            { type: "checkboxes", name: "doelgroep", label: "Doelgroep", required: true, options: TARGET_GROUPS },
            {
              type: "radio",
              name: "niveau",
              label: "Taalniveau (ERK)",
              required: true,
              options: ["A1", "A2", "B1", "B2"].map((level) => ({ value: level, label: level })),
            },
            {
              type: "select",
              name: "frequentie",
              label: "Frequentie",
              required: true,
              options: [
                { value: "wekelijks", label: "Wekelijks" },
                { value: "tweewekelijks", label: "Tweewekelijks" },
                { value: "maandelijks", label: "Maandelijks" },
                { value: "projectmatig", label: "Eenmalig of projectmatig" },
              ],
            },
            { type: "text", name: "locatie", label: "Locatie", required: true, maxLength: 200 },
            {
              type: "text",
              name: "partners",
              label: "Partnerorganisaties",
              hint: "Bv. bibliotheek, verenigingen, werkgevers.",
              maxLength: 300,
            },
          ],
        },
      ],
    },
    {
      id: "begroting",
      title: "Bereik en begroting",
      intro: "De Vlaamse bijdrage hangt af van het aantal leerders dat u bereikt; het lokaal bestuur legt zelf minstens evenveel bij.",
      fields: [
        { type: "integer", name: "verwachteLeerders", label: "Verwacht aantal anderstalige leerders", required: true, min: 1, max: 100000 },
        { type: "money", name: "personeelskosten", label: "Personeelskosten", required: true },
        { type: "money", name: "werkingskosten", label: "Werkingskosten", required: true },
        { type: "money", name: "andereKosten", label: "Andere kosten", hint: "Laat leeg of vul 0 in als er geen zijn." },
        { type: "money", name: "gevraagdBedrag", label: "Gevraagde Vlaamse bijdrage", required: true },
        ...budgetJustificationFields(),
        otherSubsidiesField(),
      ],
      computed: [
        {
          label: "Maximale Vlaamse bijdrage",
          value: (values, settings) => {
            const max = maxContributionCents(values, settings);
            const learners = numberValue(values, "verwachteLeerders");
            if (max === null || learners === null) return null;
            return `${formatCents(max)} (${formatCount(Math.min(learners, settings.maxLearners))} leerders × ${formatCents(settings.ratePerLearnerCents)}, hoogstens ${formatCount(settings.maxLearners)} leerders)`;
          },
        },
        { label: "Totale kosten", value: (values) => nullable(totalCostCents(values)) },
        { label: "Lokale cofinanciering (totale kosten min gevraagde bijdrage)", value: (values) => nullable(coFinancingCents(values)) },
      ],
      rules: [
        (values, { settings, issue }) => {
          const requested = numberValue(values, "gevraagdBedrag");
          const max = maxContributionCents(values, settings);
          const total = totalCostCents(values);
          const coFinancing = coFinancingCents(values);
          if (requested === null) return;
          if (max !== null && requested > max) {
            issue(["gevraagdBedrag"], `Het gevraagde bedrag is hoger dan de maximale Vlaamse bijdrage van ${formatCents(max)}.`);
          } else if (total !== null && requested > total) {
            issue(["gevraagdBedrag"], `Het gevraagde bedrag kan niet hoger zijn dan de totale kosten (${formatCents(total)}).`);
          } else if (settings.requiresMatching && coFinancing !== null && coFinancing < requested) {
            issue(
              ["gevraagdBedrag"],
              `De lokale cofinanciering (${formatCents(coFinancing)}) moet minstens even groot zijn als de gevraagde Vlaamse bijdrage (${formatCents(requested)}).`,
            );
          }
        },
      ],
    },
    { id: "rekening", title: "Rekeningnummer", fields: bankAccountFields() },
    { id: "verklaring", title: "Verklaring en bijlagen", fields: declarationFields() },
  ],
};

function nullable(amount: number | null): string | null {
  return amount === null ? null : formatCents(amount);
}
