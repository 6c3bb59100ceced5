// Chooses the type size for a line that must fit its width: the largest size from `maxSize` down to
// `minSize` (in 0.25 pt steps) at which it fits on one line. Below `minSize` it is refused, never cut off.
import { TextDoesNotFitError } from "../../core/errors.ts";
import { measure } from "./canvasText.ts";

export function fitSize(
  text: string,
  width: number,
  maxSize: number,
  minSize: number,
  field: string,
  bold = true,
): number {
  for (let size = maxSize; size >= minSize - 1e-9; size -= 0.25) {
    if (measure(text, { size, bold }) <= width) return size;
  }
  throw new TextDoesNotFitError(field, minSize);
}
