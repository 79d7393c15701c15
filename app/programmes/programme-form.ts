import * as z from "zod/mini";
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
  code: z.optional(z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED), z.regex(/^[A-Z]{3}$/, PROGRAMME_MESSAGES.code))),
  name: requiredText(200),
  description: requiredText(5000, { multiline: true }),
  kind: z.enum(PROGRAMME_KINDS, { error: PROGRAMME_MESSAGES.kind }),
  legalBasis: requiredText(2000, { multiline: true }),
});
export type ProgrammeFormData = z.output<typeof programmeFormSchema>;
/** The same fields on the new page, where the code is required. */
export const programmeCreateSchema = z.extend(programmeFormSchema, { code: programmeFormSchema.shape.code.def.innerType });

export const PROGRAMME_LABELS = {
  code: "Code",
  name: "Naam",
  description: "Omschrijving",
  kind: "Soort programma",
  legalBasis: "Rechtsgrond",
};
