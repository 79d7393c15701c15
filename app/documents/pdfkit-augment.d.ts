// What pdfkit 0.20 has and @types/pdfkit 0.17 does not declare yet.
import type { Font } from "fontkit";

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      // registerFont() accepts a font already parsed by fontkit (pdfkit's CHANGELOG, 0.20.0):
      // reusing one parsed font keeps fontkit from parsing the 600 kB file for every letter.
      registerFont(name: string, src: Font): this;
    }
  }
  namespace PDFKit {
    interface PDFDocument {
      /** The document catalog (pdfkit's own name): initForm() puts the AcroForm there. */
      _root: PDFKitReference & { data: { AcroForm?: PDFKitReference & { data: Record<string, unknown> & { Fields: PDFKitReference[] } } } };
    }
    interface PDFKitReference {
      /** Writes the object; pdfkit's end() takes an optional last chunk. */
      end(): void;
    }
  }
}
