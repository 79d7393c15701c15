import { erkenningV1 } from "./definitions/erkenning";
import { oefenkansenV1 } from "./definitions/oefenkansen";
import { regierolV1 } from "./definitions/regierol";
import { activityReportV1, costsReportV1, oefenkansenReportV1 } from "./definitions/reports";
import type { Field, FormDefinition } from "./types";

/** A form version as the portal holds it, whatever the shape of its per-call settings. */
export type AnyFormDefinition = FormDefinition<unknown>;

/**
 * A form version with settings of its own shape, held as any form. Its rules, computed lines
 * and amount read the settings they are handed through the form's own parseSettings (which
 * fills in defaults and gives the same for settings it already read), so they always get
 * settings of their shape, and TypeScript needs no cast to hold the forms in one list.
 */
export function anyForm<S>(form: FormDefinition<S>): AnyFormDefinition {
  const own = (settings: unknown) => form.parseSettings(settings);
  return {
    ...form,
    steps: form.steps.map((step) => ({
      ...step,
      rules: step.rules?.map((rule) => (values, context) => rule(values, { ...context, settings: own(context.settings) })),
      computed: step.computed?.map((line) => ({ ...line, value: (values, settings) => line.value(values, own(settings)) })),
    })),
    requestedCents: (values, settings) => form.requestedCents(values, own(settings)),
  };
}

/**
 * Every form version the portal knows. A call points at one (formKey + formVersion); a
 * dossier keeps the version it was started with, so a new version never changes old dossiers.
 * A report phase of a call (Call.settings.phases) points at one the same way.
 */
const FORMS: readonly AnyFormDefinition[] = [anyForm(oefenkansenV1), anyForm(regierolV1), anyForm(erkenningV1)];

/**
 * The default forms of the grants' report phases (docs/decisions/0057). Found like any form
 * version, but not listed with the application forms a call can be opened with.
 */
const REPORT_FORMS: readonly AnyFormDefinition[] = [anyForm(oefenkansenReportV1), anyForm(costsReportV1), anyForm(activityReportV1)];

export function findForm(key: string, version: number): AnyFormDefinition | null {
  return [...FORMS, ...REPORT_FORMS].find((form) => form.key === key && form.version === version) ?? null;
}

export function listReportForms(): Array<{ key: string; version: number; title: string }> {
  return REPORT_FORMS.map(({ key, version, title }) => ({ key, version, title }));
}

export function getForm(key: string, version: number): AnyFormDefinition {
  const form = findForm(key, version);
  if (!form) throw new Error(`Onbekend formulier ${key} versie ${version}`);
  return form;
}

export function listForms(): Array<{ key: string; version: number; title: string }> {
  return FORMS.map(({ key, version, title }) => ({ key, version, title }));
}

export function allFields(form: AnyFormDefinition): Field[] {
  return form.steps.flatMap((step) => step.fields);
}

export function fileFields(form: AnyFormDefinition) {
  return allFields(form).filter((field) => field.type === "file");
}
