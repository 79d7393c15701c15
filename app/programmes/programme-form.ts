import * as z from "zod";
import { REQUIRED, requiredText } from "~/utils/schemas";

/** Programmes: what a positive decision means (money or a recognition). */
export const PROGRAMME_KINDS = ["FUNDING", "RECOGNITION"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const programmeKindSchema = z.enum(PROGRAMME_KINDS);

export const PROGRAMME_KIND_LABELS: Record<ProgrammeKind, string> = {
  FUNDING: "Subsidie (een bedrag)",
  RECOGNITION: "Erkenning",
};

export const PROGRAMME_MESSAGES = {
  code: "Gebruik precies 3 hoofdletters, bv. SOC.",
  codeTaken: (code: string, name: string) => `De code ${code} is al in gebruik voor ${name}.`,
  kindLocked: "De soort kan niet meer wijzigen: er zijn al dossiers in dit programma.",
  kind: "Gelieve een optie te kiezen.",
} as const;

/** The administrators' form for a programme; `code` is only read when a programme is created. */
export const programmeFormSchema = z.object({
  code: z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .regex(/^[A-Z]{3}$/, PROGRAMME_MESSAGES.code)
    .optional(),
  name: requiredText(200),
  description: requiredText(5000, { multiline: true }),
  kind: z.enum(PROGRAMME_KINDS, { error: PROGRAMME_MESSAGES.kind }),
  legalBasis: requiredText(2000, { multiline: true }),
});
export type ProgrammeFormData = z.output<typeof programmeFormSchema>;

export const PROGRAMME_LABELS = {
  code: "Code",
  name: "Naam",
  description: "Omschrijving",
  kind: "Soort programma",
  legalBasis: "Rechtsgrond",
};
