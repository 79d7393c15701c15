import { describe, expect, it } from "vitest";
import { formatKboNumber, isValidKboNumber, kboNumberSchema, normaliseKboNumber } from "~/domain/organisation";

const MESSAGE = "Geef een geldig ondernemingsnummer op (formaat 0123.456.749).";

describe("KBO enterprise numbers (mod 97)", () => {
  it("accepts valid numbers, with or without dots, spaces and a BE prefix", () => {
    for (const input of [
      "0123456749",
      "0123.456.749",
      "BE0123456749",
      "BE 0123.456.749",
      "be0123.456.749",
      " 0412 345 614 ",
      "0412.345.614",
      "1234.567.894", // new-style numbers start with 1
      "1000.002.197", // first eight digits divisible by 97: check digits 97
    ]) {
      expect(isValidKboNumber(input), input).toBe(true);
    }
  });

  it("refuses wrong check digits", () => {
    for (const input of ["0123.456.748", "0123.456.750", "0412.345.641", "1000.002.100"]) {
      expect(isValidKboNumber(input), input).toBe(false);
    }
  });

  it("refuses the wrong number of digits", () => {
    for (const input of ["123.456.749", "123456749", "01234567490", "0123.456.7490", "", "BE"]) {
      expect(isValidKboNumber(input), input).toBe(false);
    }
  });

  it("refuses numbers that do not start with 0 or 1, even with correct check digits", () => {
    // 20713201 mod 97 = 15, so 82 would be the right check for the first eight digits.
    expect(isValidKboNumber("2071.320.182")).toBe(false);
    expect(isValidKboNumber("9700.000.097")).toBe(false);
  });

  it("refuses letters and other punctuation", () => {
    for (const input of ["0123-456-749", "0123/456/749", "O123456749", "NL0123456749", "0123.456.74a"]) {
      expect(isValidKboNumber(input), input).toBe(false);
    }
  });

  it("normalises to ten digits and formats them again with dots", () => {
    expect(normaliseKboNumber("BE 0123.456.749")).toBe("0123456749");
    expect(formatKboNumber("0123456749")).toBe("0123.456.749");
  });
});

describe("kboNumberSchema", () => {
  it("gives the bare ten digits for a valid number", () => {
    expect(kboNumberSchema.parse(" BE 0123.456.749 ")).toBe("0123456749");
    expect(kboNumberSchema.parse("1234.567.894")).toBe("1234567894");
  });

  it("explains the format in Dutch for an invalid number", () => {
    for (const input of ["0123.456.748", "2071.320.182", "123", ""]) {
      const result = kboNumberSchema.safeParse(input);
      expect(result.success, input).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([MESSAGE]);
    }
  });
});
