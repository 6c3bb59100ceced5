// Text drawn straight onto a react-pdf Canvas (pdfkit underneath), for blocks made of many small,
// regular pieces – the calendar's day cells – where react-pdf's general layout would cost a hundred
// milliseconds per cycle. The same embedded fonts as every other text (so the same subset, the same
// ToUnicode map, the same look); each piece is split into runs by the font that has its characters;
// lines are broken at spaces to a width, measured with the font itself. `measure` is also how every
// other piece of text that must fit a width is sized (card lines, web addresses).
import { Font } from "@react-pdf/renderer";
import { bidi, DIRECTION_CONTROL, NEEDS_REORDERING } from "../../core/bidi.ts";
import { InternalError } from "../../core/errors.ts";
import { ARABIC_FONT_FAMILY, FONT_FAMILY } from "./fonts.ts";
import { PIECES } from "./shapingCache.ts";

/** The part of fontkit's font that measuring and drawing needs. */
interface LoadedFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { advanceWidth: number };
}

/** The react-pdf Canvas painter: pdfkit's drawing calls, chained. */
export interface Painter {
  /** `name`: the key pdfkit keeps the font under in this document (its PostScript name, as react-pdf's
   * own text uses, so both draw with one embedded font). */
  font(font: unknown, name: string, size: number): Painter;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): Painter;
  fillColor(colour: string): Painter;
  strokeColor(colour: string): Painter;
  lineWidth(width: number): Painter;
  rect(x: number, y: number, width: number, height: number): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  fill(colour?: string): Painter;
  stroke(colour?: string): Painter;
}

export interface TextStyle {
  size: number;
  bold: boolean;
  /** Height of one line, in points (font size × line height). */
  lineHeight: number;
}

function loaded(family: string, bold: boolean): LoadedFont {
  const font = (Font.getFont({ fontFamily: family, fontWeight: bold ? 700 : 400 }) as unknown as { data?: LoadedFont })
    .data;
  // prepareFonts() loads every face before anything renders.
  if (!font) throw new InternalError(`font ${family} ${bold ? 700 : 400} is not loaded`);
  return font;
}

interface Run {
  text: string;
  font: LoadedFont;
}

const coverage = new WeakMap<LoadedFont, Map<number, boolean>>();

/** Whether the face draws the code point, remembered per face (fontkit looks it up in the cmap each time). */
function hasGlyph(font: LoadedFont, codePoint: number): boolean {
  let known = coverage.get(font);
  if (!known) {
    known = new Map();
    coverage.set(font, known);
  }
  let has = known.get(codePoint);
  if (has === undefined) {
    has = font.hasGlyphForCodePoint(codePoint);
    known.set(codePoint, has);
  }
  return has;
}

/** A face's vertical metrics in ems, read once (fontkit reads them from its tables on every access). */
interface Metrics {
  ascent: number;
  descent: number;
  lineGap: number;
}

const metricsOf = new WeakMap<LoadedFont, Metrics>();

function metrics(font: LoadedFont): Metrics {
  let known = metricsOf.get(font);
  if (!known) {
    const em = font.unitsPerEm;
    known = { ascent: font.ascent / em, descent: font.descent / em, lineGap: (font.lineGap || 0) / em };
    metricsOf.set(font, known);
  }
  return known;
}

/** Splits text into runs, each in the first face of the stack that can draw its characters (a space
 * stays in the run it is in, so Arabic words are shaped as they are written). */
function runs(text: string, bold: boolean): Run[] {
  const latin = loaded(FONT_FAMILY, bold);
  const arabic = loaded(ARABIC_FONT_FAMILY, bold);
  const out: Run[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const last = out[out.length - 1];
    const font = cp === 0x20 && last ? last.font : hasGlyph(latin, cp) ? latin : arabic;
    if (last && last.font === font) last.text += char;
    else out.push({ text: char, font });
  }
  return out;
}

/**
 * One line's runs in the order they are drawn, left to right (Unicode bidi algorithm, UAX #9): levels
 * per character for the paragraph's direction, runs of one level, runs reversed from the highest level
 * to the lowest odd one, mirrored brackets in right-to-left runs. fontkit lays the glyphs of a
 * right-to-left run out right to left itself, so each run is still shaped in its logical order.
 */
