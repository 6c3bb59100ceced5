// Where cards go on paper, in PostScript points: the ID-1 card (85.60 × 53.98 mm, ISO/IEC 7810), its
// safe margin, and the sheets for office printers whose backs are mirrored for duplex printing: 10-up
// A4 (2 × 5, 3 mm gaps) and 8-up US Letter (2 × 4: five rows do not fit Letter's 279.4 mm with margins).

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

/** A sheet of cards: its paper size and the grid of cards centred on it. */
export interface SheetLayout {
  width: number;
  height: number;
  columns: number;
  rows: number;
  gap: number;
}

export const SHEET: SheetLayout = {
  width: 210 * MM,
  height: 297 * MM,
  columns: 2,
  rows: 5,
  gap: 3 * MM,
};

export const LETTER_SHEET: SheetLayout = {
  width: 215.9 * MM,
  height: 279.4 * MM,
  columns: 2,
  rows: 4,
  gap: 3 * MM,
};

/** The sheet for a paper size (the leaflet's paper: A4 or Letter). */
export function sheetFor(paper: "A4" | "Letter" = "A4"): SheetLayout {
  return paper === "Letter" ? LETTER_SHEET : SHEET;
}

export function cardsPerSheet(sheet: SheetLayout = SHEET): number {
  return sheet.columns * sheet.rows;
}

/** Cards on an A4 sheet. */
export const CARDS_PER_SHEET = cardsPerSheet(SHEET);

export interface Slot {
  x: number;
  y: number;
}

/** Top-left corner of card `index` (0 to the sheet's count − 1) on a sheet; backs sit in the mirrored
 * column (long-edge duplex). */
export function sheetSlot(index: number, side: "front" | "back", sheet: SheetLayout = SHEET): Slot {
  const row = Math.floor(index / sheet.columns);
  const column = index % sheet.columns;
  const printedColumn = side === "front" ? column : sheet.columns - 1 - column;
  const gridWidth = sheet.columns * CARD_WIDTH + (sheet.columns - 1) * sheet.gap;
  const gridHeight = sheet.rows * CARD_HEIGHT + (sheet.rows - 1) * sheet.gap;
  const left = (sheet.width - gridWidth) / 2;
  const top = (sheet.height - gridHeight) / 2;
  return { x: left + printedColumn * (CARD_WIDTH + sheet.gap), y: top + row * (CARD_HEIGHT + sheet.gap) };
}

/** A single card's page: the card plus bleed plus room for crop marks (none of either without bleed). */
export function singleCardPage(bleed: number): { width: number; height: number; trim: Slot } {
  const offset = bleed > 0 ? bleed + SLUG : 0;
  return { width: CARD_WIDTH + 2 * offset, height: CARD_HEIGHT + 2 * offset, trim: { x: offset, y: offset } };
}
