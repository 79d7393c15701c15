import { erkenningV1 } from "./definitions/erkenning";
import { oefenkansenV1 } from "./definitions/oefenkansen";
import { regierolV1 } from "./definitions/regierol";
import type { Field, FormDefinition } from "./types";

/**
 * Every form version the portal knows. A call points at one (formKey + formVersion); a
 * dossier keeps the version it was started with, so a new version never changes old dossiers.
 */
const FORMS: ReadonlyArray<FormDefinition<never>> = [oefenkansenV1, regierolV1, erkenningV1] as never;

export type AnyFormDefinition = FormDefinition<unknown>;

export function findForm(key: string, version: number): AnyFormDefinition | null {
  return (FORMS.find((form) => form.key === key && form.version === version) as AnyFormDefinition | undefined) ?? null;
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