function visualRuns(text: string, bold: boolean, rtl: boolean): Run[] {
  if (!rtl && !NEEDS_REORDERING.test(text)) return runs(text, bold);
  const embedding = bidi.getEmbeddingLevels(text, rtl ? "rtl" : "ltr");
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels);
  // Levels are per UTF-16 unit; every letter these documents print is a single unit.
  const units = text.split("");
  for (const [index, char] of mirrored) units[index] = char;
  const levelRuns: { text: string; level: number }[] = [];
  units.forEach((unit, i) => {
    const level = embedding.levels[i] ?? 0;
    // Direction isolates and embeddings only steer the algorithm; they are not drawn.
    if (DIRECTION_CONTROL.test(unit)) return;
    const last = levelRuns[levelRuns.length - 1];
    if (last && last.level === level) last.text += unit;
    else levelRuns.push({ text: unit, level });
  });
  const highest = Math.max(0, ...levelRuns.map((r) => r.level));
  const lowestOdd = Math.min(...levelRuns.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < levelRuns.length; i++) {
      if ((levelRuns[i]?.level ?? 0) < level) continue;
      let end = i;
      while (end + 1 < levelRuns.length && (levelRuns[end + 1]?.level ?? 0) >= level) end++;
      levelRuns.splice(i, end - i + 1, ...levelRuns.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return levelRuns.flatMap((run) => {
    if (run.level % 2 === 0) return runs(run.text, bold);
    // Right to left: words (and the spaces between them) in reverse order, each shaped on its own.
    // pdfkit lays a run out word by word, each word with its trailing space, which inside a
    // right-to-left run would put the words left to right and the spaces at their left.
    return run.text
      .split(/( +)/)
      .filter((piece) => piece !== "")
      .reverse()
      .flatMap((piece) => runs(piece, bold).reverse());
  });
}

const widths = new Map<string, number>();

/**
 * Width of `text` on one line at the style's size: what pdfkit draws for it (pdfkit lays text out piece
 * by piece, each word with the space after it, so a line is the sum of its pieces). Pieces are remembered, not lines: wrapping measures every growing prefix of a
 * line, and those prefixes (with a patient's dates in them) never come again.
 */
export function measure(text: string, style: Pick<TextStyle, "size" | "bold">): number {
  let em = 0;
  for (const piece of text.match(PIECES) ?? []) em += pieceWidth(piece, style.bold);
  return em * style.size;
}

/** Width of one piece at 1 pt, in the faces that draw it. */
function pieceWidth(piece: string, bold: boolean): number {
  const key = `${bold ? "b" : "r"}${piece}`;
  let em = widths.get(key);
  if (em === undefined) {
    em = runs(piece, bold).reduce((sum, run) => sum + run.font.layout(run.text).advanceWidth / run.font.unitsPerEm, 0);
    if (widths.size > 20_000) widths.clear();
    widths.set(key, em);
  }
  return em;
}

/** The height react-pdf gives a line of text without a set line height: ascent to descent plus the
 * line gap, of the tallest face the text is drawn in. */
export function naturalLineHeight(text: string, style: Pick<TextStyle, "size" | "bold">): number {
  const faces = runs(text || " ", style.bold).map((run) => run.font);
  return Math.max(
    ...faces.map((face) => {
      const { ascent, descent, lineGap } = metrics(face);
      return (ascent - descent + lineGap) * style.size;
    }),
  );
}

/**
 * Lines of `text` no wider than `width`, broken at spaces; a word wider than the width on its own is
 * broken between letters (with a hyphen) rather than drawn across the next cell.
 */
export function wrap(text: string, width: number, style: Pick<TextStyle, "size" | "bold">): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, style) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    if (measure(word, style) <= width) {
      line = word;
      continue;
    }
    // A word wider than the whole width: broken between letters, each broken piece ending in a hyphen.
    for (const char of word) {
      if (line && measure(`${line + char}-`, style) > width) {
        lines.push(`${line}-`);
        line = "";
      }
      line += char;
    }
  }
  lines.push(line);
  return ISOLATE_MARK.test(text) ? isolatesPerLine(lines) : lines;
}

const ISOLATE_MARK = /[\u2066-\u2069]/;
const POP_ISOLATE = "\u2069";

/**
 * Each line is reordered on its own: an isolate that a line break cuts (a Dutch sentence in an Arabic
 * footer) is closed at the end of its first line and opened again at the start of the next, so its
 * second line still reads left to right, with its full stop at its own end.
 */
function isolatesPerLine(lines: string[]): string[] {
  let open: string[] = [];
  return lines.map((line) => {
    const stack = [...open];
    for (const char of line) {
      if (char === "\u2066" || char === "\u2067" || char === "\u2068") stack.push(char);
      else if (char === POP_ISOLATE) stack.pop();
    }
    const text = open.join("") + line + POP_ISOLATE.repeat(stack.length);
    open = stack;
    return text;
  });
}

/**
 * Draws one line of text whose line box starts at `top`: the glyphs sit where react-pdf would put them
 * (the line's ascent and descent centred in the line height).
 */
export function drawLine(
  painter: Painter,
  text: string,
  x: number,
  top: number,
  style: TextStyle,
  rtl = false,
): number {
  let left = x;
  const visual = visualRuns(text, style.bold, rtl);
  // One baseline for the line, as react-pdf sets it: the tallest ascent and deepest descent of the
  // faces on the line, centred in the line height (an Arabic word beside Latin ones sits on their line).
  const ascent = Math.max(...visual.map((run) => metrics(run.font).ascent)) * style.size;
  const descent = Math.min(...visual.map((run) => metrics(run.font).descent)) * style.size;
  const baseline = top + (style.lineHeight - (ascent - descent)) / 2 + ascent;
  for (const run of visual) {
    // By PostScript name, pdfkit finds the font it already embeds (given only the font, it would open a
    // new one and compare the two by serialising their name tables).
    painter.font(run.font, run.font.postscriptName, style.size);
    // pdfkit places text by the top of the font's ascent.
    painter.text(run.text, left, baseline - metrics(run.font).ascent * style.size, { lineBreak: false });
    left += measure(run.text, style);
  }
  return left - x;
}
