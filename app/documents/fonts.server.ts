// The fonts of official documents: Noto Sans (SIL Open Font License), shipped as TTF files by an
// npm package and embedded in every PDF, so a name in Latin Extended, Greek or Cyrillic script
// prints and extracts exactly as typed ("Kültür ve Dayanışma Derneği", "Łukasz Wiśniewski").
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

export type FontWeight = keyof typeof FONT_FILES;

type LoadedFont = { font: Font };

let loaded: Record<FontWeight, LoadedFont> | null = null;

/**
 * fontkit caches a glyph with the characters of its first use, and pdfkit's ToUnicode map (what
 * copying and text extraction read) takes a glyph's characters from that cache. A glyph first
 * reached through a decomposition ("ĳ" drawn as "i" + "j") would then extract as something
 * else in every later document ("jaar" as " aar"). Creating the glyphs from the font's own
 * character map first gives each one its character (the lowest code point when several share a
 * glyph, e.g. the space before the no-break space). Ligature characters (ﬁ, ﬀ: more than one
 * character under NFKC) are left out: their glyphs must keep the letters they join, "ff" in
 * "betreffende".
 */
function claimGlyphsForTheirCharacters(font: Font): void {
  const single = (codePoint: number) => [...String.fromCodePoint(codePoint).normalize("NFKC")].length === 1;
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    if (single(codePoint)) font.glyphForCodePoint(codePoint);
  }
}

/** Read and parsed once per process: the files are 600 kB each; every document embeds a subset. */
function fonts(): Record<FontWeight, LoadedFont> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const load = (weight: FontWeight): LoadedFont => {
    const bytes = readFileSync(require.resolve(FONT_FILES[weight]));
    const font = create(bytes);
    if (!("layout" in font)) throw new Error(`${FONT_FILES[weight]} is een fontverzameling, geen enkel font.`);
    claimGlyphsForTheirCharacters(font);
    return { font };
  };
  loaded = { regular: load("regular"), bold: load("bold") };
  return loaded;
}

/** The parsed font, shared by every document: fontkit keeps its tables and glyphs parsed. */
export function parsedFont(weight: FontWeight): Font {
  return fonts()[weight].font;
}

// What stands in for a character the font has no glyph for: PDF/A forbids drawing the empty
// .notdef glyph, and a silent "?" is how the old letters lost letters of names.
const REPLACEMENT = "\uFFFD";

/**
 * The text with every character the fonts cannot draw replaced by U+FFFD, and the characters that
 * were replaced (for a warning). Line breaks and tabs stay: the layout handles them.
 */
export function drawableText(text: string): { text: string; missing: string[] } {
  const { regular, bold } = fonts();
  const missing = new Set<string>();
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const drawable = char === "\n" || char === "\t" || (regular.font.hasGlyphForCodePoint(code) && bold.font.hasGlyphForCodePoint(code));
    if (drawable) {
      out += char;
    } else {
      missing.add(char);
      out += REPLACEMENT;
    }
  }
  return { text: out, missing: [...missing] };
}
