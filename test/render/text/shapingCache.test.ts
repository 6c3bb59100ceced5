// The shaping cache must give exactly what fontkit gives, and each caller a run of its own: pdfkit scales
// positions in place and textkit justifies them in place, so a shared run would be changed under the
// next document.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, test } from "vitest";
import { ARABIC_FONT_FILES, FONT_FILES } from "../../../src/render/text/fonts.ts";
import { rememberShaping, type ShapingFont } from "../../../src/render/text/shapingCache.ts";

interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

function open(path: string): ShapingFont {
  return fontkit.openSync(path) as unknown as ShapingFont;
}

function plain(run: Run) {
  return {
    glyphs: run.glyphs.map((g) => [g.id, ...g.codePoints]),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    advanceWidth: run.advanceWidth,
  };
}

describe("shaping cache", () => {
  const texts: [string, string, string | undefined][] = [
    [FONT_FILES.regular, "Dexamethasone 40 mg: 1 December 2026", undefined],
    [FONT_FILES.bold, "ﬁnal office Aralık", undefined],
    [ARABIC_FONT_FILES.regular, "خذ بوماليدوميد مرة واحدة يوميًا", "rtl"],
  ];

  test.each(texts)("%s: a remembered run equals fontkit's own, every time (%s)", (file, text, direction) => {
    const reference = open(file);
    const cached = open(file);
    rememberShaping(cached);
    const expected = plain(reference.layout(text, undefined, undefined, undefined, direction) as unknown as Run);
    const first = cached.layout(text, undefined, undefined, undefined, direction) as unknown as Run;
    expect(plain(first)).toEqual(expected);
    expect(plain(cached.layout(text, undefined, undefined, undefined, direction) as unknown as Run)).toEqual(expected);
  });

  test("Latin faces shaped word by word give exactly the whole text's run: every string of every Latin-script locale, regular and bold", () => {
    const strings = latinLocaleStrings();
    expect(strings.length).toBeGreaterThan(500);
    for (const file of [FONT_FILES.regular, FONT_FILES.bold]) {
      const reference = open(file);
      const byWord = open(file);
      rememberShaping(byWord, { byWord: true });
      for (const text of strings) {
        const expected = plain(reference.layout(text, undefined, undefined, undefined, "ltr") as unknown as Run);
        expect(plain(byWord.layout(text, undefined, undefined, undefined, "ltr") as unknown as Run), text).toEqual(
          expected,
        );
      }
    }
  });

  test("each call gets its own positions and glyph array: changing one run leaves the next as fontkit made it", () => {
    const font = open(FONT_FILES.regular);
    rememberShaping(font);
    const text = "Nurse line: +31 20 555 0101";
    const expected = plain(font.layout(text) as unknown as Run);
    for (let call = 0; call < 3; call++) {
      const run = font.layout(text) as unknown as Run;
      expect(plain(run), `call ${call + 2}`).toEqual(expected);
      for (const position of run.positions) position.xAdvance *= 2; // as pdfkit scales in place
      run.glyphs.reverse(); // as a right-to-left run is reversed
    }
  });
});

/** Every text of the Latin-script locales (placeholders filled with a name, a date and a dose), and the
 * same strings with a space before and after (pieces that are only a space). */
function latinLocaleStrings(): string[] {
  const out: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      const filled = value.replace(
        /\{\{[^}]*\}\}/g,
        (_, i: number) => ["Zoë Çelik-Łukasz", "1 December 2026", "4 mg"][i % 3] ?? "",
      );
      out.push(filled, ` ${filled}  `);
    } else if (value && typeof value === "object") for (const inner of Object.values(value)) collect(inner);
  };
  const root = join(import.meta.dirname, "../../../locales");
  for (const language of readdirSync(root).filter((code) => code !== "ar")) {
    for (const file of readdirSync(join(root, language)))
      collect(JSON.parse(readFileSync(join(root, language, file), "utf8")));
  }
  return out;
}
