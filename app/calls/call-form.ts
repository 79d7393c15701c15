import * as z from "zod/mini";
import { ORGANISATION_KINDS } from "~/domain/organisation";
import { FORM_MESSAGES } from "~/forms/messages";
import { centsToInput, parseEuroToCents } from "~/forms/parse";
import type { Criterion } from "~/review/rubric";
import type { FormInput, FormInputValue } from "~/utils/forms";
import { optionalText, preprocess, REQUIRED, requiredText } from "~/utils/schemas";
import { brusselsDate, brusselsTime } from "~/utils/time";
import { CALL_RULE_MESSAGES, checkCallDates, deadlineFromWallClock, opensAtFromWallClock, type FormRef } from "./call-rules";
import { defined } from "~/utils/invariant";
import { AGENCY } from "~/documents/agency";
import { letterSettingsOf, letterTextsFor, type LetterProgramme, type LetterSettings } from "~/documents/letter-texts";
import { LETTER_FORM_LABELS, letterContactIssues, letterFormFields, letterFormValues, letterSettingsFromForm } from "./letter-form";

/**
 * The administrators' form for a call, shared by the browser (react-hook-form) and the action.
 * Every value stays the string that was typed, so a failed post shows it again unchanged;
 * `callFormToInput` turns a valid form into the domain's values (instants, cents, settings).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
export const CALL_FORM_MESSAGES = {
  date: "Geef een datum op, bv. 15/01/2026.",
  time: "Geef een uur op, bv. 23:59.",
  decisionIncomplete: "Geef zowel een datum als een uur op, of laat beide leeg.",
  eligibleKinds: "Kies minstens één soort organisatie.",
  rubricEmpty: "Voeg minstens één criterium toe.",
  criterionKey: "Gebruik kleine letters, cijfers en koppeltekens, bv. relevantie.",
  maxScore: "Geef een geheel getal van 1 tot 10 op.",
  year: "Geef een jaartal op, bv. 2026.",
  formVersion: "Kies een formulierversie.",
  programme: "Kies een programma.",
  positiveInteger: "Geef een geheel getal groter dan 0 op.",
} as const;

const requiredDate = z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED), z.regex(DATE, CALL_FORM_MESSAGES.date));
const requiredTime = z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED), z.regex(TIME, CALL_FORM_MESSAGES.time));
const optionalDate = z.optional(z.union([z.string().check(z.trim(), z.regex(DATE, CALL_FORM_MESSAGES.date)), z.literal("")]));
const optionalTime = z.optional(z.union([z.string().check(z.trim(), z.regex(TIME, CALL_FORM_MESSAGES.time)), z.literal("")]));
const optionalEuro = z.optional(
  z.string().check(
    z.trim(),
    z.refine((value) => value === "" || (parseEuroToCents(value) ?? 0) > 0, FORM_MESSAGES.money),
  ),
);
const optionalPositiveInteger = z.optional(
  z.string().check(
    z.trim(),
    z.refine((value) => value === "" || /^[1-9]\d{0,8}$/.test(value), CALL_FORM_MESSAGES.positiveInteger),
  ),
);

/** Checkboxes arrive as one string, several strings, or nothing (and `false` from react-hook-form). */
const asArray = (value: string | string[] | false | null | undefined) =>
  value === undefined || value === null || value === false ? [] : Array.isArray(value) ? value : [value];

export const criterionFormSchema = z.object({
  key: z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED), z.regex(/^[a-z0-9-]+$/, CALL_FORM_MESSAGES.criterionKey)),
  label: requiredText(200),
  description: optionalText(1000, { multiline: true }),
  maxScore: z.string({ error: REQUIRED }).check(z.trim(), z.regex(/^([1-9]|10)$/, CALL_FORM_MESSAGES.maxScore)),
});

