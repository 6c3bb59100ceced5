// Where cards go on paper, in PostScript points: the ID-1 card (85.60 × 53.98 mm, ISO/IEC 7810), its
// safe margin, and the 10-up A4 sheet (2 × 5, 3 mm gaps) whose backs are mirrored for duplex printing.

export const MM = 72 / 25.4;

export const CARD_WIDTH = 85.6 * MM;
export const CARD_HEIGHT = 53.98 * MM;
/** Nothing important within 3 mm of the trim; text starts 3.5 mm in. */
export const SAFE_MARGIN = 3.5 * MM;
/** Nothing within 3 mm of the trim (the band's text line starts just inside that). */
export const SAFE_ZONE = 3 * MM;
/** Height of the coloured band at the top of each face: the safe zone, one line of text, a little air. */
export const BAND_HEIGHT = 8 * MM;
/** Room outside the bleed for the crop marks of a single card. */
export const SLUG = 6 * MM;
export const MARK_LENGTH = 4 * MM;
/** Gap between a crop mark and the card (or its bleed). */
export const MARK_OFFSET = 1 * MM;

export const SHEET = {
  width: 210 * MM,
  height: 297 * MM,
  columns: 2,
  rows: 5,
  gap: 3 * MM,
} as const;

export const CARDS_PER_SHEET = SHEET.columns * SHEET.rows;

export interface Slot {
  x: number;
  y: number;
}

/** Top-left corner of card `index` (0–9) on a sheet; backs sit in the mirrored column (long-edge duplex). */
export function sheetSlot(index: number, side: "front" | "back"): Slot {
  const row = Math.floor(index / SHEET.columns);
  const column = index % SHEET.columns;
  const printedColumn = side === "front" ? column : SHEET.columns - 1 - column;
  const gridWidth = SHEET.columns * CARD_WIDTH + (SHEET.columns - 1) * SHEET.gap;
  const gridHeight = SHEET.rows * CARD_HEIGHT + (SHEET.rows - 1) * SHEET.gap;
  const left = (SHEET.width - gridWidth) / 2;
  const top = (SHEET.height - gridHeight) / 2;
  return { x: left + printedColumn * (CARD_WIDTH + SHEET.gap), y: top + row * (CARD_HEIGHT + SHEET.gap) };
}

/** A single card's page: the card plus bleed plus room for crop marks (none of either without bleed). */
export function singleCardPage(bleed: number): { width: number; height: number; trim: Slot } {
  const offset = bleed > 0 ? bleed + SLUG : 0;
  return { width: CARD_WIDTH + 2 * offset, height: CARD_HEIGHT + 2 * offset, trim: { x: offset, y: offset } };
}
