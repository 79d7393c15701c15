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

/** The names a stored form uses for the recurring blocks (the schema of stored forms lists them). */
export const STORED_BLOCK_NAMES = [
  "contactpersoon",
  "samenwerking",
  "rekening",
  "andere-subsidies",
  "begroting-toelichting",
  "verklaring",
] as const;

/** The recurring blocks of Flemish subsidy forms, by the name a stored form uses. */
export const STORED_BLOCKS: Record<(typeof STORED_BLOCK_NAMES)[number], () => Field[]> = {
  contactpersoon: contactPersonFields,
  samenwerking: partnershipFields,
  rekening: bankAccountFields,
  "andere-subsidies": () => [otherSubsidiesField()],
  "begroting-toelichting": budgetJustificationFields,
  verklaring: () => declarationFields(),
};

type StoredStepField = StoredForm["steps"][number]["fields"][number];

export function expandFields(fields: readonly StoredStepField[]): Field[] {
  return fields.flatMap((field): Field[] => ("block" in field ? STORED_BLOCKS[field.block]() : [field]));
}

/** A stored form version as the wizard, validation and summary use it (it has no settings). */
export function compileStoredForm(stored: StoredForm): FormDefinition<unknown> {
  const steps = stored.steps.map((step) => ({ id: step.id, title: step.title, intro: step.intro, fields: expandFields(step.fields) }));
  const hasContactBlock = stored.steps.some((step) => step.fields.some((f) => "block" in f && f.block === "contactpersoon"));
  const amountField = stored.requestedAmountField;
  return {
    key: stored.key,
    version: stored.version,
    title: stored.title,
    steps,
    parseSettings: () => ({}),
    requestedCents: (values) => {
      const amount = amountField ? values[amountField] : null;
      return typeof amount === "number" ? amount : null;
    },
    prefill: hasContactBlock ? prefillContactPerson : undefined,
  };
}
