/**
 * A form is data: steps of fields, the rules between them and the computed lines, per form
 * version. The wizard, draft storage, validation, summary and print view read this and nothing
 * programme-specific. See docs/decisions/0009-forms-as-data.md.
 */

export type Option = { value: string; label: string; hint?: string };

/** A field is asked (and required) only when another field of the same step has a value. */
export type Condition = { field: string; equals?: string; includes?: string; notEquals?: string };

import type { AttachmentKind } from "~/attachments/file-types";

/** Which uploads a file field accepts (checked by content on the server). */
export type FileKind = AttachmentKind;

type Common = {
  /** Unique within the whole form; the key in the stored draft. */
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  showIf?: Condition;
};

export type ScalarField = Common &
  (
    | { type: "text"; maxLength?: number; autoComplete?: string }
    | { type: "textarea"; maxLength: number }
    | { type: "email" }
    | { type: "phone" }
    | { type: "iban" }
    | { type: "kbo" }
    | { type: "url" }
    | { type: "integer"; min?: number; max?: number }
    | { type: "money" }
    | { type: "radio"; options: Option[] }
    | { type: "select"; options: Option[] }
    | { type: "checkboxes"; options: Option[]; minSelected?: number }
    /** A single box that must be ticked: a declaration on honour. */
    | { type: "declaration" }
    | { type: "file"; accept: FileKind; maxFiles?: number }
  );

export type RepeatField = Common & {
  type: "repeat";
  fields: ScalarField[];
  minRows?: number;
  maxRows: number;
  /** "Activiteit" -> "Activiteit 1", "Activiteit 2" */
  rowLabel: string;
  addLabel: string;
};

export type Field = ScalarField | RepeatField;

/** Values as typed (what is stored in a draft): nothing is lost, even when invalid. */
export type RawScalar = string | string[] | boolean | undefined;
export type RawRow = Record<string, RawScalar>;
export type RawValue = RawScalar | RawRow[];
export type RawValues = Record<string, RawValue>;

/** Values after validation: amounts in cents, numbers as numbers, IBAN normalised. */
export type ParsedScalar = string | number | boolean | string[] | null;
export type ParsedValues = Record<string, ParsedScalar | Array<Record<string, ParsedScalar>>>;

export type RuleContext<Settings> = {
  settings: Settings;
  /** Reports a problem at a field path of the step, e.g. ["gevraagdBedrag"]. */
  issue: (path: Array<string | number>, message: string) => void;
};

export type ComputedLine<Settings> = {
  label: string;
  /** Formatted for display; null when the inputs are not complete yet. */
  value: (values: ParsedValues, settings: Settings) => string | null;
};

export type Step<Settings> = {
  /** URL slug of the step: /dossiers/<id>/stap/<id> */
  id: string;
  title: string;
  intro?: string;
  fields: Field[];
  /** Rules between fields of this step, run on parsed values. */
  rules?: Array<(values: ParsedValues, context: RuleContext<Settings>) => void>;
  computed?: Array<ComputedLine<Settings>>;
};

export type FormDefinition<Settings = unknown> = {
  key: string;
  version: number;
  title: string;
  steps: Array<Step<Settings>>;
  /** Per-call settings (rates, caps) with their defaults. */
  parseSettings: (json: unknown) => Settings;
  /** The amount asked for, from the parsed values; null for recognitions. */
  requestedCents: (values: ParsedValues, settings: Settings) => number | null;
  /** Values filled in when a draft starts: contact person, organisation data. */
  prefill?: (context: PrefillContext) => RawValues;
};

export type PrefillContext = {
  user: { firstName: string; lastName: string; email: string; phone: string | null };
  organisation: { name: string; kboNumber: string | null; province: string | null };
};
