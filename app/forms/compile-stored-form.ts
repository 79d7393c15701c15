/**
 * A stored form version (JSON, checked by ./stored-form on the server) compiled into the form
 * definition the wizard, validation and summary use. No zod here: the wizard compiles it in
 * the browser, and the schema of stored forms would put zod classic on that page.
 */
import {
  bankAccountFields,
  budgetJustificationFields,
  contactPersonFields,
  declarationFields,
  otherSubsidiesField,
  partnershipFields,
  prefillContactPerson,
} from "./blocks";
import type { StoredForm } from "./stored-form";
import type { Field, FormDefinition } from "./types";

/** The recurring blocks of Flemish subsidy forms, by the name a stored form uses. */
export const STORED_BLOCKS = {
  contactpersoon: contactPersonFields,
  samenwerking: partnershipFields,
  rekening: bankAccountFields,
  "andere-subsidies": () => [otherSubsidiesField()],
  "begroting-toelichting": budgetJustificationFields,
  verklaring: () => declarationFields(),
} satisfies Record<string, () => Field[]>;

type StoredStepField = StoredForm["steps"][number]["fields"][number];

export function expandFields(fields: readonly StoredStepField[]): Field[] {
  // The schema checked every non-block entry against the field types, so it is a Field.
  return fields.flatMap((field): Field[] => ("block" in field ? STORED_BLOCKS[field.block]() : [field as Field]));
}

/** A stored form version as the wizard, validation and summary use it. */
export function compileStoredForm(stored: StoredForm): FormDefinition<Record<string, never>> {
  const steps = stored.steps.map((step) => ({ id: step.id, title: step.title, intro: step.intro, fields: expandFields(step.fields) }));
  const hasContactBlock = stored.steps.some((step) => step.fields.some((f) => "block" in f && f.block === "contactpersoon"));
  const amountField = stored.requestedAmountField;
  return {
    key: stored.key,
    version: stored.version,
    title: stored.title,
    steps,
    parseSettings: () => ({}),
    requestedCents: (values) => (amountField && typeof values[amountField] === "number" ? (values[amountField] as number) : null),
    prefill: hasContactBlock ? prefillContactPerson : undefined,
  };
}
