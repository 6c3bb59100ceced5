// The fonts every document embeds (Noto Sans, SIL Open Font Licence, shipped as an npm package) and
// the set of characters they can all draw, so text is checked before it can print as a wrong glyph.
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

const require = createRequire(import.meta.url);

export const FONT_FAMILY = "Noto Sans";

export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
} as const;

interface MeasurableFont {
  characterSet: number[];
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

const opened = new Map<string, MeasurableFont>();

function open(file: string): MeasurableFont {
  let font = opened.get(file);
  if (!font) {
    font = fontkit.openSync(file) as MeasurableFont;
    opened.set(file, font);
  }
  return font;
}

/** Width in points of `text` set in one line at `size` pt (bold or regular), as the PDF will set it. */
export function textWidth(text: string, size: number, bold = false): number {
  const font = open(bold ? FONT_FILES.bold : FONT_FILES.regular);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

let coverage: Set<number> | undefined;

/** Code points present in every embedded face (so any text may be set regular or bold). */
export function fontCoverage(): Set<number> {
  if (!coverage) {
    const sets = Object.values(FONT_FILES).map((file) => new Set(open(file).characterSet));
    const [first, ...rest] = sets as [Set<number>, ...Set<number>[]];
    coverage = new Set([...first].filter((cp) => rest.every((set) => set.has(cp))));
  }
  return coverage;
}

/** Whether `char` (one code point) can be printed; spaces and line breaks always can. */
export function canPrint(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return cp === 0x0a || cp === 0x20 || fontCoverage().has(cp);
}
