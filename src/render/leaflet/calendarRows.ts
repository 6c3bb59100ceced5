// The calendar's rows laid out and drawn by hand (see canvasText.ts for why): the weekday header and a
// week of day cells in weekday columns, or, in large print, one day as a row. Layout first (so react-pdf knows each row's height before it
// paginates), then a paint function for the row's canvas. Borders are drawn centred on the row's edges,
// so rows that meet share one line and a row that starts a page is still closed on every side.
import type { CalendarDay } from "../../document/documentTypes.ts";
import { asArtifact, type CanvasTags, inElement, logicalText, type PaintInfo } from "../tags/canvasTags.ts";
import type { StructOptions, StructRole } from "../tags/structureTag.ts";
import { drawLine, measure, type Painter, type TextStyle, wrap } from "../text/canvasText.ts";
import type { Theme } from "../theme.ts";

/** `paint` is a canvas's paint function: tagged, a row is a TR of TH or TD cells (tags/canvasTags.ts). */
export interface DrawRow {
  height: number;
  paint: (painter: Painter, width?: number, height?: number, info?: PaintInfo) => null;
}

/** A cell's structure element: a header cell of the weekday row, a day's data cell. */
interface CellRole {
  role: StructRole;
  options?: StructOptions;
}

type Mark = "box" | "rest";

/** What one cell holds, placed relative to the cell's top left corner. */
interface CellLayout {
  texts: { text: string; x: number; top: number; style: TextStyle }[];
  marks: { mark: Mark; x: number; top: number }[];
  height: number;
}

interface MarkStyle {
  box: number;
  border: number;
  bar: number;
  gap: number;
}

/** One dose (tick box, symbol, text) or the rest mark with its text, wrapped to the width left. */
function markedLine(
  cell: CellLayout,
  mark: Mark,
  symbol: string,
  text: string,
  at: { x: number; top: number; width: number },
  styles: { regular: TextStyle; bold: TextStyle; mark: MarkStyle },
): number {
  const { regular, bold } = styles;
  cell.marks.push({ mark, x: at.x, top: at.top + (regular.lineHeight - styles.mark.box) / 2 });
  let x = at.x + styles.mark.box + styles.mark.gap;
  if (symbol) {
    cell.texts.push({ text: `${symbol} `, x, top: at.top, style: bold });
    x += measure(`${symbol} `, bold);
  }
  const lines = wrap(text, at.x + at.width - x, regular);
  lines.forEach((line, i) => {
    cell.texts.push({ text: line, x, top: at.top + i * regular.lineHeight, style: regular });
  });
  return lines.length * regular.lineHeight;
}

/** Texts one under the other from `at.top`, each wrapped to `at.width`; returns the top below them. */
function stackLines(
  cell: CellLayout,
  texts: [string, TextStyle][],
  at: { x: number; top: number; width: number },
): number {
  let top = at.top;
  for (const [text, style] of texts) {
    for (const line of wrap(text, at.width, style)) {
      cell.texts.push({ text: line, x: at.x, top, style });
      top += style.lineHeight;
    }
  }
  return top;
}

/** The grid's sizes: seven equal columns over the text width, day 1 of the week in the reading-start one. */
function gridColumns(theme: Theme) {
  const width = theme.page.contentWidth;
  const rtl = theme.direction === "rtl";
  const cellWidth = width / 7;
  // Right to left, the week reads from the right: its first day in the rightmost column.
  const columnX = (i: number) => (rtl ? width - (i + 1) * cellWidth : i * cellWidth);
  return { width, rtl, cellWidth, columnX };
}

/**
 * The grid's header: each column's weekday, one line per language (a bilingual leaflet's second language
 * under the patient's), bold, where the cells' texts start.
 */
export function weekdayHeader(weekdays: string[][], theme: Theme): DrawRow {
  const { rtl, cellWidth, columnX } = gridColumns(theme);
  const size = theme.font.small;
  const bold: TextStyle = { size, bold: true, lineHeight: size * 1.25 };
  const regular: TextStyle = { ...bold, bold: false };
  const pad = 3;
  const cells = Array.from({ length: 7 }, (_, column) => {
    const cell: CellLayout = { texts: [], marks: [], height: 0 };
    const texts = weekdays.map((names, i): [string, TextStyle] => [names[column] ?? "", i === 0 ? bold : regular]);
    cell.height = stackLines(cell, texts, { x: pad, top: pad, width: cellWidth - 2 * pad }) + pad;
    return cell;
  });
  const height = Math.max(...cells.map((c) => c.height));
  const mark: MarkStyle = { box: 9, border: 1, bar: 1.5, gap: 3 };
  return {
    height,
    paint: (painter, _width, _height, info) => {
      const tags = info?.tags;
      inElement(tags, "TR", () =>
        drawCells(
          painter,
          cells.map((cell, i) => ({ cell, x: columnX(i), width: cellWidth })),
          mark,
          theme,
          rtl,
          tags && { tags, roles: cells.map(() => ({ role: "TH", options: { scope: "Column" } })) },
        ),
      );
      return null;
    },
  };
}

