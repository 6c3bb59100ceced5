// Pieces of text drawn on a react-pdf canvas one under the other (the running header and footer, a
// calendar cycle's title and dates): broken into lines to a width, each line aligned to the reading
// start (or end) of its column, in react-pdf's own line heights. Used where react-pdf would lay the same
// few lines out again on every page or for every patient.
import { drawLine, measure, naturalLineHeight, type Painter, type TextStyle, wrap } from "../text/canvasText.ts";
import type { Theme } from "../theme.ts";

/** A piece of text broken into lines, with the style and colour it is drawn in. */
export interface TextBlock {
  lines: string[];
  style: TextStyle;
  colour: string;
  /** Space below the block, in points. */
  gapAfter?: number;
}

/** How a block is set: `lineHeight` a multiple of the size, or (absent) the font's natural line height. */
export interface BlockStyle {
  size: number;
  bold?: boolean;
  colour: string;
  lineHeight?: number;
  gapAfter?: number;
}

/** `text` broken into lines no wider than `width`. */
export function textBlock(
  text: string,
  width: number,
  { size, bold = false, colour, lineHeight, gapAfter = 0 }: BlockStyle,
): TextBlock {
  const measureStyle = { size, bold };
  const lines = text ? wrap(text, width, measureStyle) : [];
  const height = lineHeight ? size * lineHeight : Math.max(0, ...lines.map((l) => naturalLineHeight(l, measureStyle)));
  return { lines, style: { size, bold, lineHeight: height }, colour, gapAfter };
}

export function heightOf(blocks: TextBlock[]): number {
  return blocks.reduce((sum, b) => sum + b.lines.length * b.style.lineHeight + (b.gapAfter ?? 0), 0);
}

/** A horizontal rule whose top edge is at `top`: stroked, as react-pdf draws a border (a filled shape
 * would count as a background that text must be readable on). */
export function drawRule(
  painter: Painter,
  left: number,
  top: number,
  width: number,
  thickness: number,
  colour: string,
): void {
  painter
    .lineWidth(thickness)
    .moveTo(left, top + thickness / 2)
    .lineTo(left + width, top + thickness / 2)
    .stroke(colour);
}

/**
 * Draws blocks one under the other from `top`, each line aligned to the reading start of a column
 * `width` wide at `x` (or to its end). Returns the height drawn.
 */
export function drawBlocks(
  painter: Painter,
  blocks: TextBlock[],
  x: number,
  top: number,
  width: number,
  theme: Theme,
  align: "start" | "end" = "start",
): number {
  const rtl = theme.direction === "rtl";
  const toRight = rtl === (align === "start");
  let y = top;
  for (const { lines, style, colour, gapAfter } of blocks) {
    painter.fillColor(colour);
    for (const line of lines) {
      drawLine(painter, line, toRight ? x + width - measure(line, style) : x, y, style, rtl);
      y += style.lineHeight;
    }
    y += gapAfter ?? 0;
  }
  return y - top;
}
