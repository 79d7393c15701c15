// pdfkit 0.20 accepts a font already parsed by fontkit in registerFont() (its CHANGELOG, 0.20.0);
// @types/pdfkit 0.17 does not know it yet. Reusing one parsed font keeps fontkit from parsing the
// 600 kB file again for every letter.
import type { Font } from "fontkit";

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      registerFont(name: string, src: Font): this;
    }
  }
}
