import { describe, expect, it } from "vitest";
import { decisionLetterFilename, decisionLetterPdf } from "~/documents/decision-letter.server";
import { renderPdf, wrapText } from "~/documents/pdf.server";

/** Checks the parts a PDF reader relies on: header, every xref offset, trailer, startxref. */
function expectWellFormed(pdf: Buffer) {
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-1.4\n")).toBe(true);
  expect(text.endsWith("%%EOF\n")).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
  const entries = text
    .slice(startxref)
    .split("\n")
    .slice(3, 2 + Number(count));
  entries.forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = match.index! + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + "endstream".length)).toBe("endstream");
  }
  return text;
}

describe("PDF writer", () => {
  it("writes a well-formed PDF with the text readable in its content stream", () => {
    const text = expectWellFormed(
      renderPdf({
        title: "Proef",
        author: "AgII",
        createdAt: new Date("2026-04-30T10:00:00Z"),
        blocks: [
          { kind: "heading", text: "Beslissing (proef)" },
          { kind: "paragraph", text: "Toegekend bedrag: € 12.345,67 voor Sint-Niklaas, één \\ back" },
        ],
      }),
    );
    expect(text).toContain("(Beslissing \\(proef\\))");
    // € is byte 0x80 in WinAnsiEncoding, é 0xE9: written as octal escapes so the file stays ASCII.
    expect(text).toContain("(Toegekend bedrag: \\200 12.345,67 voor Sint-Niklaas, \\351\\351n \\\\ back)");
    expect(text).toContain("/CreationDate (D:20260430100000Z)");
  });

  it("wraps long text within the margins and continues on a new page", () => {
    const long = Array.from({ length: 400 }, (_, i) => `woord${i}`).join(" ");
    const lines = wrapText(long, 11);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.join(" ")).toBe(long);
    const text = expectWellFormed(
      renderPdf({ title: "Lang", author: "AgII", createdAt: new Date(), blocks: [{ kind: "paragraph", text: `${long} ${long} ${long}` }] }),
    );
    const pages = Number(/\/Count (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`(Pagina ${pages} van ${pages})`);
    expect(text.match(/\/Type \/Page /g)).toHaveLength(pages);
    // A word longer than a line (a hash) is cut rather than running off the page.
    expect(wrapText("f".repeat(300), 11).length).toBeGreaterThan(1);
  });

  it("decision letter: reference, organisation, outcome, amount, motivation and legal basis", () => {
    const pdf = decisionLetterPdf({
      reference: "OEF-2026-0042",
      organisationName: "Stad Antwerpen",
      callTitle: "Oefenkansen Nederlands 2026",
      programmeName: "Oefenkansen Nederlands",
      programmeKind: "FUNDING",
      legalBasis: "Besluit van de Vlaamse Regering",
      outcome: "APPROVED",
      requestedCents: 13_500_000,
      grantedCents: 13_500_000,
      motivation: "Sterk plan met duidelijke partners.",
      decidedAt: new Date("2026-04-15T08:00:00Z"),
    });
    const text = expectWellFormed(pdf);
    for (const part of [
      "OEF-2026-0042",
      "Aan: Stad Antwerpen",
      "Het agentschap keurt uw aanvraag goed.",
      "\\200 135.000,00",
      "Sterk plan met duidelijke partners.",
      "Besluit van de Vlaamse Regering",
      "Brussel, 15 april 2026",
    ]) {
      expect(text).toContain(part);
    }
    expect(decisionLetterFilename("OEF-2026-0042")).toBe("beslissing-OEF-2026-0042.pdf");
  });
});
