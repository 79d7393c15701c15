import * as z from "zod";
import nl from "zod/v4/locales/nl.js";

// Dutch defaults for every zod message we do not word ourselves.
z.config(nl());

export type FieldErrors = Record<string, string>;

export type FormFailure = {
  ok: false;
  /** First message per field path ("contact.email"); "form" holds errors about the whole form */
  errors: FieldErrors;
  /** What the user sent, so the page can show it again: nothing typed is lost */
  values: Record<string, string>;
};

export type ParsedForm<T> = { ok: true; data: T } | FormFailure;

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Plain string values of a form post, without files and without secrets. */
export function echoableValues(formData: FormData, secretFields: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !secretFields.includes(key)) values[key] = value;
  }
  return values;
}

/** A form post read in the shape of a schema, before anything is checked. */
export type FormInput = { [name: string]: FormInputValue };
export type FormInputValue = string | string[] | FormInput | FormInput[] | undefined;

/** What a schema expects at a name of the post: named fields, a list, or one value. */
type FormShape =
  | { kind: "fields"; fields: Map<string, z.core.$ZodType>; rest: z.core.$ZodType | null }
  | { kind: "list"; item: z.core.$ZodType }
  | { kind: "value" };

/** Wrappers that do not change what the post carries (optional, default, catch, ...). */
function innerSchema(schema: z.core.$ZodType): z.core.$ZodType | null {
  if (
    schema instanceof z.core.$ZodOptional ||
    schema instanceof z.core.$ZodNullable ||
    schema instanceof z.core.$ZodDefault ||
    schema instanceof z.core.$ZodPrefault ||
    schema instanceof z.core.$ZodNonOptional ||
    schema instanceof z.core.$ZodCatch ||
    schema instanceof z.core.$ZodReadonly
  ) {
    return schema._zod.def.innerType;
  }
  if (schema instanceof z.core.$ZodLazy) return schema._zod.def.getter();
  // A pipe reads what its first schema reads; a preprocess (a transform first) what it hands on to.
  if (schema instanceof z.core.$ZodPipe)
    return schema._zod.def.in instanceof z.core.$ZodTransform ? schema._zod.def.out : schema._zod.def.in;
  return null;
}

function formShape(schema: z.core.$ZodType): FormShape {
  const inner = innerSchema(schema);
  if (inner) return formShape(inner);
  if (schema instanceof z.core.$ZodObject) {
    const catchall = schema._zod.def.catchall;
    // A strict object (catchall never) refuses other names: they are not read, so never refused.
    const rest = catchall && !(catchall instanceof z.core.$ZodNever) ? catchall : null;
    return { kind: "fields", fields: new Map(Object.entries(schema._zod.def.shape)), rest };
  }
  if (schema instanceof z.core.$ZodArray) return { kind: "list", item: schema._zod.def.element };
  if (schema instanceof z.core.$ZodUnion) return mergeShapes(schema._zod.def.options.map(formShape));
  if (schema instanceof z.core.$ZodIntersection) return mergeShapes([formShape(schema._zod.def.left), formShape(schema._zod.def.right)]);
  return { kind: "value" };
}

/** The options of a union (or the halves of an intersection): every name any of them reads. */
function mergeShapes(shapes: readonly FormShape[]): FormShape {
  const fields = new Map<string, z.core.$ZodType>();
  let rest: z.core.$ZodType | null = null;
  let sawFields = false;
  for (const shape of shapes) {
    if (shape.kind !== "fields") continue;
    sawFields = true;
    for (const [name, schema] of shape.fields) if (!fields.has(name)) fields.set(name, schema);
    rest ??= shape.rest;
  }
  if (sawFields) return { kind: "fields", fields, rest };
  return shapes.find((shape) => shape.kind === "list") ?? { kind: "value" };
}

function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === "string");
}

/** Row numbers posted under a list name: "rubric.0.key", "rubric.2.key" -> [0, 2]. */
function rowIndexes(formData: FormData, name: string): number[] {
  const indexes = new Set<number>();
  for (const key of formData.keys()) {
    const match = key.startsWith(`${name}.`) ? /^(\d+)\./.exec(key.slice(name.length + 1)) : null;
    if (match?.[1] !== undefined) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

function readAt(schema: z.core.$ZodType, name: string, formData: FormData): FormInputValue {
  const shape = formShape(schema);
  if (shape.kind === "fields") {
    // A group of fields that the post does not mention at all is absent, not empty.
    const prefix = `${name}.`;
    if (![...formData.keys()].some((key) => key.startsWith(prefix))) return undefined;
    return readFields(shape, prefix, formData);
  }
  if (shape.kind === "list") {
    if (formShape(shape.item).kind === "fields")
      return rowIndexes(formData, name).map((index) => readRow(shape.item, `${name}.${index}`, formData));
    return texts(formData, name);
  }
  // One value: a name posted twice stays a list, so the schema refuses it rather than one being picked.
  const values = texts(formData, name);
  return values.length > 1 ? values : values[0];
}

function readRow(schema: z.core.$ZodType, name: string, formData: FormData): FormInput {
  const shape = formShape(schema);
  return shape.kind === "fields" ? readFields(shape, `${name}.`, formData) : {};
}

function readFields(shape: Extract<FormShape, { kind: "fields" }>, prefix: string, formData: FormData): FormInput {
  const input: FormInput = {};
  for (const [field, schema] of shape.fields) input[field] = readAt(schema, `${prefix}${field}`, formData);
  if (shape.rest) {
    for (const key of new Set(formData.keys())) {
      const field = key.startsWith(prefix) ? key.slice(prefix.length) : null;
      if (field && !shape.fields.has(field) && (prefix === "" || !field.includes("."))) input[field] = readAt(shape.rest, key, formData);
    }
  }
  return input;
}

/**
 * A form post in the shape the schema reads, for zod to check. The schema says what each name
 * holds: a list (`z.array`) collects every value of a repeated name (checkboxes), also none or
 * one; a list of objects reads rows from "rubric.0.key", "rubric.1.key" (react-hook-form's
 * paths, rows in number order); anything else is one text, absent when not posted. Only the
 * names the schema knows are read (plus every other name for an object with a catchall).
 * Files are not in here: readFormPost hands them over beside the fields.
 */
export function formInput(schema: z.core.$ZodType, formData: FormData): FormInput {
  const shape = formShape(schema);
  if (shape.kind === "fields") return readFields(shape, "", formData);
  // A schema of any names (a record): every name, a repeated one as a list.
  const input: FormInput = {};
  for (const key of new Set(formData.keys())) {
    const values = texts(formData, key);
    input[key] = values.length > 1 ? values : values[0];
  }
  return input;
}

/** Validates a form post on the server with the same zod schema the browser uses. */
export function parseFormData<S extends z.core.$ZodType>(
  schema: S,
  formData: FormData,
  options: { secretFields?: readonly string[] } = {},
): ParsedForm<z.output<S>> {
  const result = z.safeParse(schema, formInput(schema, formData));
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: issuesToFieldErrors(result.error.issues),
    values: echoableValues(formData, options.secretFields),
  };
}
