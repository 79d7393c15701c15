import type { AnyFormDefinition } from "~/forms/registry";
import type { Option, RawValues } from "~/forms/types";
import { asList, asText, rawValues } from "~/forms/values";
import { parseJsonObject } from "~/utils/json";
import { fromKeys } from "~/utils/guards";

/**
 * What a partner organisation covers, read from its recognition form answers (checkbox groups
 * are stored as string arrays). Option labels always come from the form definition.
 */
export const RECOGNITION_DIMENSIONS = ["themas", "provincies", "facetten", "kanalen", "expertise"] as const;
export type RecognitionDimension = (typeof RECOGNITION_DIMENSIONS)[number];

/** Short headings for the comparison and the register (the form asks full questions). */
export const DIMENSION_HEADINGS: Record<RecognitionDimension, string> = {
  themas: "Thema's",
  provincies: "Provincies",
  facetten: "Facetten van de regierol",
  kanalen: "Kanalen",
  expertise: "Expertise",
};

export type RecognitionProfile = Record<RecognitionDimension, string[]>;

/** The options of a checkbox group of the form, in the form's order; [] when it has no such field. */
export function dimensionOptions(form: AnyFormDefinition, dimension: RecognitionDimension): Option[] {
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (field.name === dimension && field.type === "checkboxes") return field.options;
    }
  }
  return [];
}

export function allDimensionOptions(form: AnyFormDefinition): Record<RecognitionDimension, Option[]> {
  return fromKeys(RECOGNITION_DIMENSIONS, (d) => dimensionOptions(form, d));
}

/** The ticked options of each dimension, in option order; values the form does not know are dropped. */
export function recognitionProfile(form: AnyFormDefinition, data: RawValues): RecognitionProfile {
  return fromKeys(RECOGNITION_DIMENSIONS, (dimension) => {
    const ticked = asList(data[dimension]);
    return dimensionOptions(form, dimension)
      .map((o) => o.value)
      .filter((value) => ticked.includes(value));
  });
}

export function optionLabel(options: readonly Option[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** Application.data is JSON text; a broken value reads as no answers rather than an error page. */
export function parseAnswers(json: string): RawValues {
  return rawValues(parseJsonObject(json));
}

/** A website answer, only if it is an http(s) address: anything else is never made a link. */
export function publicWebsite(raw: RawValues[string]): string | null {
  const text = asText(raw);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A recognition counts from its start date until its end date (ISO dates, inclusive). It is
 * "in force today or later" when it has a start and does not end before `today`.
 */
export function inForceOnOrAfter(period: { startsOn: string | null; endsOn: string | null }, today: string): boolean {
  return period.startsOn !== null && (period.endsOn === null || period.endsOn >= today);
}
