import { describe, expect, it } from "vitest";
import { budgetFigures, envelopeWarning } from "~/review/budget";

describe("the envelope warning for a reviewer", () => {
  // € 30.000,00 envelope, € 18.000,00 granted: € 12.000,00 left.
  const figures = budgetFigures(3_000_000, 1_800_000, 0);

  it("says nothing when the amount fits, or there is no envelope or amount", () => {
    expect(envelopeWarning(figures, 1_200_000, 0, "proposal")).toBeNull();
    expect(envelopeWarning(budgetFigures(null, 0, 0), 99_999_999, 0, "proposal")).toBeNull();
    expect(envelopeWarning(figures, null, 0, "request")).toBeNull();
    expect(envelopeWarning(figures, 0, 0, "proposal")).toBeNull();
  });

  it("warns when the amount is more than what is left", () => {
    expect(envelopeWarning(figures, 1_234_567, 0, "proposal")).toBe(
      "Dit voorstel (€ 12.345,67) is meer dan er nog vrij is in het budget van de oproep: € 12.000,00 van € 30.000,00. Een beslisser kan het zo niet goedkeuren.",
    );
    expect(envelopeWarning(budgetFigures(1_000_000, 1_200_000, 0), 100, 0, "request")).toBe(
      "Het gevraagde bedrag (€ 1,00) is meer dan er nog vrij is in het budget van de oproep: € 0,00 van € 10.000,00. Een beslisser kan het zo niet goedkeuren.",
    );
  });

  it("names the other proposals awaiting a decision when together they do not fit", () => {
    expect(envelopeWarning(figures, 1_000_000, 500_000, "proposal")).toBe(
      "Dit voorstel (€ 10.000,00) past nog in het budget van de oproep (€ 12.000,00 vrij van € 30.000,00), maar niet samen met de andere voorstellen die op een beslissing wachten (€ 5.000,00).",
    );
  });
});
