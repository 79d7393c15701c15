// zod/mini: form definitions are loaded by the wizard in the browser (docs/decisions/0027).
import type { Field, FormDefinition, ParsedValues } from "../types";

/**
 * The default report forms of a grant's REPORT phases (Call.settings.phases names a form key and
 * version; app/grants/phases.ts phaseProfileFor picks these keys). Reports ask no amount: what
 * is due follows from the settlement (app/grants/settlement.ts) with the report's one figure,
 * read by reportFigure in app/grants/report-status.ts. docs/decisions/0057.
 */
type NoSettings = Record<string, never>;
const noSettings = (): NoSettings => ({});
const noAmount = () => null;

const declaration: Field = {
  type: "declaration",
  name: "verklaringJuist",
  label: "Ik verklaar dat dit verslag volledig en naar waarheid is ingevuld.",
  required: true,
};

/** Oefenkansen Nederlands: the realised reach (learners who took part) and a short account. */
export const oefenkansenReportV1: FormDefinition<NoSettings> = {
  key: "verslag-oefenkansen",
  version: 1,
  title: "Verslag Oefenkansen Nederlands",
  parseSettings: noSettings,
  requestedCents: noAmount,
  steps: [
    {
      id: "bereik",
      title: "Bereik",
      intro: "Hoeveel anderstaligen namen deel aan een oefenkans in de periode van het verslag?",
      fields: [
        {
          type: "integer",
          name: "bereikteDeelnemers",
          label: "Aantal deelnemers dat aan een oefenkans deelnam",
          hint: "Elke deelnemer telt één keer, ook wie aan meer oefenkansen deelnam.",
          required: true,
          min: 0,
          max: 1_000_000,
        },
      ],
    },
    {
      id: "verslag",
      title: "Verslag",
      fields: [
        {
          type: "textarea",
          name: "verslag",
          label: "Kort verslag van de oefenkansen",
          hint: "Wat liep goed, wat minder, wat verandert u.",
          required: true,
          maxLength: 3000,
        },
        declaration,
      ],
    },
  ],
};

const costsSteps = (accountLabel: string) => [
  {
    id: "activiteiten",
    title: "Activiteiten",
    fields: [{ type: "textarea", name: "activiteitenverslag", label: accountLabel, required: true, maxLength: 4000 } satisfies Field],
  },
  {
    id: "kosten",
    title: "Kosten",
    intro: "De kosten die u voor deze subsidie maakte, in euro.",
    fields: [
      { type: "money", name: "gemaakteKosten", label: "Gemaakte kosten", hint: "In euro, bv. 24.500,00.", required: true } satisfies Field,
      declaration,
    ],
  },
];

/** Regierol and project funding: the activity account and the costs made. */
export const costsReportV1: FormDefinition<NoSettings> = {
  key: "verslag-kosten",
  version: 1,
  title: "Inhoudelijk en financieel verslag",
  parseSettings: noSettings,
  requestedCents: noAmount,
  steps: costsSteps("Verslag van de uitgevoerde acties"),
};

/** A recognised partner organisation's (yearly) activity report with its costs. */
export const activityReportV1: FormDefinition<NoSettings> = {
  key: "activiteitenverslag",
  version: 1,
  title: "Activiteitenverslag partnerorganisatie",
  parseSettings: noSettings,
  requestedCents: noAmount,
  steps: costsSteps("Verslag van de activiteiten van het werkjaar"),
};

/** A report's number for the settlement: learners reached or costs in cents; null when absent. */
export function reportFigure(values: ParsedValues): { learnersReached: number } | { acceptedCostsCents: number } | null {
  const learners = values.bereikteDeelnemers;
  if (typeof learners === "number") return { learnersReached: learners };
  const costs = values.gemaakteKosten;
  if (typeof costs === "number") return { acceptedCostsCents: costs };
  return null;
}
