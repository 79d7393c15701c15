import * as z from "zod";
import { issuesToFieldErrors } from "~/utils/forms";
import { expandFields, STORED_BLOCK_NAMES } from "./compile-stored-form";

// Compiling is zod-free in ./compile-stored-form, for the browser; re-exported for the server.
export { compileStoredForm } from "./compile-stored-form";

/**
 * A form version as plain JSON, so an administrator (or the seeds) can add a programme
 * without code: steps of fields of the same types as the forms in code, plus the recurring
 * blocks by name. What JSON cannot say (rules between fields, computed lines, per-call rates)
 * stays with the forms in code. See docs/decisions/0015-forms-stored-as-data.md.
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Gebruik kleine letters, cijfers en koppeltekens.");
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "Een veldnaam bestaat uit letters en cijfers.");
const optionSchema = z.object({ value: slug, label: z.string().min(1), hint: z.string().optional() });
const conditionSchema = z.object({
  field: fieldName,
  equals: z.string().optional(),
  includes: z.string().optional(),
  notEquals: z.string().optional(),
});
const common = {
  name: fieldName,
  label: z.string().min(1),
  hint: z.string().optional(),
  required: z.boolean().optional(),
  showIf: conditionSchema.optional(),
};

const scalarFieldSchema = z.discriminatedUnion("type", [
  z.object({ ...common, type: z.literal("text"), maxLength: z.number().int().positive().optional() }),
  z.object({ ...common, type: z.literal("textarea"), maxLength: z.number().int().positive() }),
  z.object({ ...common, type: z.literal("email") }),
  z.object({ ...common, type: z.literal("phone") }),
  z.object({ ...common, type: z.literal("iban") }),
  z.object({ ...common, type: z.literal("kbo") }),
  z.object({ ...common, type: z.literal("url") }),
  z.object({ ...common, type: z.literal("integer"), min: z.number().int().optional(), max: z.number().int().optional() }),
  z.object({ ...common, type: z.literal("money") }),
  z.object({ ...common, type: z.literal("radio"), options: z.array(optionSchema).min(2) }),
  z.object({ ...common, type: z.literal("select"), options: z.array(optionSchema).min(1) }),
  z.object({ ...common, type: z.literal("checkboxes"), options: z.array(optionSchema).min(1), minSelected: z.number().int().optional() }),
  z.object({ ...common, type: z.literal("declaration") }),
  z.object({
    ...common,
    type: z.literal("file"),
    accept: z.enum(["pdf", "pdf-or-spreadsheet"]),
    maxFiles: z.number().int().positive().optional(),
  }),
]);

const repeatFieldSchema = z.object({
  ...common,
  type: z.literal("repeat"),
  fields: z.array(scalarFieldSchema).min(1),
  minRows: z.number().int().min(0).optional(),
  maxRows: z.number().int().positive(),
  rowLabel: z.string().min(1),
  addLabel: z.string().min(1),
});

const blockSchema = z.object({ block: z.enum(STORED_BLOCK_NAMES) });

export const storedFormSchema = z
  .object({
    key: slug,
    version: z.number().int().positive(),
    title: z.string().min(1),
    steps: z
      .array(
        z.object({
          id: slug,
          title: z.string().min(1),
          intro: z.string().optional(),
          fields: z.array(z.union([blockSchema, scalarFieldSchema, repeatFieldSchema])).min(1),
        }),
      )
      .min(1),
    /** The money field whose amount is the requested funding; none for recognitions. */
    requestedAmountField: fieldName.optional(),
  })
  .superRefine((form, ctx) => {
    const steps = form.steps.map((step) => ({ id: step.id, fields: expandFields(step.fields) }));
    const names = new Set<string>();
    const stepIds = new Set<string>();
    steps.forEach((step, stepIndex) => {
      if (stepIds.has(step.id))
        ctx.addIssue({ code: "custom", path: ["steps", stepIndex, "id"], message: `Stap "${step.id}" komt twee keer voor.` });
      stepIds.add(step.id);
      const here = new Set(step.fields.map((f) => f.name));
      for (const field of step.fields) {
        if (names.has(field.name))
          ctx.addIssue({ code: "custom", path: ["steps", stepIndex], message: `Veld "${field.name}" komt twee keer voor.` });
        names.add(field.name);
        if (field.showIf && !here.has(field.showIf.field)) {
          ctx.addIssue({
            code: "custom",
            path: ["steps", stepIndex],
            message: `Veld "${field.name}" hangt af van "${field.showIf.field}", dat niet in dezelfde stap staat.`,
          });
        }
      }
    });
    if (form.requestedAmountField) {
      const money = steps.flatMap((s) => s.fields).find((f) => f.name === form.requestedAmountField);
      if (!money || money.type !== "money") {
        ctx.addIssue({
          code: "custom",
          path: ["requestedAmountField"],
          message: `"${form.requestedAmountField}" is geen bedragveld van dit formulier.`,
        });
      }
    }
  });
export type StoredForm = z.infer<typeof storedFormSchema>;

/** Reads a pasted form version: JSON syntax, then the schema; one message for the text box. */
export function readStoredFormJson(json: string): { ok: true; data: StoredForm } | { ok: false; errors: { definition: string } } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, errors: { definition: "Dit is geen geldige JSON." } };
  }
  const parsed = storedFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = issuesToFieldErrors(parsed.error.issues);
    return {
      ok: false,
      errors: {
        definition: Object.entries(errors)
          .map(([path, message]) => `${path}: ${message}`)
          .join(" "),
      },
    };
  }
  return { ok: true, data: parsed.data };
}
