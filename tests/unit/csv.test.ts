import { describe, expect, it } from "vitest";
import { BOM, csvField, neutraliseFormula, toCsv } from "~/utils/csv";
import { readCsv } from "../support/csv-reader";

describe("csvField", () => {
  it("leaves plain values alone and writes nothing for a missing one", () => {
    expect(csvField("RAD-2026-0001")).toBe("RAD-2026-0001");
    expect(csvField(123456)).toBe("123456");
    expect(csvField(0)).toBe("0");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes separators, quotes, line breaks and edge spaces, doubling inner quotes", () => {
    expect(csvField("Brugwerk; vzw")).toBe('"Brugwerk; vzw"');
    expect(csvField('vzw "De Brug"')).toBe('"vzw ""De Brug"""');
    expect(csvField("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(" Gent")).toBe('" Gent"');
    // A comma is not the separator here: no quotes needed.
    expect(csvField("Gent, stad")).toBe("Gent, stad");
  });
});

describe("neutraliseFormula", () => {
  it("makes text that a spreadsheet would run as a formula start with an apostrophe", () => {
    for (const text of ['=HYPERLINK("http://x")', "+32 2 000", "-1+1", "@SUM(A1)", "\tX"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula("Stad Gent")).toBe("Stad Gent");
    expect(neutraliseFormula("'s-Gravenwezel")).toBe("'s-Gravenwezel");
  });

  it("leaves a plain decimal-comma number alone, so a spreadsheet reads a number", () => {
    for (const text of ["135000,00", "-12,50", "0"]) expect(neutraliseFormula(text)).toBe(text);
    for (const text of ["-1,5+1", "-12,50,1", "-,5"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
});

describe("csvField guards every text cell against formulas", () => {
  it("puts an apostrophe before text that starts a formula, and quotes it when needed", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+32 2 000 00 00")).toBe("'+32 2 000 00 00");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("=1;2")).toBe('"\'=1;2"');
    expect(csvField("\tX")).toBe("'\tX");
  });

  it("leaves numbers, codes and dates as they are", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(-1_500_050)).toBe("-1500050");
    expect(csvField(33.3)).toBe("33.3");
    expect(csvField("2026-01-15T23:59:59+01:00")).toBe("2026-01-15T23:59:59+01:00");
    expect(csvField("0207.437.468")).toBe("0207.437.468");
    expect(csvField("BE68539007547034")).toBe("BE68539007547034");
  });
});

describe("toCsv", () => {
  it("guards the header and every text cell of every row, not only chosen columns", () => {
    const csv = toCsv(
      ["=kop", "bedrag"],
      [
        ["@Gemeente", -5],
        ["Stad Gent", "+32"],
      ],
    );
    expect(csv).toBe(`${BOM}'=kop;bedrag\r\n'@Gemeente;-5\r\nStad Gent;'+32\r\n`);
    expect(readCsv(csv.slice(1))).toEqual([
      ["'=kop", "bedrag"],
      ["'@Gemeente", "-5"],
      ["Stad Gent", "'+32"],
    ]);
  });

  it("starts with a byte order mark, uses ; and CRLF, ends with a line break, and reads back", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["1", 'x;"y"'],
        [null, "line\nbreak"],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}a;b\r\n1;"x;""y"""\r\n;"line\nbreak"\r\n`);
    expect(readCsv(csv.slice(1))).toEqual([
      ["a", "b"],
      ["1", 'x;"y"'],
      ["", "line\nbreak"],
    ]);
  });
});
