import type { FieldValues, ResolverOptions } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { config } from "zod/v4/core";
import { getForm, listForms, type AnyFormDefinition } from "~/forms/registry";
import type { RawValues } from "~/forms/types";
import { issuesToErrors, stepSchema, validateStep } from "~/forms/validation";
import { assignFormSchema, decisionFormSchema, informationFormSchema, proposalFormSchema } from "~/review/forms";
import { parseFormData } from "~/utils/forms";
import { schemaResolver } from "~/utils/schema-resolver";

/** What react-hook-form passes a resolver for uncontrolled inputs. */
const options = <T extends FieldValues>(): ResolverOptions<T> => ({ fields: {}, shouldUseNativeValidation: false });

/** react-hook-form's nested errors as "path": "message", the way the pages list them. */
function flatten(node: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (!node || typeof node !== "object") return out;
  const message = (node as { message?: unknown }).message;
  if (prefix && typeof message === "string") out[prefix] = message;
  else for (const [key, child] of Object.entries(node)) if (key !== "ref") flatten(child, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

async function browserErrors<S extends z.core.$ZodType<FieldValues, FieldValues>>(schema: S, values: z.input<S>) {
  const result = await schemaResolver(schema)(values, undefined, options());
  return flatten(result.errors);
}

/** What the wizard's server side shows for a step (wizard.server.ts: validateStep, first message per path). */
function wizardServerErrors(form: AnyFormDefinition, stepId: string, values: RawValues) {
  const step = form.steps.find((s) => s.id === stepId)!;
  return issuesToErrors(validateStep(step, values, form.parseSettings({}), { attachmentCounts: {} }).issues);
}

const FORMS = listForms().map(({ key, version }) => getForm(key, version));
const oefenkansenV1 = getForm("oefenkansen", 1);
const regierolV1 = getForm("regierol", 1);
const erkenningV1 = getForm("erkenning", 1);

/** Wrong answers per step; an empty step shows the messages for what is required. */
const WRONG: Array<[AnyFormDefinition, string, RawValues]> = [
  [oefenkansenV1, "organisatie", { contactEmail: "an.peeters@", contactTelefoon: "12", aanvraagVorm: "samen-met-iemand" }],
  [
    oefenkansenV1,
    "begroting",
    { verwachteLeerders: "12,5", personeelskosten: "dertig", gevraagdBedrag: "-5", begrotingToelichting: "x".repeat(5000) },
  ],
  [oefenkansenV1, "rekening", { iban: "BE00 0000 0000 0000", rekeninghouder: " ", gebruikelijkeRekening: "misschien" }],
  [oefenkansenV1, "activiteiten", { activiteiten: [{ soort: "taalcafe" }, { omschrijving: "Wandelgroep", doelgroep: ["niemand"] }] }],
  [
    regierolV1,
    "prioriteiten",
    {
      prioriteiten: [
        { prioriteit: "regie", acties: "a", indicatoren: "b", begrotingslijnen: "AP 1" },
        { prioriteit: "regie", acties: "a", indicatoren: "b", begrotingslijnen: "AP 1" },
      ],
    },
  ],
  [regierolV1, "financiering", { gevraagdBedrag: "25.000,001" }],
  [erkenningV1, "organisatie", { kboNummer: "0123.456.789", website: "ftp://voorbeeld.be", rechtsvorm: "bestaat-niet" }],
];

describe("the browser's resolver says what the server says", () => {
  it("for every empty step of the three forms: the same Dutch message per field path", async () => {
    for (const form of FORMS) {
      for (const step of form.steps) {
        const expected = wizardServerErrors(form, step.id, {});
        expect(
          await browserErrors(stepSchema(step, form.parseSettings({}), { attachmentCounts: {} }), {}),
          `${form.key}/${step.id}`,
        ).toEqual(expected);
      }
    }
  });

  it("for wrong answers: formats, ranges, lengths, options, rows and rules between fields", async () => {
    for (const [form, stepId, values] of WRONG) {
      const step = form.steps.find((s) => s.id === stepId)!;
      const expected = wizardServerErrors(form, stepId, values);
      expect(Object.keys(expected).length, `${form.key}/${stepId} has problems`).toBeGreaterThan(0);
      expect(
        await browserErrors(stepSchema(step, form.parseSettings({}), { attachmentCounts: {} }), values),
        `${form.key}/${stepId}`,
      ).toEqual(expected);
    }
  });

  it("for the staff forms, including zod's own (Dutch) wording of a limit", async () => {
    const cases: Array<[z.core.$ZodType<FieldValues, FieldValues>, Record<string, string>]> = [
      [assignFormSchema, { assigneeId: "", reason: "r".repeat(1001) }],
      [informationFormSchema, { questions: "", dueDate: "morgen" }],
      [proposalFormSchema, { outcome: "misschien", amount: "veel", motivation: " " }],
      [decisionFormSchema, { choice: "", motivation: "" }],
    ];
    for (const [schema, values] of cases) {
      const form = new FormData();
      for (const [name, value] of Object.entries(values)) form.set(name, value);
      const server = parseFormData(schema, form);
      expect(server.ok).toBe(false);
      expect(await browserErrors(schema, values)).toEqual(server.ok ? {} : server.errors);
    }
  });
});

describe("zod's defaults in the browser", () => {
  it("are Dutch without utils/forms.ts, which sets them on the server but never reaches the browser", async () => {
    config({ localeError: undefined });
    vi.resetModules();
    const fresh = await import("~/utils/schema-resolver");
    const result = await fresh.schemaResolver(z.object({ reason: z.string().max(3) }))({ reason: "abcdef" }, undefined, options());
    expect(flatten(result.errors)).toEqual({ reason: "Te lang: verwacht dat string <=3 tekens heeft" });
  });
});
