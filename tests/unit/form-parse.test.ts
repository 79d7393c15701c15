import { describe, expect, it } from "vitest";
import { formatIban, isValidIban, normaliseBelgianPhone, parseEuroToCents, parseWholeNumber } from "~/forms/parse";

describe("amounts as Belgians type them", () => {
  it.each([
    ["12.345,67", 1_234_567],
    ["12345,67", 1_234_567],
    ["12345.67", 1_234_567],
    ["€ 1 250", 125_000],
    ["12.345", 1_234_500],
    ["0,5", 50],
    ["18.000,00", 1_800_000],
  ])("%s is %i cents", (input, cents) => expect(parseEuroToCents(input)).toBe(cents));

  it.each(["", "abc", "1,2,3", "12,345", "-5", "1.23.4,00", "12,3456"])("refuses %j", (input) =>
    expect(parseEuroToCents(input)).toBeNull(),
  );
});

describe("IBAN", () => {
  it("accepts valid Belgian and foreign IBANs, with or without spaces", () => {
    expect(isValidIban("BE68 5390 0754 7034")).toBe(true);
    expect(isValidIban("be68539007547034")).toBe(true);
    expect(isValidIban("NL91ABNA0417164300")).toBe(true);
  });
  it("refuses a wrong check digit or a wrong Belgian length", () => {
    expect(isValidIban("BE69 5390 0754 7034")).toBe(false);
    expect(isValidIban("BE68 5390 0754 703")).toBe(false);
  });
  it("formats in groups of four", () => expect(formatIban("be68539007547034")).toBe("BE68 5390 0754 7034"));
});

describe("Belgian phone numbers", () => {
  it.each([
    ["016 27 20 00", "+3216272000"],
    ["0470 12 34 56", "+32470123456"],
    ["+32 2 553 32 11", "+3225533211"],
    ["0032 470/12.34.56", "+32470123456"],
  ])("%s becomes %s", (input, expected) => expect(normaliseBelgianPhone(input)).toBe(expected));
  it.each(["12345", "+31 20 123 4567", "0270 12 34 56", "016 27 20"])("refuses %s", (input) =>
    expect(normaliseBelgianPhone(input)).toBeNull(),
  );
});

describe("whole numbers", () => {
  it("reads thousands dots", () => expect(parseWholeNumber("2.250")).toBe(2250));
  it("refuses decimals", () => expect(parseWholeNumber("2,5")).toBeNull());
});
