// Thin crop marks at the corners of a card, outside it (and outside its bleed): lines along the trim
// edges, for a guillotine or a knife. Hairline black so they print on any printer.
import { View } from "@react-pdf/renderer";
import { CARD_HEIGHT, CARD_WIDTH, MARK_LENGTH, MARK_OFFSET, MM, type Slot } from "./cardGeometry.ts";

const LINE = 0.3;

export interface MarkSize {
  /** Distance from the card's trim (plus bleed) to the mark. */
  offset: number;
  length: number;
}

/** Marks for a single card page: in the slug outside the bleed. */
export const SLUG_MARKS: MarkSize = { offset: MARK_OFFSET, length: MARK_LENGTH };
/** Marks on a sheet: inside the 3 mm gaps, clear of the neighbouring cards. */
export const GAP_MARKS: MarkSize = { offset: 0.5 * MM, length: 2 * MM };

export function CropMarks({
  at,
  bleed,
  size,
  fixed = false,
}: {
  at: Slot;
  bleed: number;
  size: MarkSize;
  fixed?: boolean;
}) {
  const { length } = size;
  const away = bleed + size.offset;
  const xs = [at.x, at.x + CARD_WIDTH];
  const ys = [at.y, at.y + CARD_HEIGHT];
  const marks: { left: number; top: number; width: number; height: number }[] = [];
  for (const [i, x] of xs.entries()) {
    for (const [j, y] of ys.entries()) {
      const outX = i === 0 ? -1 : 1;
      const outY = j === 0 ? -1 : 1;
      // Horizontal mark on the line y, beside the card; vertical mark on the line x, above or below it.
      marks.push({ left: outX < 0 ? x - away - length : x + away, top: y - LINE / 2, width: length, height: LINE });
      marks.push({ left: x - LINE / 2, top: outY < 0 ? y - away - length : y + away, width: LINE, height: length });
    }
  }
  return (
    <>
      {marks.map((m) => (
        <View
          key={`${m.left.toFixed(2)}-${m.top.toFixed(2)}-${m.width > m.height ? "h" : "v"}`}
          fixed={fixed}
          style={{ position: "absolute", ...m, backgroundColor: "#000000" }}
        />
      ))}
    </>
  );
}
