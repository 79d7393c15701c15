import { describe, expect, it } from "vitest";
import { newId } from "~/db/ids";
import { decode, decodeRows, list, nullable, sql } from "~/db/sql";

describe("SQL statements for both databases", () => {
  it("numbers the placeholders per provider and keeps values out of the text", () => {
    const id = 'x\'; DROP TABLE "Application"; --';
    const statement = sql`SELECT "id" FROM "Application" WHERE "id" = ${id} AND "status" IN (${list(["DRAFT", "SUBMITTED"])})`;
    expect(statement.compile("sqlite")).toEqual({
      text: `SELECT "id" FROM "Application" WHERE "id" = ? AND "status" IN (?, ?)`,
      values: [id, "DRAFT", "SUBMITTED"],
    });
    expect(statement.compile("postgresql").text).toBe(`SELECT "id" FROM "Application" WHERE "id" = $1 AND "status" IN ($2, $3)`);
  });

  it("nests fragments, numbering their values in order", () => {
    const where = sql`WHERE "userId" = ${"u1"} AND "at" > ${new Date(0)}`;
    const statement = sql`SELECT 1 FROM "Session" ${where} UNION ALL SELECT 2 FROM "Session" ${where} LIMIT ${5}`;
    const { text, values } = statement.compile("postgresql");
    expect(text).toBe(
      `SELECT 1 FROM "Session" WHERE "userId" = $1 AND "at" > $2 UNION ALL SELECT 2 FROM "Session" WHERE "userId" = $3 AND "at" > $4 LIMIT $5`,
    );
    expect(values).toEqual(["u1", new Date(0), "u1", new Date(0), 5]);
    expect(sql`${sql``}SELECT 1`.compile("sqlite").text).toBe("SELECT 1");
  });

  it("refuses an empty IN list rather than writing invalid SQL", () => {
    expect(() => list([])).toThrow("Een lege lijst past niet in SQL.");
  });
});

describe("decoding what the drivers return", () => {
  it("reads each representation a column can have on either database", () => {
    const [row] = decodeRows(
      { n: decode.int, f: decode.float, b: decode.bool, d: decode.date, t: decode.text, maybe: nullable(decode.int) },
      [{ n: "42", f: 1.5, b: 1n, d: "2026-01-15T22:59:59.999+00:00", t: "x", maybe: null, extra: "dropped" }],
    );
    expect(row).toEqual({ n: 42, f: 1.5, b: true, d: new Date("2026-01-15T22:59:59.999Z"), t: "x", maybe: null });
    expect(decode.int(7n)).toBe(7);
    expect(decode.bool(false)).toBe(false);
    expect(decode.bool("0")).toBe(false);
    expect(decode.date(new Date(5))).toEqual(new Date(5));
  });

  it("names the column when a value is not what the statement promised", () => {
    expect(() => decodeRows({ version: decode.int }, [{ version: "2.5" }])).toThrow('Kolom "version": Geheel getal verwacht');
    expect(() => decodeRows({ at: decode.date }, [{ at: "gisteren" }])).toThrow('Kolom "at": Tijdstip verwacht');
    expect(() => decodeRows({ name: decode.text }, [{ name: null }])).toThrow('Kolom "name": Tekst verwacht, kreeg null');
  });
});

describe("row ids written with SQL", () => {
  it("have the shape of Prisma's cuid ids and sort by creation", async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const ids = [first, ...Array.from({ length: 50 }, () => newId())];
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[1]! > first).toBe(true);
  });
});
