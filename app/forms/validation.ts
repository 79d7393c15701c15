// zod/mini: this module runs in the wizard in the browser (docs/decisions/0027).
import * as z from "zod/mini";
import { isValidKboNumber, normaliseKboNumber } from "~/domain/kbo";
import { controlCharacterMessage, isBlank } from "~/utils/text";
import { FORM_MESSAGES as M } from "./messages";
import { isValidIban, normaliseBelgianPhone, normaliseIban, parseEuroToCents, parseWholeNumber } from "./parse";
import type { Field, FormDefinition, ParsedScalar, ParsedValues, RawRow, RawValue, RawValues, ScalarField, Step } from "./types";
import { asBoolean, asList, asRows, asText, isVisible } from "./values";

/** What validation knows besides the typed values: the files already uploaded per field. */
export type ValidationContext = { attachmentCounts: Record<string, number> };

export type Issue = { path: Array<string | number>; message: string };
type Report = (path: Array<string | number>, message: string) => void;

const emailFormat = z.email();
const urlFormat = z.url({ protocol: /^https?$/ });

function choiceMessage(field: ScalarField): string {
  switch (field.type) {
    case "radio":
    case "select":
    case "checkboxes":
      return M.choose;
    case "declaration":
      return M.declaration;
    case "file":
      return M.file;
    default:
      return M.required;
  }
}

/** Field kinds whose value is typed text (the others are choices, checkboxes or files). */
const TYPED_TEXT = new Set<ScalarField["type"]>(["text", "textarea", "email", "phone", "iban", "kbo", "url", "integer", "money"]);

/** Checks one field that has a value; returns the parsed value, or reports and returns null. */
function parseScalar(field: ScalarField, raw: RawValue, report: (message: string) => void, files: number): ParsedScalar {
  const text = asText(raw);
  const control = TYPED_TEXT.has(field.type) ? controlCharacterMessage(text, { multiline: field.type === "textarea" }) : null;
  if (control) return (report(control), null);
  switch (field.type) {
    case "text":
    case "textarea": {
      // Counted as the user sees it (line breaks as one), never cut off silently.
      const length = [...text.replace(/\r\n/g, "\n")].length;
      if (field.maxLength !== undefined && length > field.maxLength) report(M.tooLong(length, field.maxLength));
      return text;
    }
    case "email":
      if (!emailFormat.safeParse(text).success) return (report(M.email), null);
      return text.toLowerCase();
    case "phone": {
      const phone = normaliseBelgianPhone(text);
      if (!phone) report(M.phone);
      return phone;
    }
    case "iban":
      if (!isValidIban(text)) return (report(M.iban), null);
      return normaliseIban(text);
    case "kbo":
      if (!isValidKboNumber(text)) return (report(M.kbo), null);
      return normaliseKboNumber(text);
    case "url":
      if (!urlFormat.safeParse(text).success) return (report(M.url), null);
      return text;
    case "integer": {
      const value = parseWholeNumber(text);
      if (value === null) return (report(M.integer), null);
      if (field.min !== undefined && value < field.min) return (report(M.atLeast(field.min)), null);
      if (field.max !== undefined && value > field.max) return (report(M.atMost(field.max)), null);
      return value;
    }
    case "money": {
      const cents = parseEuroToCents(text);
      if (cents === null) report(M.money);
      return cents;
    }
    case "radio":
    case "select":
      if (!field.options.some((option) => option.value === text)) return (report(M.choose), null);
      return text;
    case "checkboxes": {
      const chosen = asList(raw).filter((value) => field.options.some((option) => option.value === value));
      if (field.minSelected !== undefined && chosen.length < field.minSelected) report(M.minSelected(field.minSelected));
      return chosen;
    }
    case "declaration":
      return asBoolean(raw);
    case "file":
      if (field.maxFiles !== undefined && files > field.maxFiles) report(M.maxFiles(field.maxFiles));
      return files;
  }
}

function isEmpty(field: ScalarField, raw: RawValue, files: number): boolean {
  if (field.type === "file") return files === 0;
  if (field.type === "declaration") return !asBoolean(raw);
  if (field.type === "checkboxes") return asList(raw).length === 0;
  // White space or control characters alone do not count as an answer.
  return isBlank(asText(raw));
}

function validateScalars(
  fields: readonly ScalarField[],
  values: RawRow | RawValues,
  path: Array<string | number>,
  context: ValidationContext,
  report: Report,
): Record<string, ParsedScalar> {
  const parsed: Record<string, ParsedScalar> = {};
  for (const field of fields) {
    parsed[field.name] = null;
    if (!isVisible(field, values)) continue;
    const raw = values[field.name];
    const files = context.attachmentCounts[field.name] ?? 0;
    const at = [...path, field.name];
    if (isEmpty(field, raw, files)) {
      if (field.required) report(at, choiceMessage(field));
      else if (field.type === "checkboxes") parsed[field.name] = [];
      continue;
    }
    parsed[field.name] = parseScalar(field, raw, (message) => report(at, message), files);
  }
  return parsed;
}

/** Validates the fields of one step; reports every problem at once and returns parsed values. */
export function validateFields(fields: readonly Field[], values: RawValues, context: ValidationContext, report: Report): ParsedValues {
  const parsed: ParsedValues = {};
  const scalars = fields.filter((field): field is ScalarField => field.type !== "repeat");
  Object.assign(parsed, validateScalars(scalars, values, [], context, report));
  for (const field of fields) {
    if (field.type !== "repeat") continue;
    if (!isVisible(field, values)) {
      parsed[field.name] = [];
      continue;
    }
    const rows = asRows(values[field.name]);
    const minRows = field.minRows ?? (field.required ? 1 : 0);
    if (rows.length < minRows) report([field.name], M.minRows(minRows, field.rowLabel));
    if (rows.length > field.maxRows) report([field.name], M.maxRows(field.maxRows));
    parsed[field.name] = rows.map((row, index) => validateScalars(field.fields, row, [field.name, index], context, report));
  }
  return parsed;
}

export function validateStep<S>(step: Step<S>, values: RawValues, settings: S, context: ValidationContext) {
  const issues: Issue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const parsed = validateFields(step.fields, values, context, report);
  for (const rule of step.rules ?? []) rule(parsed, { settings, issue: report });
  return { parsed, issues };
}

export function validateForm<S>(form: FormDefinition<S>, values: RawValues, settings: S, context: ValidationContext) {
  const parsed: ParsedValues = {};
  const issuesByStep: Record<string, Issue[]> = {};
  for (const step of form.steps) {
    const result = validateStep(step, values, settings, context);
    Object.assign(parsed, result.parsed);
    if (result.issues.length > 0) issuesByStep[step.id] = result.issues;
  }
  return { parsed, issuesByStep, valid: Object.keys(issuesByStep).length === 0 };
}

/**
 * The zod schema of one step of a form version, for react-hook-form in the browser and the
 * action on the server. Built from the same definition, so both say the same.
 */
export function stepSchema<S>(step: Step<S>, settings: S, context: ValidationContext) {
  // Typed, not checked: what the form holds is checked field by field in validateStep.
  const rawValues = z.record(z.string(), z.custom<RawValue>());
  return z.pipe(
    rawValues,
    z.transform((input: RawValues, ctx) => {
      const { parsed, issues } = validateStep(step, input, settings, context);
      for (const issue of issues) ctx.issues.push({ code: "custom", path: issue.path, message: issue.message, input });
      return parsed;
    }),
  );
}

export function issuesToErrors(issues: readonly Issue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}
