// The fonts every document embeds (Noto Sans, SIL Open Font Licence, shipped as an npm package) and
// the set of characters they can all draw, so text is checked before it can print as a wrong glyph.
// Loading this module parses no font: the coverage comes from a table on disk (fontCoverageCache.ts).
import { createRequire } from "node:module";
import { loadCoverage } from "./fontCoverageCache.ts";

const require = createRequire(import.meta.url);

export const FONT_FAMILY = "Noto Sans";
/** Noto Sans Arabic, for Arabic script; react-pdf picks it per character from the family list. */
export const ARABIC_FONT_FAMILY = "Noto Sans Arabic";
/** The family list every text is set in: Latin, Greek and Cyrillic first, then Arabic. */
export const FONT_STACK = [FONT_FAMILY, ARABIC_FONT_FAMILY];

export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
} as const;

export const ARABIC_FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf"),
} as const;

/** The font files of each weight, as the coverage counts them (see fontCoverage). */
export const COVERAGE_FONTS = {
  weights: [
    [FONT_FILES.regular, ARABIC_FONT_FILES.regular],
    [FONT_FILES.bold, ARABIC_FONT_FILES.bold],
  ],
};

let coverage: Set<number> | undefined;

/** Code points the font stack can draw in both weights (so any text may be set regular or bold). */
export function fontCoverage(): Set<number> {
  coverage ??= loadCoverage(COVERAGE_FONTS);
  return coverage;
}

/** Whether `char` (one code point) can be printed; spaces and line breaks always can. */
export function canPrint(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return cp === 0x0a || cp === 0x20 || fontCoverage().has(cp);
}
