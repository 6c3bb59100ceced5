// LeafletDoc → PDF bytes. Checks first that every character can be drawn by the embedded fonts, then
// renders with react-pdf (fonts registered once, hyphenation off: no English patterns on other languages).
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { LeafletDoc } from "../document/documentTypes.ts";
import { checkGlyphs } from "./checkGlyphs.ts";
import { ARABIC_FONT_FAMILY, ARABIC_FONT_FILES, FONT_FAMILY, FONT_FILES } from "./fonts.ts";
import { LeafletPdf, type PdfMeta } from "./LeafletPdf.tsx";
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

export async function renderPdf(doc: LeafletDoc, theme: Theme, meta: PdfMeta): Promise<Uint8Array> {
  checkGlyphs(doc);
  registerFonts();
  const buffer = await renderToBuffer(<LeafletPdf doc={doc} theme={theme} meta={meta} />);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
