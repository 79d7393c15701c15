import { describe, expect, it } from "vitest";
import { oefenkansenV1 } from "~/forms/definitions/oefenkansen";
import { regierolV1 } from "~/forms/definitions/regierol";
import { findForm, listForms } from "~/forms/registry";
import type { Step } from "~/forms/types";
import { stepSchema, validateForm, validateStep } from "~/forms/validation";
import { stepAnswersSchema } from "~/forms/step-post.server";
import { parseFormData } from "~/utils/forms";
import { oefenkansenDraft } from "../support/answers";

const settings = oefenkansenV1.parseSettings({});
const none = { attachmentCounts: {} };
const step = (form: typeof oefenkansenV1 | typeof regierolV1, id: string) => form.steps.find((s) => s.id === id)! as Step<unknown>;

describe("the form registry", () => {
  it("knows the three programmes' form versions", () => {
    expect(listForms().map((f) => `${f.key}@${f.version}`)).toEqual(["oefenkansen@1", "regierol@1", "erkenning@1"]);
    expect(findForm("oefenkansen", 2)).toBeNull();
  });
  it("uses unique field names within each form", () => {
    for (const { key, version } of listForms()) {
      const names = findForm(key, version)!.steps.flatMap((s) => s.fields.map((f) => f.name));
      expect(new Set(names).size, key).toBe(names.length);
    }
  });
});

describe("validation of a step", () => {
  it("accepts the complete Oefenkansen answers and parses amounts to cents", () => {
    const result = validateForm(oefenkansenV1, oefenkansenDraft(), settings, none);
    expect(result.issuesByStep).toEqual({});
    expect(result.parsed.gevraagdBedrag).toBe(1_800_000);
    expect(result.parsed.iban).toBe("BE68539007547034");
    expect(oefenkansenV1.requestedCents(result.parsed, settings)).toBe(1_800_000);
  });

  it("asks conditional fields only when their condition holds", () => {
    const organisation = step(oefenkansenV1, "organisatie");
    const alone = validateStep(organisation, { ...oefenkansenDraft(), aanvraagVorm: "alleen" }, settings, none);
    expect(alone.issues).toEqual([]);
    const together = validateStep(organisation, { ...oefenkansenDraft(), aanvraagVorm: "samenwerkingsverband" }, settings, none);
    expect(together.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["samenwerkingNaam", "Dit veld is verplicht."],
      ["samenwerkingTrekker", "Dit veld is verplicht."],
      ["samenwerkingPartners", "Dit veld is verplicht."],
      ["samenwerkingsovereenkomst", "Voeg een bestand toe."],
    ]);
  });

  it("says how long a text is instead of cutting it off", () => {
    const text = "a".repeat(2001);
    const { issues } = validateStep(step(oefenkansenV1, "huidig-aanbod"), { ...oefenkansenDraft(), huidigAanbod: text }, settings, none);
    expect(issues).toContainEqual({ path: ["huidigAanbod"], message: "Uw antwoord telt 2.001 tekens; het maximum is 2.000. Kort het in." });
  });

  it("checks every row of a repeatable block, and that there is one", () => {
    const activities = step(oefenkansenV1, "activiteiten");
    expect(validateStep(activities, { activiteiten: [] }, settings, none).issues).toEqual([
      { path: ["activiteiten"], message: "Voeg minstens één activiteit toe." },
    ]);
    const row = { ...(oefenkansenDraft().activiteiten as object[])[0], niveau: "C1", doelgroep: [] };
    expect(validateStep(activities, { activiteiten: [row] }, settings, none).issues).toEqual([
      { path: ["activiteiten", 0, "doelgroep"], message: "Gelieve een optie te kiezen." },
      { path: ["activiteiten", 0, "niveau"], message: "Gelieve een optie te kiezen." },
    ]);
  });

  it("caps the Flemish contribution at the reach times the rate, and asks matching co-financing", () => {
    const budget = step(oefenkansenV1, "begroting");
    const tooMuch = validateStep(budget, { ...oefenkansenDraft(), gevraagdBedrag: "18.000,01" }, settings, none);
    expect(tooMuch.issues).toEqual([
      { path: ["gevraagdBedrag"], message: "Het gevraagde bedrag is hoger dan de maximale Vlaamse bijdrage van € 18.000,00." },
    ]);
    const cheap = validateStep(budget, { ...oefenkansenDraft(), personeelskosten: "20.000", werkingskosten: "0" }, settings, none);
    expect(cheap.issues).toEqual([
      {
        path: ["gevraagdBedrag"],
        message: "De lokale cofinanciering (€ 2.000,00) moet minstens even groot zijn als de gevraagde Vlaamse bijdrage (€ 18.000,00).",
      },
    ]);
    const capped = validateStep(budget, { ...oefenkansenDraft(), verwachteLeerders: "5000" }, settings, none);
    expect(budget.computed![0]!.value(capped.parsed, settings)).toBe("€ 135.000,00 (2.250 leerders × € 60,00, hoogstens 2.250 leerders)");
  });

  it("refuses the same regierol policy priority twice", () => {
    const row = { prioriteit: "regie", acties: "a", indicatoren: "b", begrotingslijnen: "AP 1" };
    const { issues } = validateStep(step(regierolV1, "prioriteiten"), { prioriteiten: [row, row] }, regierolV1.parseSettings({}), none);
    expect(issues).toEqual([
      { path: ["prioriteiten", 1, "prioriteit"], message: "Deze beleidsprioriteit staat er al. Beschrijf elke prioriteit één keer." },
    ]);
  });

  it("is the same zod schema for react-hook-form and the server", () => {
    const schema = stepSchema(step(oefenkansenV1, "rekening"), settings, none);
    const result = schema.safeParse({ iban: "BE00", rekeninghouder: "", gebruikelijkeRekening: "ja" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["iban", "Geef een geldig IBAN op."],
      ["rekeninghouder", "Dit veld is verplicht."],
    ]);
  });
});

describe("reading a plain form post", () => {
  it("turns dotted names into rows and ticked boxes into lists", () => {
    const form = new FormData();
    form.append("activiteiten.1._row", "1");
    form.append("activiteiten.0._row", "1");
    form.append("activiteiten.0.doelgroep", "ouders");
    form.append("activiteiten.0.doelgroep", "werknemers");
    form.append("activiteiten.1.locatie", "Bib");
    const parsed = parseFormData(stepAnswersSchema(step(oefenkansenV1, "activiteiten").fields), form);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const values = parsed.data;
    const rows = values.activiteiten as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.doelgroep).toEqual(["ouders", "werknemers"]);
    expect(rows[1]!.locatie).toBe("Bib");
  });
});
