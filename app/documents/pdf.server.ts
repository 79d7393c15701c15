// A minimal PDF writer for text letters: A4, Helvetica, automatic line wrapping and pages.
// Written by hand because a letter needs nothing more, and a PDF library would be the
// portal's largest dependency. Content streams stay uncompressed ASCII, so a test can read them.

export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; bold?: boolean }
  | { kind: "small"; text: string }
  | { kind: "space"; points: number };

export type PdfDocument = { title: string; author: string; createdAt: Date; blocks: PdfBlock[] };

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const STYLES = {
  heading: { font: "F2", size: 15, leading: 20, after: 10 },
  paragraph: { font: "F1", size: 11, leading: 15, after: 9 },
  bold: { font: "F2", size: 11, leading: 15, after: 9 },
  small: { font: "F1", size: 9, leading: 12, after: 6 },
} as const;

// Advance widths of Helvetica (1/1000 em) for ASCII 32..126, from the standard AFM metrics.
// Bold is slightly wider; using the regular widths plus 5% keeps bold lines inside the margin.
// prettier-ignore
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

// Characters outside Latin-1 that WinAnsiEncoding does have.
const WIN_ANSI_EXTRA: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "\u202f": 0xa0,
  "\u2009": 0x20,
};

/** The byte of a character in WinAnsiEncoding; "?" for anything the font cannot show. */
function winAnsiByte(char: string): number {
  const extra = WIN_ANSI_EXTRA[char];
  if (extra !== undefined) return extra;
  const code = char.codePointAt(0) ?? 63;
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
  return 63;
}

function charWidth(char: string, size: number, bold: boolean): number {
  const byte = winAnsiByte(char);
  const base = byte >= 32 && byte <= 126 ? (HELVETICA_WIDTHS[byte - 32] ?? 556) : 556; // accented letters ≈ their base
  return ((bold ? base * 1.05 : base) * size) / 1000;
}

function textWidth(text: string, size: number, bold: boolean): number {
  let width = 0;
  for (const char of text) width += charWidth(char, size, bold);
  return width;
}

/** Splits text into lines that fit the text width; explicit newlines start a new line. */
export function wrapText(text: string, size: number, bold = false, maxWidth = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
    let line = "";
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single word longer than a line (a URL, a hash) is cut where it must be.
      let rest = word;
      while (textWidth(rest, size, bold) > maxWidth) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), size, bold) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** A PDF literal string: ASCII only, with (, ) and \ escaped and other bytes as octal escapes. */
function pdfString(text: string): string {
  let out = "(";
  for (const char of text) {
    const byte = winAnsiByte(char);
    if (char === "(" || char === ")" || char === "\\") out += `\\${char}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `${out})`;
}

function pdfDate(at: Date): string {
  const iso = at.toISOString(); // UTC
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

type PlacedLine = { font: string; size: number; y: number; text: string };

function layout(blocks: PdfBlock[]): PlacedLine[][] {
  let page: PlacedLine[] = [];
  const pages: PlacedLine[][] = [page];
  let y = PAGE_HEIGHT - MARGIN;
  for (const block of blocks) {
    if (block.kind === "space") {
      y -= block.points;
      continue;
    }
    const style = block.kind === "paragraph" && block.bold ? STYLES.bold : STYLES[block.kind];
    for (const text of wrapText(block.text, style.size, style.font === "F2")) {
      if (y - style.leading < MARGIN) {
        page = [];
        pages.push(page);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= style.leading;
      page.push({ font: style.font, size: style.size, y, text });
    }
    y -= style.after;
  }
  return pages;
}

/** Renders the blocks as a PDF 1.4 file. */
export function renderPdf(document: PdfDocument): Buffer {
  const pages = layout(document.blocks);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);

  // 1 catalog, 2 page tree, 3-4 fonts, 5 info; then a page and its content stream per page.
  const firstPage = 6;
  const kids = pages.map((_, index) => `${firstPage + index * 2} 0 R`).join(" ");
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  add(
    `<< /Title ${pdfString(document.title)} /Author ${pdfString(document.author)} /Producer (Subsidieportaal AgII) /CreationDate (${pdfDate(document.createdAt)}) >>`,
  );
  pages.forEach((lines, index) => {
    const footer = pages.length > 1 ? `BT /F1 8 Tf ${MARGIN} 40 Td ${pdfString(`Pagina ${index + 1} van ${pages.length}`)} Tj ET\n` : "";
    const stream =
      lines.map((line) => `BT /${line.font} ${line.size} Tf ${MARGIN} ${line.y.toFixed(2)} Td ${pdfString(line.text)} Tj ET`).join("\n") +
      "\n" +
      footer;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${firstPage + index * 2 + 1} 0 R >>`,
    );
    add(`<< /Length ${stream.length} >>\nstream\n${stream}endstream`);
  });

  // Latin-1 throughout: one character is one byte, so string lengths are byte offsets.
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
