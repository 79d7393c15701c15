import { findForm, type AnyFormDefinition } from "./registry";
import { compileStoredForm } from "./compile-stored-form";
import type { StoredForm } from "./stored-form";

/** The form version in the browser: from code, or compiled from the JSON the page carried. */
export function formFor(key: string, version: number, stored: StoredForm | null): AnyFormDefinition {
  const form = findForm(key, version) ?? (stored ? compileStoredForm(stored) : null);
  if (!form) throw new Error(`Onbekend formulier ${key} versie ${version}`);
  return form;
}
