// LeafletDoc → PDF bytes. Checks first that every character can be drawn by the embedded fonts, then
// renders with react-pdf (fonts registered once, hyphenation off: no English patterns on other languages).
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { LeafletDoc } from "../document/documentTypes.ts";
import { checkGlyphs } from "./checkGlyphs.ts";
import { composeLeaflet } from "./composeLeaflet.ts";
import { ARABIC_FONT_FAMILY, ARABIC_FONT_FILES, FONT_FAMILY, FONT_FILES } from "./fonts.ts";
import { LeafletPdf, type PdfMeta } from "./LeafletPdf.tsx";
import { splitLeaflet } from "./leafletParts.ts";
import { rememberShaping, type ShapingFont } from "./shapingCache.ts";
import { sharedPart } from "./sharedPart.tsx";
import type { Theme } from "./theme.ts";

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
        if (!font) throw new Error(`internal: font ${fontFamily} ${fontWeight} did not load`);
        for (const codePoint of font.characterSet) {
          if (!isPresentationForm(codePoint)) font.glyphForCodePoint(codePoint);
        }
        rememberShaping(font, { byWord: fontFamily === FONT_FAMILY });
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

/** The leaflet's PDF: the patient's part laid out for this order, the shared part reused (see sharedPart.tsx). */
export async function renderPdf(doc: LeafletDoc, theme: Theme, meta: PdfMeta): Promise<Uint8Array> {
  checkGlyphs(doc);
  await prepareFonts();
  const parts = splitLeaflet(doc.body);
  const shared = parts.shared.length > 0 ? await sharedPart(doc, parts.shared, theme, meta.tags !== false) : undefined;
  const buffer = await renderToBuffer(
    <LeafletPdf doc={doc} personal={parts.personal} framePages={shared?.pageCount ?? 0} theme={theme} meta={meta} />,
  );
  const patientPdf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return shared ? composeLeaflet(patientPdf, shared) : patientPdf;
}
