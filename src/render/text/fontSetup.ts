// The embedded fonts made ready for react-pdf, once per process: registered (hyphenation off: no English
// patterns on other languages) and warmed glyph by glyph (see prepareFonts). Leaflets, cards and the
// blank back page all draw with them.
import { Font } from "@react-pdf/renderer";
import { InternalError } from "../../core/errors.ts";
import { ARABIC_FONT_FAMILY, ARABIC_FONT_FILES, FONT_FAMILY, FONT_FILES } from "./fonts.ts";
import { rememberShaping, type ShapingFont } from "./shapingCache.ts";
import { ShapingStore } from "./shapingStore.ts";

let fontsRegistered = false;

/** Registers the embedded fonts with react-pdf once per process; hyphenation off for every language. */
export function registerFonts(): void {
  if (fontsRegistered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: FONT_FILES.regular, fontWeight: 400 },
      { src: FONT_FILES.bold, fontWeight: 700 },
    ],
  });
  Font.register({
    family: ARABIC_FONT_FAMILY,
    fonts: [
      { src: ARABIC_FONT_FILES.regular, fontWeight: 400 },
      { src: ARABIC_FONT_FILES.bold, fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

let fontsWarmed: Promise<void> | undefined;

/**
 * Registers the fonts and, once per process, creates every glyph from its own code point. fontkit keeps
 * one glyph cache per font for the whole process: a glyph first met as part of a composed character
 * (the dotless ı inside French "î") is cached without its character, and a later document that prints
 * "ı" (Turkish "Aralık") then gets no text for it — it prints right but reads wrong when searched,
 * copied or read aloud. Creating each glyph from the character map first gives every glyph its character
 * (except presentation forms, see below).
 */
export function prepareFonts(): Promise<void> {
  registerFonts();
  fontsWarmed ??= (async () => {
    for (const fontFamily of [FONT_FAMILY, ARABIC_FONT_FAMILY]) {
      for (const fontWeight of [400, 700]) {
        await Font.load({ fontFamily, fontWeight });
        const font = (Font.getFont({ fontFamily, fontWeight }) as unknown as { data: WarmableFont | null }).data;
        if (!font) throw new InternalError(`font ${fontFamily} ${fontWeight} did not load`);
        for (const codePoint of font.characterSet) {
          if (!isPresentationForm(codePoint)) font.glyphForCodePoint(codePoint);
        }
        const file = (fontFamily === FONT_FAMILY ? FONT_FILES : ARABIC_FONT_FILES)[
          fontWeight === 700 ? "bold" : "regular"
        ];
        rememberShaping(font, { byWord: fontFamily === FONT_FAMILY, store: ShapingStore.forFont(file) });
      }
    }
  })();
  return fontsWarmed;
}

/**
 * Ligatures (ﬀ, ﬁ: U+FB00–FB4F) and Arabic contextual forms (U+FB50–FDFF, U+FE70–FEFF) must keep the
 * characters shaping gives them ("f", "f"): react-pdf maps glyphs back to string positions by their
 * characters, so a one-character ligature would shift every later position (words broken mid-word).
 */
function isPresentationForm(codePoint: number): boolean {
  return (codePoint >= 0xfb00 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff);
}

interface WarmableFont extends ShapingFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}
