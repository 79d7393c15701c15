// Official documents as PDF/A-2b on pdfkit: A4, Noto Sans embedded (./fonts.server.ts), tagged
// (every block is a structure element; page furniture is marked as artifact), language nl-BE,
// XMP metadata with the PDF/A identification. See docs/decisions/0043-letters-as-pdfa-with-pdfkit.md.
import PDFDocument from "pdfkit";
import { drawableText, parsedFont, type FontWeight } from "./fonts.server";
import { addSealPlaceholder, applySeal, type SealRequest } from "./seal.server";

export type PdfBlock =
  /** The document's title (H1). */
  | { kind: "heading"; text: string }
  /** A section heading (H2). */
  | { kind: "section"; text: string }
  /** A paragraph; "\n" breaks a line inside it (an address). */
  | { kind: "paragraph"; text: string; bold?: boolean }
  /** A bulleted list. */
  | { kind: "list"; items: string[] }
  /** Small print (the letterhead's contact line, the closing note). */
  | { kind: "small"; text: string }
  /** Vertical space; `rule` draws a thin line in it (decoration: an artifact). */
  | { kind: "space"; points: number; rule?: boolean };

export type PdfDocument = {
  /** Shown by readers instead of the file name: keep it to the reference and fixed words. */
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
  blocks: PdfBlock[];
  /** Printed at the foot of every page, before "pagina 1 van 2". */
  footer: string;
  /** When given, the file is sealed (PAdES) with this key: see ./seal.server.ts. */
  seal?: SealRequest;
};

export const PDF_LANGUAGE = "nl-BE";
const PRODUCER = "Subsidieportaal AgII";
const MARGIN = 56; // 2 cm
const FOOTER_HEIGHT = 24;
const LINE_GAP = 1.5;
const INK = "#1d1d1b";
const MUTED = "#4a4a48";

const STYLES = {
  heading: { weight: "bold", size: 15, before: 4, after: 10, color: INK },
  section: { weight: "bold", size: 11, before: 6, after: 2, color: INK },
  paragraph: { weight: "regular", size: 10, before: 0, after: 6, color: INK },
  bold: { weight: "bold", size: 10, before: 0, after: 6, color: INK },
  small: { weight: "regular", size: 8.5, before: 0, after: 5, color: MUTED },
} as const satisfies Record<string, { weight: FontWeight; size: number; before: number; after: number; color: string }>;
type Style = (typeof STYLES)[keyof typeof STYLES];

// XMP is written by pdfkit without escaping: the metadata strings must not contain markup.
function metadataText(value: string): string {
  if (/[<>&]/.test(value)) throw new Error(`Metadata van een PDF mag geen <, > of & bevatten: ${value}`);
  return value;
}

/** Renders the blocks as a tagged PDF/A-2b file, sealed when the document asks for it. */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  const missing = new Set<string>();
  const drawable = (text: string) => {
    const result = drawableText(text);
    result.missing.forEach((char) => missing.add(char));
    return result.text;
  };

  const doc = new PDFDocument({
    size: "A4",
    // No default font: pdfkit would load Helvetica's metrics for every document, and PDF/A wants
    // no font that is not embedded; the text uses the registered Noto Sans only.
    font: "",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    tagged: true,
    lang: PDF_LANGUAGE,
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: metadataText(document.title),
      Author: metadataText(document.author),
      Subject: metadataText(document.subject),
      Creator: PRODUCER,
      Producer: PRODUCER,
      CreationDate: document.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("regular", parsedFont("regular"));
  doc.registerFont("bold", parsedFont("bold"));
  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct("Document");
  doc.addStructure(root);

  const write = (style: Style, text: string, options: { x?: number; width?: number } = {}) => {
    doc.font(style.weight).fontSize(style.size).fillColor(style.color);
    doc.text(drawable(text), options.x ?? MARGIN, doc.y, { width: options.width ?? width, lineGap: LINE_GAP });
  };
  const heightOf = (style: Style, text: string, textWidth = width) =>
    doc.font(style.weight).fontSize(style.size).heightOfString(drawable(text), { width: textWidth, lineGap: LINE_GAP });
  /**
   * Starts a new page unless what must stay together still fits: at most `atMost` points, exactly
   * `height()` (measured only near the foot of a page: measuring lays the text out once more).
   */
  const keep = (atMost: number, height: () => number) => {
    if (doc.y + atMost <= doc.page.maxY()) return;
    if (doc.y + Math.min(atMost, height()) > doc.page.maxY()) doc.addPage();
  };
  const lines = (style: Style, count: number) => count * (style.size * 1.4 + LINE_GAP);
  const element = (type: string, draw: () => void) => {
    const node = doc.struct(type, {}, draw);
    root.add(node);
    node.end();
  };

  for (const [index, block] of document.blocks.entries()) {
    switch (block.kind) {
      case "space": {
        const y = doc.y;
        if (block.rule) {
          doc.markContent("Artifact", { type: "Layout" });
          const middle = y + block.points / 2;
          doc
            .moveTo(MARGIN, middle)
            .lineTo(MARGIN + width, middle)
            .lineWidth(0.6)
            .strokeColor(MUTED)
            .stroke();
          doc.endMarkedContent();
        }
        doc.y = y + block.points;
        break;
      }
      case "heading":
      case "section":
      case "small":
      case "paragraph": {
        const style = block.kind === "paragraph" && block.bold ? STYLES.bold : STYLES[block.kind];
        const type = block.kind === "heading" ? "H1" : block.kind === "section" ? "H2" : "P";
        // A heading keeps two lines of what follows; a short paragraph (an address, a signature) stays whole.
        if (block.kind === "heading" || block.kind === "section") {
          const following = index + 1 < document.blocks.length ? lines(STYLES.paragraph, 2) : 0;
          const height = style.before + heightOf(style, block.text) + following;
          keep(height, () => height);
        } else {
          keep(lines(style, 3), () => heightOf(style, block.text));
        }
        doc.y += style.before;
        element(type, () => write(style, block.text));
        doc.y += style.after;
        break;
      }
      case "list": {
        const style = STYLES.paragraph;
        const indent = 14;
        const list = doc.struct("L");
        root.add(list);
        for (const item of block.items) {
          keep(lines(style, 2), () => heightOf(style, item, width - indent));
          const entry = doc.struct("LI");
          list.add(entry);
          const top = doc.y;
          entry.add(doc.struct("Lbl", {}, () => write(style, "•", { width: indent })));
          doc.y = top;
          entry.add(doc.struct("LBody", {}, () => write(style, item, { x: MARGIN + indent, width: width - indent })));
          entry.end();
          doc.y += 3;
        }
        list.end();
        doc.y += style.after;
        break;
      }
    }
  }
  root.end();

  // Page numbers, now that the number of pages is known: pagination artifacts, outside the text.
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("regular").fontSize(STYLES.small.size).fillColor(MUTED);
    const footer = drawable(`${document.footer} · pagina ${index - start + 1} van ${count}`);
    // Without a width pdfkit writes one line and never wraps or breaks the page.
    doc.text(footer, MARGIN, doc.page.height - MARGIN, { lineBreak: false });
    doc.endMarkedContent();
  }
  if (document.seal) {
    doc.switchToPage(start);
    addSealPlaceholder(doc, document.seal, "regular");
  }
  if (missing.size > 0) {
    console.warn(`PDF "${document.title}": tekens zonder glyph in het font vervangen door U+FFFD: ${[...missing].join(" ")}`);
  }
  doc.end();
  const pdf = await finished;
  return document.seal ? applySeal(pdf, document.seal.key) : pdf;
}