/**
 * A week of the grid: seven equal cells from the first day of the week; a day outside the cycle (`null`)
 * is left empty, without a border, so the cycle's own days stand out as one block.
 */
export function weekRow(week: (CalendarDay | null)[], theme: Theme): DrawRow {
  const { rtl, cellWidth, columnX } = gridColumns(theme);
  const size = theme.font.small;
  const regular: TextStyle = { size, bold: false, lineHeight: size * 1.25 };
  const bold: TextStyle = { ...regular, bold: true };
  const mark: MarkStyle = { box: 9, border: 1, bar: 1.5, gap: 3 };
  const pad = 3;
  const cells = week.map((day) => {
    const cell: CellLayout = { texts: [], marks: [], height: 0 };
    if (!day) return cell;
    // Day number and date, each wrapped to the cell (Arabic writes the weekday out in full).
    const at = { x: pad, top: pad, width: cellWidth - 2 * pad };
    let top =
      stackLines(
        cell,
        [
          [day.label, regular],
          [day.date, bold],
        ],
        at,
      ) + 2;
    for (const dose of day.doses) {
      top += markedLine(cell, "box", dose.symbol, dose.text, { ...at, top }, { regular, bold, mark }) + 1;
    }
    if (day.rest) top += markedLine(cell, "rest", "", day.rest, { ...at, top }, { regular, bold, mark });
    cell.height = top + pad;
    return cell;
  });
  const height = Math.max(52, ...cells.map((c) => c.height));
  const inCycle = week.flatMap((day, i) => (day ? [i] : []));
  return {
    height,
    paint: (painter, _width, _height, info) => {
      const tags = info?.tags;
      asArtifact(tags, () => {
        week.forEach((day, i) => {
          if (day?.rest) painter.rect(columnX(i), 0, cellWidth, height).fill(theme.colour.restFill);
        });
        painter.lineWidth(0.75).strokeColor(theme.colour.text);
        // The cycle's days in a week are consecutive: one frame around them, a line between each two.
        const firstColumn = inCycle[0];
        const lastColumn = inCycle.at(-1);
        if (firstColumn !== undefined && lastColumn !== undefined) {
          const left = Math.min(columnX(firstColumn), columnX(lastColumn));
          const right = Math.max(columnX(firstColumn), columnX(lastColumn)) + cellWidth;
          painter.moveTo(left, 0).lineTo(right, 0).moveTo(left, height).lineTo(right, height);
          for (const i of inCycle) painter.moveTo(columnX(i), 0).lineTo(columnX(i), height);
          painter.moveTo(right, 0).lineTo(right, height);
          painter.stroke();
        }
      });
      inElement(tags, "TR", () =>
        drawCells(
          painter,
          cells.map((cell, i) => ({ cell, x: columnX(i), width: cellWidth })),
          mark,
          theme,
          rtl,
          tags && { tags, roles: cells.map(() => ({ role: "TD" })) },
        ),
      );
      return null;
    },
  };
}

