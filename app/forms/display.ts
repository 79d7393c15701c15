import { formatKboNumber, normaliseKboNumber } from "~/domain/kbo";
import { formatCents } from "~/utils/money";
import { formatIban, parseEuroToCents } from "./parse";
import type { Field, RawValue, ScalarField } from "./types";
import { asBoolean, asList, asRows, asText } from "./values";

export const NOT_ANSWERED = "Niet ingevuld";

/** A stored answer as a reader sees it on the summary, the receipt and the print view. */
export function displayScalar(field: ScalarField, raw: RawValue, fileNames: readonly string[] = []): string {
  const text = asText(raw);
  switch (field.type) {
    case "radio":
    case "select":
      return field.options.find((option) => option.value === text)?.label ?? (text || NOT_ANSWERED);
    case "checkboxes": {
      const labels = asList(raw).map((value) => field.options.find((option) => option.value === value)?.label ?? value);
      return labels.length > 0 ? labels.join("; ") : NOT_ANSWERED;
    }
    case "declaration":
      return asBoolean(raw) ? "Ja, verklaard" : "Niet verklaard";
    case "file":
      return fileNames.length > 0 ? fileNames.join(", ") : "Geen bestand";
    case "money": {
      const cents = parseEuroToCents(text);
      return cents === null ? text || NOT_ANSWERED : formatCents(cents);
    }
    case "iban":
      return text ? formatIban(text) : NOT_ANSWERED;
    case "kbo": {
      const digits = normaliseKboNumber(text);
      return /^\d{10}$/.test(digits) ? formatKboNumber(digits) : text || NOT_ANSWERED;
    }
    default:
      return text || NOT_ANSWERED;
  }
}

export type DisplayRow = { label: string; value: string; path: string };

/** Label/value lines for some fields, repeat rows flattened as "Activiteit 2 – Locatie". */
export function displayFields(
  fields: readonly Field[],
  values: Record<string, RawValue>,
  fileNamesByField: Record<string, string[]>,
  isShown: (field: Field, values: Record<string, RawValue>) => boolean,
): DisplayRow[] {
  const rows: DisplayRow[] = [];
  for (const field of fields) {
    if (!isShown(field, values)) continue;
    if (field.type !== "repeat") {
      rows.push({ label: field.label, value: displayScalar(field, values[field.name], fileNamesByField[field.name]), path: field.name });
      continue;
    }
    const items = asRows(values[field.name]);
    if (items.length === 0) rows.push({ label: field.label, value: NOT_ANSWERED, path: field.name });
    items.forEach((item, index) => {
      for (const sub of field.fields) {
        if (!isShown(sub, item)) continue;
        rows.push({
          label: `${field.rowLabel} ${index + 1} – ${sub.label}`,
          value: displayScalar(sub, item[sub.name]),
          path: `${field.name}.${index}.${sub.name}`,
        });
      }
    });
  }
  return rows;
}

/** "contactEmail" -> "E-mailadres"; "activiteiten.1.niveau" -> "Activiteit 2 – Taalniveau (ERK)" */
export function labelForPath(fields: readonly Field[], path: string): string | undefined {
  const [name, index, sub] = path.split(".");
  const field = fields.find((f) => f.name === name);
  if (!field) return undefined;
  if (field.type !== "repeat" || index === undefined) return field.label;
  const subField = field.fields.find((f) => f.name === sub);
  return subField ? `${field.rowLabel} ${Number(index) + 1} – ${subField.label}` : field.label;
}
