import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv, parseCsvRecords } from "../../seeds/csv";

describe("seed CSV reader", () => {
  it("reads quoted fields, escaped quotes, CRLF, a BOM and skips blank lines", () => {
    const text = '\uFEFFa,b\r\n"Sint-Pieters-Leeuw, ""SPL""",2\r\n\r\n"twee\nregels",3\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ['Sint-Pieters-Leeuw, "SPL"', "2"],
      ["twee\nregels", "3"],
    ]);
  });

  it("keeps accented names intact and refuses invalid UTF-8", () => {
    expect(decodeUtf8(new TextEncoder().encode("Kruibeke,Gérard"))).toBe("Kruibeke,Gérard");
    expect(() => decodeUtf8(new Uint8Array([0x47, 0xe9, 0x6e, 0x74]))).toThrow(/UTF-8/);
  });

  it("checks the header and the number of fields", () => {
    expect(parseCsvRecords("x,y\n1,2\n", ["x", "y"])).toEqual([{ x: "1", y: "2" }]);
    expect(() => parseCsvRecords("x,z\n1,2\n", ["x", "y"])).toThrow(/CSV-kop/);
    expect(() => parseCsvRecords("x,y\n1\n", ["x", "y"])).toThrow(/velden/);
    expect(() => parseCsv('"open,1\n')).toThrow(/aanhalingsteken/);
  });
});
