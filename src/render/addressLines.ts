// Web addresses broken into lines that fit: react-pdf does not break inside a URL (nor at zero-width
// spaces), so a long address would run off the page. Breaks after / ? & =, then after -, then anywhere.
import { textWidth } from "./fonts.ts";

/** The address in lines that fit `width` at `size` pt bold. */
export function addressLines(url: string, width: number, size: number): string[] {
  // Break after / ? & =, then after - and finally anywhere, until every piece fits on its own.
  const pieces = url
    .split(/(?<=[/?&=])/)
    .flatMap((piece) => (textWidth(piece, size, true) <= width ? [piece] : piece.split(/(?<=-)/)))
    .flatMap((piece) => (textWidth(piece, size, true) <= width ? [piece] : [...piece]));
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line && textWidth(line + piece, size, true) > width) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  if (line) lines.push(line);
  return lines;
}