export const callFormSchema = z
  .object({
    /** Only when a call is created: a call stays in its programme (its dossier references). */
    programmeId: z.optional(
      z.string({ error: CALL_FORM_MESSAGES.programme }).check(z.trim(), z.minLength(1, CALL_FORM_MESSAGES.programme)),
    ),
    title: requiredText(200),
    description: requiredText(10_000, { multiline: true }),
    year: z.string({ error: REQUIRED }).check(z.trim(), z.regex(/^20\d{2}$/, CALL_FORM_MESSAGES.year)),
    opensDate: requiredDate,
    opensTime: requiredTime,
    closesDate: requiredDate,
    closesTime: requiredTime,
    decisionDate: optionalDate,
    decisionTime: optionalTime,
    eligibleKinds: preprocess(asArray, z.array(z.enum(ORGANISATION_KINDS)).check(z.minLength(1, CALL_FORM_MESSAGES.eligibleKinds))),
    budget: optionalEuro,
    formVersion: z.string({ error: CALL_FORM_MESSAGES.formVersion }).check(z.regex(/^[a-z0-9-]+@\d+$/, CALL_FORM_MESSAGES.formVersion)),
    rubric: z.array(criterionFormSchema, { error: CALL_FORM_MESSAGES.rubricEmpty }).check(z.minLength(1, CALL_FORM_MESSAGES.rubricEmpty)),
    ratePerLearner: optionalEuro,
    maxLearners: optionalPositiveInteger,
    amountPerPlan: optionalEuro,
    recognitionStartsOn: optionalDate,
    /** Told to applicants with a draft when dates change after opening. */
    changeNote: optionalText(1000, { multiline: true }),
    ...letterFormFields,
  })
  .check(
    z.superRefine((form, ctx) => {
      // Runs after field errors too (zod 4): only compare what could be read.
      const decisionGiven = Boolean(form.decisionDate) || Boolean(form.decisionTime);
      if (decisionGiven && (!form.decisionDate || !form.decisionTime)) {
        ctx.addIssue({
          code: "custom",
          path: [form.decisionDate ? "decisionTime" : "decisionDate"],
          message: CALL_FORM_MESSAGES.decisionIncomplete,
        });
      }
      const moment = (date: string | undefined, time: string | undefined, read: typeof opensAtFromWallClock, path: string) => {
        if (!date || !time || !DATE.test(date) || !TIME.test(time)) return undefined;
        const instant = read(date, time);
        if (!instant) ctx.addIssue({ code: "custom", path: [path], message: CALL_RULE_MESSAGES.invalidMoment });
        return instant ?? undefined;
      };
      const opensAt = moment(form.opensDate, form.opensTime, opensAtFromWallClock, "opensDate");
      const closesAt = moment(form.closesDate, form.closesTime, deadlineFromWallClock, "closesDate");
      const decisionDueAt = moment(form.decisionDate, form.decisionTime, deadlineFromWallClock, "decisionDate");
      if (opensAt && closesAt) {
        for (const issue of checkCallDates({ opensAt, closesAt, decisionDueAt: decisionDueAt ?? null })) {
          ctx.addIssue({ code: "custom", path: [issue.field === "closesAt" ? "closesDate" : "decisionDate"], message: issue.message });
        }
      }
      const rubric = Array.isArray(form.rubric) ? form.rubric : [];
      const seen = new Set<string>();
      rubric.forEach((criterion, index) => {
        const key = criterion?.key?.trim();
        if (!key) return;
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: ["rubric", index, "key"], message: CALL_RULE_MESSAGES.duplicateCriterionKey(key) });
        seen.add(key);
      });
      for (const issue of letterContactIssues(form)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    }),
  );

export type CallFormValues = z.input<typeof callFormSchema>;
export type CallFormData = z.output<typeof callFormSchema>;

export const CALL_FORM_LABELS = {
  programmeId: "Programma",
  title: "Titel",
  description: "Beschrijving",
  year: "Jaar in de dossiernummers",
  opensDate: "Open vanaf (datum)",
  opensTime: "Open vanaf (uur)",
  closesDate: "Indienen tot (datum)",
  closesTime: "Indienen tot (uur)",
  decisionDate: "Beslissing uiterlijk (datum)",
  decisionTime: "Beslissing uiterlijk (uur)",
  eligibleKinds: "Wie kan aanvragen",
  budget: "Budget van de oproep",
  formVersion: "Formulier",
  rubric: "Beoordelingscriteria",
  ratePerLearner: "Bedrag per leerder",
  maxLearners: "Maximum aantal leerders per bestuur",
  amountPerPlan: "Bedrag per actieplan",
  recognitionStartsOn: "Startdatum van de erkenningen",
  changeNote: "Toelichting voor de aanvragers",
  ...LETTER_FORM_LABELS,
} satisfies Record<keyof CallFormValues, string>;

