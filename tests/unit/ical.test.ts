import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatBrussels, formatUtc, serializeCalendar } from "~/calendar/ical";

const octets = (line: string) => new TextEncoder().encode(line).length;

describe("TEXT escaping", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("leaves colons and quotes alone (they need no escaping in TEXT)", () => {
    expect(escapeText('Deadline: "Oproep"')).toBe('Deadline: "Oproep"');
  });
});

describe("line folding", () => {
  it("keeps a short line as it is", () => {
    expect(foldLine("SUMMARY:kort")).toBe("SUMMARY:kort");
  });

  it("folds at 75 octets with CRLF and one leading space, and unfolding restores the line", () => {
    const line = `DESCRIPTION:${"x".repeat(200)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBe(Math.ceil((line.length - 75) / 74) + 1);
    expect(physical[0]).toHaveLength(75);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("counts octets, not characters, and never splits a multi-byte character", () => {
    const line = `SUMMARY:${"é".repeat(60)}€€€😀😀😀`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // A split UTF-8 sequence would not survive a round trip through the encoder.
      expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(part))).toBe(part);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(octets(folded.split("\r\n")[0]!)).toBeGreaterThanOrEqual(74);
  });
});

describe("times", () => {
  it("writes Brussels wall time in winter (UTC+1) and in summer (UTC+2)", () => {
    const winter = new Date("2026-01-15T22:59:59.999Z");
    const summer = new Date("2026-04-30T21:59:59.999Z");
    expect(formatBrussels(winter)).toBe("20260115T235959");
    expect(formatBrussels(summer)).toBe("20260430T235959");
    expect(formatUtc(winter)).toBe("20260115T225959Z");
    expect(formatUtc(summer)).toBe("20260430T215959Z");
  });

  it("handles the night of the change to summer time", () => {
    // 29 March 2026, 01:30 UTC is 03:30 CEST: 02:00-03:00 local does not exist that night.
    expect(formatBrussels(new Date("2026-03-29T01:30:00Z"))).toBe("20260329T033000");
    expect(formatBrussels(new Date("2026-03-29T00:30:00Z"))).toBe("20260329T013000");
  });
});

describe("a whole calendar", () => {
  const text = serializeCalendar({
    productId: "-//Test//NL",
    name: "Deadlines, oproepen",
    events: [
      {
        uid: "oproep-1-indienen@test.example",
        sequence: 3,
        stamp: new Date("2025-10-01T08:00:00Z"),
        start: new Date("2026-01-15T22:30:00Z"),
        end: new Date("2026-01-15T22:59:59.999Z"),
        summary: "Deadline: Regierol; radicalisering, polarisering",
        description: "Regel een\nRegel twee",
        url: "https://portaal.example/oproepen#oproep-1",
        alarmMinutesBeforeEnd: 2880,
      },
    ],
  });

  it("ends every line with CRLF and has no bare LF or CR", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has the required calendar and event properties, balanced components and a VTIMEZONE", () => {
    const lines = text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("PRODID:-//Test//NL");
    expect(lines).toContain("X-WR-CALNAME:Deadlines\\, oproepen");
    expect(lines).toContain("UID:oproep-1-indienen@test.example");
    expect(lines).toContain("DTSTAMP:20251001T080000Z");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("DTSTART;TZID=Europe/Brussels:20260115T233000");
    expect(lines).toContain("DTEND;TZID=Europe/Brussels:20260115T235959");
    expect(lines).toContain("SUMMARY:Deadline: Regierol\\; radicalisering\\, polarisering");
    expect(lines).toContain("DESCRIPTION:Regel een\\nRegel twee");
    expect(lines).toContain("URL:https://portaal.example/oproepen#oproep-1");
    expect(lines).toContain("TRIGGER;RELATED=END:-PT2880M");
    expect(lines).toContain("TZID:Europe/Brussels");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    const stack: string[] = [];
    for (const line of lines) {
      if (line.startsWith("BEGIN:")) stack.push(line.slice(6));
      if (line.startsWith("END:")) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);
  });
});
