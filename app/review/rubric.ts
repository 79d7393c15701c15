import * as z from "zod/mini";
import { isRecord } from "~/utils/guards";

/**
 * The assessment criteria of a call: data, stored in the call's settings (`rubric`), with a
 * default per form. Every criterion is scored 1-5 with a mandatory motivation.
 */
export const criterionSchema = z.object({
  key: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  label: z.string().check(z.minLength(1)),
  description: z._default(z.string(), ""),
  maxScore: z._default(z.int().check(z.gte(1), z.lte(10)), 5),
});
export type Criterion = z.infer<typeof criterionSchema>;
export const rubricSchema = z.array(criterionSchema).check(z.minLength(1));

const DEFAULT_RUBRICS: Record<string, Criterion[]> = {
  oefenkansen: [
    {
      key: "relevantie",
      label: "Relevantie",
      description: "Sluit het aanbod aan bij de noden van anderstaligen en het lokaal taalbeleid?",
      maxScore: 5,
    },
    {
      key: "kwaliteit",
      label: "Kwaliteit van het plan",
      description: "Zijn de activiteiten concreet, haalbaar en gericht op oefenen buiten de klas?",
      maxScore: 5,
    },
    {
      key: "bereik",
      label: "Bereik van de doelgroepen",
      description: "Is het verwachte aantal leerders onderbouwd en bereikt het de beoogde doelgroepen?",
      maxScore: 5,
    },
    {
      key: "samenwerking",
      label: "Samenwerking",
      description: "Werkt het bestuur samen met partners, AgII en het NT2-aanbod?",
      maxScore: 5,
    },
    {
      key: "begroting",
      label: "Realistische begroting",
      description: "Zijn de kosten verantwoord en is de cofinanciering verzekerd?",
      maxScore: 5,
    },
  ],
  regierol: [
    {
      key: "prioriteiten",
      label: "Opname van de Vlaamse beleidsprioriteiten",
      description: "Staan de prioriteiten in het meerjarenplan?",
      maxScore: 5,
    },
    {
      key: "acties",
      label: "Acties en indicatoren",
      description: "Zijn er concrete acties met meetbare indicatoren en budgetlijnen?",
      maxScore: 5,
    },
    {
      key: "livc-r",
      label: "Casusoverleg (LIVC-R)",
      description: "Bestaat er een werkend casusoverleg of is het in oprichting?",
      maxScore: 5,
    },
    { key: "samenwerking", label: "Samenwerking met partners", maxScore: 5, description: "" },
    { key: "begroting", label: "Realistische begroting", maxScore: 5, description: "" },
  ],
  erkenning: [
    {
      key: "expertise",
      label: "Expertise",
      description: "Beleidsondersteuning en/of praktijkontwikkeling, aangetoond met ervaring.",
      maxScore: 5,
    },
    { key: "aanbod", label: "Aanbod voor lokale besturen", maxScore: 5, description: "" },
    {
      key: "taakverdeling",
      label: "Taakverdeling zonder overlap",
      description: "Vult de kandidaat andere kandidaten aan in thema's, facetten en regio's?",
      maxScore: 5,
    },
    { key: "personeel", label: "Personeel en kwalificaties", maxScore: 5, description: "" },
    { key: "begroting", label: "Realistisch actieplan en begroting", maxScore: 5, description: "" },
  ],
};

/** The rubric of a call: its own (settings.rubric) or the default of its form. */
export function rubricFor(formKey: string, settings: unknown): Criterion[] {
  const own = isRecord(settings) ? settings.rubric : undefined;
  const parsed = own === undefined ? null : rubricSchema.safeParse(own);
  if (parsed?.success) return parsed.data;
  return DEFAULT_RUBRICS[formKey] ?? [{ key: "algemeen", label: "Algemene beoordeling", description: "", maxScore: 5 }];
}