/** Criteria as the form's rows (strings, in a fixed order, so rows can be compared). */
export function rubricRows(criteria: ReadonlyArray<{ key: string; label: string; description?: string; maxScore: number | string }>) {
  return criteria.map((c) => ({ key: c.key, label: c.label, description: c.description ?? "", maxScore: String(c.maxScore) }));
}

/** Labels of the rubric fields, e.g. "Criterium 2: Sleutel", for the error summary. */
export function callFormLabels(rubricRows: number): typeof CALL_FORM_LABELS & Record<string, string> {
  const labels: typeof CALL_FORM_LABELS & Record<string, string> = { ...CALL_FORM_LABELS };
  for (let index = 0; index < rubricRows; index += 1) {
    labels[`rubric.${index}.key`] = `Criterium ${index + 1}: sleutel`;
    labels[`rubric.${index}.label`] = `Criterium ${index + 1}: naam`;
    labels[`rubric.${index}.description`] = `Criterium ${index + 1}: toelichting`;
    labels[`rubric.${index}.maxScore`] = `Criterium ${index + 1}: maximumscore`;
  }
  return labels;
}

/** A post of the form, read by readFormPost (`input`), as the form shows it again: every field as typed. */
export function callFormValuesFromInput(input: FormInput): CallFormValues {
  const text = (value: FormInputValue) => (typeof value === "string" ? value : "");
  const row = (value: FormInput) => ({
    key: text(value.key),
    label: text(value.label),
    description: text(value.description),
    maxScore: text(value.maxScore),
  });
  const rows = Array.isArray(input.rubric) ? input.rubric.filter((value) => typeof value !== "string") : [];
  return {
    programmeId: text(input.programmeId),
    title: text(input.title),
    description: text(input.description),
    year: text(input.year),
    opensDate: text(input.opensDate),
    opensTime: text(input.opensTime),
    closesDate: text(input.closesDate),
    closesTime: text(input.closesTime),
    decisionDate: text(input.decisionDate),
    decisionTime: text(input.decisionTime),
    eligibleKinds: Array.isArray(input.eligibleKinds) ? input.eligibleKinds.filter((value) => typeof value === "string") : [],
    budget: text(input.budget),
    formVersion: text(input.formVersion),
    rubric: rows.map(row),
    ratePerLearner: text(input.ratePerLearner),
    maxLearners: text(input.maxLearners),
    amountPerPlan: text(input.amountPerPlan),
    recognitionStartsOn: text(input.recognitionStartsOn),
    changeNote: text(input.changeNote),
    letterLegalBasis: text(input.letterLegalBasis),
    letterPaymentTerms: text(input.letterPaymentTerms),
    letterDuties: text(input.letterDuties),
    letterAppealRoutes: text(input.letterAppealRoutes),
    letterContactName: text(input.letterContactName),
    letterContactEmail: text(input.letterContactEmail),
    letterContactPhone: text(input.letterContactPhone),
  };
}

export function formRefValue(ref: FormRef): string {
  return `${ref.key}@${ref.version}`;
}

export function parseFormRef(value: string): FormRef {
  const [key = "", version = "0"] = value.split("@");
  return { key, version: Number(version) };
}

/** Per-call settings of the forms in code that an administrator can change here. */
export type EditableSettings = {
  ratePerLearnerCents?: number;
  maxLearners?: number;
  amountPerPlanCents?: number;
  recognitionStartsOn?: string;
};

/** Which settings fields belong to a form. Stored forms have none (see 0015). */
export const SETTINGS_FIELDS_BY_FORM: Record<
  string,
  ReadonlyArray<"ratePerLearner" | "maxLearners" | "amountPerPlan" | "recognitionStartsOn">
> = {
  oefenkansen: ["ratePerLearner", "maxLearners"],
  regierol: ["amountPerPlan"],
  erkenning: ["recognitionStartsOn"],
};

export type CallInput = {
  programmeId?: string;
  title: string;
  description: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  decisionDueAt: Date | null;
  eligibleKinds: Array<(typeof ORGANISATION_KINDS)[number]>;
  budgetCents: number | null;
  form: FormRef;
  rubric: Criterion[];
  /** Only the keys of the chosen form; a key set to undefined falls back to the form's default. */
  settings: EditableSettings;
  /** The letter's texts as the form gave them; the programme's defaults are left out on saving. */
  letter: LetterSettings;
  changeNote: string | null;
};

