import { describe, expect, it } from "vitest";
import { advanceCents, settle } from "~/grants/settlement";

const reach = { basis: "REACH" as const, ratePerLearnerCents: 6000, maxLearners: 2250 };

describe("settling a grant", () => {
  it("Oefenkansen: realised reach × rate, less the advance paid, is the balance", () => {
    const result = settle({ ...reach, grantedCents: 1_800_000, advancesPaidCents: 1_080_000, learnersReached: 280 });
    expect(result).toMatchObject({ settledCents: 1_680_000, balanceCents: 600_000, outcome: "BALANCE_PAYMENT" });
    expect(result.lines).toContain("280 × € 60,00 = € 16.800,00.");
    expect(result.lines.at(-1)).toBe("Saldo te betalen: € 6.000,00.");
  });

  it("Oefenkansen: counts at most the call's maximum of learners, and never more than was granted", () => {
    const capped = settle({ ...reach, maxLearners: 100, grantedCents: 1_800_000, advancesPaidCents: 0, learnersReached: 400 });
    expect(capped.settledCents).toBe(600_000);
    expect(capped.lines[0]).toBe("400 deelnemers bereikt; de oproep telt er hoogstens 100.");
    const overGrant = settle({ ...reach, grantedCents: 1_000_000, advancesPaidCents: 600_000, learnersReached: 300 });
    expect(overGrant).toMatchObject({ settledCents: 1_000_000, balanceCents: 400_000 });
    expect(overGrant.lines).toContain("Begrensd tot het toegekende bedrag: € 10.000,00.");
  });

  it("Oefenkansen: a reach below what the advance paid for gives a recovery", () => {
    const result = settle({ ...reach, grantedCents: 1_800_000, advancesPaidCents: 1_080_000, learnersReached: 120 });
    expect(result).toMatchObject({ settledCents: 720_000, balanceCents: -360_000, outcome: "RECOVERY" });
    expect(result.lines.at(-1)).toBe("Terug te vorderen: € 3.600,00.");
  });

  it("regierol and recognition: the accepted costs, capped by the grant; even is settled", () => {
    expect(settle({ basis: "COSTS", grantedCents: 2_500_000, advancesPaidCents: 1_500_000, acceptedCostsCents: 2_600_000 })).toMatchObject({
      settledCents: 2_500_000,
      balanceCents: 1_000_000,
    });
    expect(settle({ basis: "COSTS", grantedCents: 2_500_000, advancesPaidCents: 1_500_000, acceptedCostsCents: 1_500_000 })).toMatchObject({
      balanceCents: 0,
      outcome: "SETTLED",
    });
  });

  it("refuses amounts that are not whole, non-negative cents", () => {
    expect(() => settle({ basis: "COSTS", grantedCents: 100.5, advancesPaidCents: 0, acceptedCostsCents: 0 })).toThrow(RangeError);
    expect(() => settle({ ...reach, grantedCents: 100, advancesPaidCents: 0, learnersReached: -1 })).toThrow(RangeError);
  });

  it("an advance rounds down to the cent, so advances never exceed the grant", () => {
    expect(advanceCents(1_800_000, 60)).toBe(1_080_000);
    expect(advanceCents(1_001, 60)).toBe(600);
    expect(advanceCents(99, 100)).toBe(99);
  });
});
