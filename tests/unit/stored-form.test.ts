import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileStoredForm, storedFormSchema } from "~/forms/stored-form";
import { validateForm } from "~/forms/validation";

const socialeCohesie = JSON.parse(readFileSync("seeds/forms/sociale-cohesie-v1.json", "utf8"));

describe("a form version stored as data", () => {
  it("compiles the fourth programme's form, with the recurring blocks expanded", () => {
    const form = compileStoredForm(storedFormSchema.parse(socialeCohesie));
    expect(form.steps.map((s) => s.id)).toEqual(["organisatie", "samenwerking", "actie", "begroting", "rekening", "verklaring"]);
    const names = form.steps.flatMap((s) => s.fields.map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(["contactEmail", "aanvraagVorm", "iban", "verklaringOpEer", "actie", "gevraagdBedrag"]));
    expect(new Set(names).size).toBe(names.length);
  });

  it("validates with the same machinery and computes the requested amount from the named field", () => {
    const form = compileStoredForm(storedFormSchema.parse(socialeCohesie));
    const { issuesByStep, parsed } = validateForm(form, { gevraagdBedrag: "120.000,00", actie: "school" }, {}, { attachmentCounts: {} });
    expect(issuesByStep.actie).toContainEqual({ path: ["projectomschrijving"], message: "Dit veld is verplicht." });
    expect(form.requestedCents(parsed, {})).toBe(12_000_000);
  });

  it("refuses a definition with a duplicate field, a dangling condition or a requested amount that is not money", () => {
    const broken = {
      key: "kapot",
      version: 1,
      title: "Kapot",
      requestedAmountField: "naam",
      steps: [
        { id: "een", title: "Een", fields: [{ type: "text", name: "naam", label: "Naam" }, { block: "contactpersoon" }] },
        {
          id: "twee",
          title: "Twee",
          fields: [{ type: "text", name: "naam", label: "Nog eens", showIf: { field: "elders", equals: "ja" } }],
        },
      ],
    };
    const result = storedFormSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'Veld "naam" komt twee keer voor.',
      'Veld "naam" hangt af van "elders", dat niet in dezelfde stap staat.',
      '"naam" is geen bedragveld van dit formulier.',
    ]);
  });
});
