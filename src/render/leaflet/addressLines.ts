// Web addresses broken into lines that fit: react-pdf does not break inside a URL (nor at zero-width
// spaces), so a long address would run off the page. Breaks after / ? & =, then after -, then anywhere.
import { measure } from "../text/canvasText.ts";
import { start, type Theme } from "../theme.ts";

const width = (text: string, size: number) => measure(text, { size, bold: true });

/** The address in lines that fit `maxWidth` at `size` pt bold (measured with the embedded fonts, as drawn). */
export function addressLines(url: string, maxWidth: number, size: number): string[] {
  // Break after / ? & =, then after - and finally anywhere, until every piece fits on its own.
  const pieces = url
    .split(/(?<=[/?&=])/)
    .flatMap((piece) => (width(piece, size) <= maxWidth ? [piece] : piece.split(/(?<=-)/)))
    .flatMap((piece) => (width(piece, size) <= maxWidth ? [piece] : [...piece]));
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line && width(line + piece, size) > maxWidth) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** A web address reads left to right in every language, at the start of the line. */
export function addressStyle(theme: Theme) {
  return { direction: "ltr" as const, textAlign: start(theme) };
}
