import { describe, expect, it } from "vitest";
import { centsAsDecimalComma, formatCents } from "~/utils/money";

// Amounts are integer cents. The euro sign is followed by a normal space (U+0020); the thousands
// separator is a full stop and the decimal separator a comma, as nl-BE writes them.
describe("formatCents", () => {
  it("formats euro cents the Belgian way", () => {
    expect(formatCents(1234567)).toBe("€ 12.345,67");
    expect(formatCents(100)).toBe("€ 1,00");
    expect(formatCents(5)).toBe("€ 0,05");
    expect(formatCents(99_999)).toBe("€ 999,99");
    expect(formatCents(100_000)).toBe("€ 1.000,00");
    expect(formatCents(150_000_000_00)).toBe("€ 150.000.000,00");
  });

  it("uses plain ASCII separators: a normal space after the euro sign and no no-break spaces", () => {
    const text = formatCents(1234567);
    expect([...text].map((char) => char.codePointAt(0))).toEqual([0x20ac, 0x20, 0x31, 0x32, 0x2e, 0x33, 0x34, 0x35, 0x2c, 0x36, 0x37]);
    expect(text).not.toMatch(/[\u00a0\u202f]/);
  });

  it("formats zero", () => {
    expect(formatCents(0)).toBe("€ 0,00");
    expect(formatCents(-0)).toBe("€ 0,00");
  });

  it("puts the minus sign before the euro sign", () => {
    expect(formatCents(-1234567)).toBe("-€ 12.345,67");
    expect(formatCents(-5)).toBe("-€ 0,05");
    expect(formatCents(-100_000)).toBe("-€ 1.000,00");
  });
});

// For CSV read by people in Excel nl-BE: no "." (it groups thousands there), no euro sign.
describe("centsAsDecimalComma", () => {
  it("writes euros with a decimal comma and two decimals", () => {
    expect(centsAsDecimalComma(13_500_000)).toBe("135000,00");
    expect(centsAsDecimalComma(1_234_567)).toBe("12345,67");
    expect(centsAsDecimalComma(5)).toBe("0,05");
    expect(centsAsDecimalComma(0)).toBe("0,00");
    expect(centsAsDecimalComma(-1_250)).toBe("-12,50");
  });
});