/** The domain values of a valid form (the schema already checked every conversion). */
export function callFormToInput(form: CallFormData): CallInput {
  const ref = parseFormRef(form.formVersion);
  const euro = (value: string | undefined) => (value ? parseEuroToCents(value) : null) ?? undefined;
  const settings: EditableSettings = {};
  const fields = SETTINGS_FIELDS_BY_FORM[ref.key] ?? [];
  if (fields.includes("ratePerLearner")) settings.ratePerLearnerCents = euro(form.ratePerLearner);
  if (fields.includes("maxLearners")) settings.maxLearners = form.maxLearners ? Number(form.maxLearners) : undefined;
  if (fields.includes("amountPerPlan")) settings.amountPerPlanCents = euro(form.amountPerPlan);
  if (fields.includes("recognitionStartsOn")) settings.recognitionStartsOn = form.recognitionStartsOn || undefined;
  return {
    programmeId: form.programmeId || undefined,
    title: form.title,
    description: form.description.replace(/\r\n?/g, "\n"),
    year: Number(form.year),
    opensAt: defined(opensAtFromWallClock(form.opensDate, form.opensTime), "the opening moment (callFormSchema checked it)"),
    closesAt: defined(deadlineFromWallClock(form.closesDate, form.closesTime), "the deadline (callFormSchema checked it)"),
    decisionDueAt: form.decisionDate && form.decisionTime ? deadlineFromWallClock(form.decisionDate, form.decisionTime) : null,
    eligibleKinds: form.eligibleKinds,
    budgetCents: form.budget ? parseEuroToCents(form.budget) : null,
    form: ref,
    rubric: form.rubric.map((c) => ({ key: c.key, label: c.label, description: c.description ?? "", maxScore: Number(c.maxScore) })),
    settings,
    letter: letterSettingsFromForm(form),
    changeNote: form.changeNote ? form.changeNote : null,
  };
}

/**
 * A stored call as the form shows it: Brussels wall-clock dates and times, amounts as typed, the
 * letter's texts as the letter would use them (the call's own, else its programme's).
 */
export function callToFormValues(call: {
  programmeId: string;
  title: string;
  description: string;
  year: number;
  opensAt: Date | string;
  closesAt: Date | string;
  decisionDueAt: Date | string | null;
  budgetCents: number | null;
  eligibleKinds: string[];
  formKey: string;
  formVersion: number;
  settings: Record<string, unknown>;
  rubric: Criterion[];
  programme: LetterProgramme;
}): CallFormValues {
  const letter = letterSettingsOf(call.settings);
  const at = (instant: Date | string) => new Date(instant);
  const cents = (value: unknown) => (typeof value === "number" ? centsToInput(value) : "");
  return {
    programmeId: call.programmeId,
    title: call.title,
    description: call.description,
    year: String(call.year),
    opensDate: brusselsDate(at(call.opensAt)),
    opensTime: brusselsTime(call.opensAt),
    closesDate: brusselsDate(at(call.closesAt)),
    closesTime: brusselsTime(call.closesAt),
    decisionDate: call.decisionDueAt ? brusselsDate(at(call.decisionDueAt)) : "",
    decisionTime: call.decisionDueAt ? brusselsTime(call.decisionDueAt) : "",
    eligibleKinds: call.eligibleKinds,
    budget: call.budgetCents === null ? "" : centsToInput(call.budgetCents),
    formVersion: formRefValue({ key: call.formKey, version: call.formVersion }),
    rubric: rubricRows(call.rubric),
    ratePerLearner: cents(call.settings.ratePerLearnerCents),
    maxLearners: typeof call.settings.maxLearners === "number" ? String(call.settings.maxLearners) : "",
    amountPerPlan: cents(call.settings.amountPerPlanCents),
    recognitionStartsOn: typeof call.settings.recognitionStartsOn === "string" ? call.settings.recognitionStartsOn : "",
    changeNote: "",
    ...letterFormValues(letterTextsFor(call.programme, letter), letter.contact ?? AGENCY.contact),
  };
}