/** Large print: one day as a row – date and day number on the left, each dose (or the rest mark) on the right. */
export function dayRow(day: CalendarDay, theme: Theme): DrawRow {
  const width = theme.page.contentWidth;
  const rtl = theme.direction === "rtl";
  const size = theme.font.body;
  const regular: TextStyle = { size, bold: false, lineHeight: size * 1.25 };
  const bold: TextStyle = { ...regular, bold: true };
  const mark: MarkStyle = { box: size * 0.9, border: 1.25, bar: 2, gap: 6 };
  const padY = 4;
  const left = { x: 4, width: width * 0.42 - 8 };
  const right = { x: width * 0.42, width: width * 0.58 - 4 };
  // The date and day number (the row's header cell), and the doses (its data cell), drawn over the row.
  const cell: CellLayout = { texts: [], marks: [], height: 0 };
  const doses: CellLayout = { texts: [], marks: [], height: 0 };
  const leftTop = stackLines(
    cell,
    [
      [day.date, bold],
      [day.label, regular],
    ],
    { ...left, top: padY },
  );
  let rightTop = padY;
  const at = (t: number) => ({ x: right.x, top: t, width: right.width });
  for (const dose of day.doses) {
    rightTop += markedLine(doses, "box", dose.symbol, dose.text, at(rightTop), { regular, bold, mark }) + 2;
  }
  if (day.rest) rightTop += markedLine(doses, "rest", "", day.rest, at(rightTop), { regular, bold, mark });
  const height = Math.max(leftTop, rightTop) + padY;
  return {
    height,
    paint: (painter, _width, _height, info) => {
      const tags = info?.tags;
      asArtifact(tags, () => {
        if (day.rest) painter.rect(0, 0, width, height).fill(theme.colour.restFill);
        painter.lineWidth(1).strokeColor(theme.colour.text);
        painter.moveTo(0, 0).lineTo(width, 0).moveTo(0, height).lineTo(width, height).stroke();
      });
      const roles: CellRole[] = [{ role: "TH", options: { scope: "Row" } }, { role: "TD" }];
      inElement(tags, "TR", () =>
        drawCells(
          painter,
          [
            { cell, x: 0, width },
            { cell: doses, x: 0, width },
          ],
          mark,
          theme,
          rtl,
          tags && { tags, roles },
        ),
      );
      return null;
    },
  };
}

/**
 * Draws the cells' marks and texts. The layout is made left to right; right to left, every piece is
 * mirrored within its cell (its right edge where its left edge was), so the reading order – mark,
 * symbol, text – runs from the right.
 */
function drawCells(
  painter: Painter,
  cells: { cell: CellLayout; x: number; width: number }[],
  mark: MarkStyle,
  theme: Theme,
  rtl: boolean,
  tagged?: { tags: CanvasTags; roles: CellRole[] },
): void {
  const place = (x: number, cellWidth: number, at: number, size: number) => (rtl ? x + cellWidth - at - size : x + at);
  if (tagged) {
    // Tick boxes and rest marks are artifacts (the cell's text says what they are for); each cell's
    // texts are its element's content, cell by cell in reading order.
    tagged.tags.artifact(() => drawMarks(painter, cells, mark, theme, place));
    painter.fillColor(theme.colour.text);
    cells.forEach((one, i) => {
      const role = tagged.roles[i] ?? { role: "TD" };
      const options = logicalText(
        one.cell.texts.map((t) => t.text),
        role.options,
        rtl,
      );
      tagged.tags.element(role.role, options, () => {
        // In the cell's own order (day, date, each dose), as it is read.
        if (one.cell.texts.length > 0) tagged.tags.content(() => drawTexts(painter, [one], place, rtl, false));
      });
    });
    return;
  }
  drawMarks(painter, cells, mark, theme, place);
  painter.fillColor(theme.colour.text);
  drawTexts(painter, cells, place, rtl);
}

type Place = (x: number, cellWidth: number, at: number, size: number) => number;

function drawMarks(
  painter: Painter,
  cells: { cell: CellLayout; x: number; width: number }[],
  mark: MarkStyle,
  theme: Theme,
  place: Place,
): void {
  painter.lineWidth(mark.border).strokeColor(theme.colour.text);
  for (const { cell, x, width } of cells) {
    for (const m of cell.marks) {
      const left = place(x, width, m.x, mark.box);
      if (m.mark === "box") {
        const inset = mark.border / 2;
        painter.rect(left + inset, m.top + inset, mark.box - mark.border, mark.box - mark.border).stroke();
      } else {
        painter.rect(left, m.top + (mark.box - mark.bar) / 2, mark.box, mark.bar).fill(theme.colour.text);
      }
    }
  }
}

function drawTexts(
  painter: Painter,
  cells: { cell: CellLayout; x: number; width: number }[],
  place: Place,
  rtl: boolean,
  byWeight = true,
): void {
  if (!byWeight) {
    for (const { cell, x, width } of cells) {
      for (const t of cell.texts) {
        const left = rtl ? place(x, width, t.x, measure(t.text, t.style)) : x + t.x;
        drawLine(painter, t.text, left, t.top, t.style, rtl);
      }
    }
    return;
  }
  // All regular pieces of the row, then all bold ones: two font switches a row instead of two a piece.
  for (const bold of [false, true]) {
    for (const { cell, x, width } of cells) {
      for (const t of cell.texts) {
        if (t.style.bold !== bold) continue;
        const left = rtl ? place(x, width, t.x, measure(t.text, t.style)) : x + t.x;
        drawLine(painter, t.text, left, t.top, t.style, rtl);
      }
    }
  }
}
