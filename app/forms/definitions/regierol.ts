// zod/mini: form definitions are loaded by the wizard in the browser (docs/decisions/0027).
import * as z from "zod/mini";
import { formatCents } from "~/utils/money";
import {
  bankAccountFields,
  budgetJustificationFields,
  contactPersonFields,
  declarationFields,
  prefillContactPerson,
  YES_NO,
} from "../blocks";
import { REGIEROL_PRIORITIES } from "../options";
import type { FormDefinition } from "../types";

const settingsSchema = z.object({
  /** € 25,000 per action plan (shared/domain.md) */
  amountPerPlanCents: z._default(z.int().check(z.positive()), 2_500_000),
});
export type RegierolSettings = z.infer<typeof settingsSchema>;

export const regierolV1: FormDefinition<RegierolSettings> = {
  key: "regierol",
  version: 1,
  title: "Indiening meerjarenplan lokale regierol radicalisering en polarisatie",
  parseSettings: (json) => settingsSchema.parse(json ?? {}),
  requestedCents: (values) => (typeof values.gevraagdBedrag === "number" ? values.gevraagdBedrag : null),
  prefill: prefillContactPerson,
  steps: [
    {
      id: "verantwoordelijke",
      title: "Verantwoordelijke ambtenaar",
      intro: "De ambtenaar die de lokale regierol opneemt en het aanspreekpunt is voor het agentschap.",
      fields: contactPersonFields(),
    },
    {
      id: "meerjarenplan",
      title: "Meerjarenplan",
      fields: [
        {
          type: "file",
          name: "meerjarenplan",
          label: "Strategisch meerjarenplan 2026-2031",
          hint: "Het plan zoals goedgekeurd door de gemeenteraad, als PDF.",
          accept: "pdf",
          maxFiles: 1,
          required: true,
        },
        {
          type: "textarea",
          name: "samenvatting",
          label: "Samenvatting van uw aanpak",
          hint: "Hoe neemt uw bestuur de regierol op in de preventie van gewelddadige radicalisering en schadelijke polarisatie?",
          required: true,
          maxLength: 3000,
        },
      ],
    },
    {
      id: "prioriteiten",
      title: "Vlaamse beleidsprioriteiten",
      intro: "Geef voor elke beleidsprioriteit die u opneemt aan waar ze in uw meerjarenplan staat.",
      fields: [
        {
          type: "repeat",
          name: "prioriteiten",
          label: "Opgenomen beleidsprioriteiten",
          rowLabel: "Beleidsprioriteit",
          addLabel: "Beleidsprioriteit toevoegen",
          required: true,
          maxRows: REGIEROL_PRIORITIES.length,
          fields: [
            { type: "select", name: "prioriteit", label: "Beleidsprioriteit", required: true, options: REGIEROL_PRIORITIES },
            { type: "textarea", name: "acties", label: "Acties in het meerjarenplan", required: true, maxLength: 1500 },
            { type: "textarea", name: "indicatoren", label: "Indicatoren", required: true, maxLength: 1000 },
            {
              type: "text",
              name: "begrotingslijnen",
              label: "Begrotingslijnen",
              hint: "Actienummers of ramingen in het meerjarenplan, bv. AP 3.2.1.",
              required: true,
              maxLength: 300,
            },
          ],
        },
      ],
      rules: [
        (values, { issue }) => {
          const rows = Array.isArray(values.prioriteiten) ? values.prioriteiten.filter((row) => typeof row === "object") : [];
          const seen = new Set<unknown>();
          rows.forEach((row, index) => {
            if (row.prioriteit && seen.has(row.prioriteit)) {
              issue(["prioriteiten", index, "prioriteit"], "Deze beleidsprioriteit staat er al. Beschrijf elke prioriteit één keer.");
            }
            seen.add(row.prioriteit);
          });
        },
      ],
    },
    {
      id: "livc-r",
      title: "LIVC-R en partners",
      fields: [
        {
          type: "radio",
          name: "livcr",
          label: "Heeft uw bestuur een lokale integrale veiligheidscel radicalisering (LIVC-R)?",
          required: true,
          options: [...YES_NO, { value: "in-oprichting", label: "In oprichting" }],
        },
        {
          type: "textarea",
          name: "livcrWerking",
          label: "Hoe werkt de LIVC-R?",
          hint: "Samenstelling, voorzitter, hoe vaak ze samenkomt, hoe casussen worden aangemeld.",
          required: true,
          maxLength: 2000,
          showIf: { field: "livcr", notEquals: "nee" },
        },
        {
          type: "textarea",
          name: "partners",
          label: "Met welke partners werkt u samen?",
          hint: "Bv. politie, scholen, jeugdwerk, welzijnsorganisaties, erkende partnerorganisaties.",
          required: true,
          maxLength: 2000,
        },
      ],
    },
    {
      id: "financiering",
      title: "Gevraagde financiering",
      fields: [{ type: "money", name: "gevraagdBedrag", label: "Gevraagd bedrag", required: true }, ...budgetJustificationFields()],
      computed: [{ label: "Maximaal bedrag per actieplan", value: (_values, settings) => formatCents(settings.amountPerPlanCents) }],
      rules: [
        (values, { settings, issue }) => {
          if (typeof values.gevraagdBedrag === "number" && values.gevraagdBedrag > settings.amountPerPlanCents) {
            issue(
              ["gevraagdBedrag"],
              `Het gevraagde bedrag is hoger dan het maximum van ${formatCents(settings.amountPerPlanCents)} per actieplan.`,
            );
          }
        },
      ],
    },
    { id: "rekening", title: "Rekeningnummer", fields: bankAccountFields() },
    { id: "verklaring", title: "Verklaring en bijlagen", fields: declarationFields() },
  ],
};
