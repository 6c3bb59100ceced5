// The look of a document: page size and margins, type sizes and the brand's colours, as react-pdf styles.
// Nothing medicine-specific; sizes respect the EU readability guideline (body ≥ 9 pt, here 10.5 pt).

import type { Brand } from "../catalog/loadBrand.ts";
import type { Direction } from "../core/bidi.ts";
import type { PaperSize } from "../order/orderTypes.ts";
import { FONT_STACK } from "./text/fonts.ts";

/** Page sizes in PostScript points (1/72 inch). */
export const PAGE_SIZES: Record<PaperSize, [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
};

export type { Direction };

export interface Theme {
  page: {
    size: [number, number];
    margin: number;
    top: number;
    bottom: number;
    contentWidth: number;
    /** Height of the running header band, and room kept for the footer above the page's bottom edge. */
    headerHeight: number;
    footerRoom: number;
  };
  /** Large print for partially sighted readers: nothing below 16 pt, the calendar as a list of days. */
  largePrint: boolean;
  /** Reading direction of the document's language (the locale's `_meta.direction`). Right to left: text
   * set and aligned from the right, rows mirrored (see `row`, `start`, `end`). */
  direction: Direction;
  font: { family: string[]; body: number; small: number; h1: number; h2: number; h3: number; lineHeight: number };
  colour: { primary: string; onPrimary: string; accent: string; text: string; rule: string; restFill: string };
  logoPath: string;
}

/** The measure of a leaflet's text: at 11 pt even a line of narrow letters stays under 100 characters
 * (EU readability guideline); the margins take the rest of the page, on A4 and Letter alike. */
const MEASURE = 462;

/** The grey of rest-day cells in the calendar (checked for contrast against the brand's text colour). */
export const REST_FILL = "#E4E4E4";

export function createTheme(
  brand: Brand,
  paper: PaperSize,
  options: { largePrint?: boolean; direction?: Direction } = {},
): Theme {
  const size = PAGE_SIZES[paper];
  const direction = options.direction ?? "ltr";
  const contentWidth = MEASURE;
  const margin = (size[0] - MEASURE) / 2;
  if (options.largePrint) {
    return {
      // The footer: 5 lines of 16 pt × 1.3 under its rule, and room to the page's edge (PageFrame.tsx).
      page: { size, margin, top: 122, bottom: 148, contentWidth, headerHeight: 104, footerRoom: 130 },
      largePrint: true,
      direction,
      font: { family: FONT_STACK, body: 16, small: 16, h1: 26, h2: 21, h3: 18, lineHeight: 1.35 },
      colour: brandColours(brand),
      logoPath: brand.logoPath,
    };
  }
  return {
    // The footer: up to 4 lines of 9 pt × 1.3 under its rule, and room to the page's edge (PageFrame.tsx).
    page: { size, margin, top: 86, bottom: 82, contentWidth, headerHeight: 70, footerRoom: 72 },
    largePrint: false,
    direction,
    font: { family: FONT_STACK, body: 11, small: 9, h1: 19, h2: 14, h3: 12, lineHeight: 1.35 },
    colour: brandColours(brand),
    logoPath: brand.logoPath,
  };
}

/** A card's theme: the same brand, type for a wallet card (nothing below 6.5 pt). */
export function createCardTheme(
  brand: Brand,
  card: { width: number; height: number; padding: number },
  direction: Direction = "ltr",
): Theme {
  return {
    page: {
      size: [card.width, card.height],
      margin: card.padding,
      top: 0,
      bottom: 0,
      contentWidth: card.width - 2 * card.padding,
      headerHeight: 0,
      footerRoom: 0,
    },
    largePrint: false,
    direction,
    font: { family: FONT_STACK, body: 7, small: 6.5, h1: 9, h2: 8, h3: 7.5, lineHeight: 1.2 },
    colour: brandColours(brand),
    logoPath: brand.logoPath,
  };
}

/** The same theme read in another direction (a second language's aside in a bilingual leaflet). */
export function withDirection(theme: Theme, direction: Direction): Theme {
  return direction === theme.direction ? theme : { ...theme, direction };
}

/**
 * The children of a row in the reading direction: the first at the start (the right, right to left).
 * A row of these, not `flexDirection: "row-reverse"`: react-pdf 4 placed the children of a reversed row
 * in the absolutely placed page header in the wrong order, one of them off the page (seen).
 */
export function inReadingOrder<T>(theme: Theme, children: T[]): T[] {
  return theme.direction === "rtl" ? [...children].reverse() : children;
}

/** The side a line starts on, and the side it ends on: left and right, or right and left. */
export function start(theme: Theme): "left" | "right" {
  return theme.direction === "rtl" ? "right" : "left";
}

export function end(theme: Theme): "left" | "right" {
  return theme.direction === "rtl" ? "left" : "right";
}

/** Start and end as style keys: `{ [side(theme).paddingStart]: 8 }` pads the start of a line. */
export function side(theme: Theme) {
  const rtl = theme.direction === "rtl";
  return {
    paddingStart: rtl ? "paddingRight" : "paddingLeft",
    paddingEnd: rtl ? "paddingLeft" : "paddingRight",
    marginStart: rtl ? "marginRight" : "marginLeft",
    marginEnd: rtl ? "marginLeft" : "marginRight",
    borderStartWidth: rtl ? "borderRightWidth" : "borderLeftWidth",
    borderStartColor: rtl ? "borderRightColor" : "borderLeftColor",
  } as const;
}

function brandColours(brand: Brand): Theme["colour"] {
  return {
    primary: brand.colours.primary,
    onPrimary: brand.colours.onPrimary,
    accent: brand.colours.accent,
    text: brand.colours.text,
    rule: "#7A7A7A",
    restFill: "#E4E4E4",
  };
}
