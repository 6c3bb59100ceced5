// Reading direction, shared by the wording (content/) and the drawing (render/): the Unicode bidi
// algorithm (UAX #9) from bidi-js, its isolates, and what counts as right-to-left text.
import type { Bidi } from "bidi-js";
import bidiModule from "bidi-js";

// bidi-js is a CommonJS module whose exports are the factory itself (its types describe an ES default).
export const bidi = (bidiModule as unknown as () => Bidi)();

export type Direction = "ltr" | "rtl";

export const LEFT_TO_RIGHT_ISOLATE = "\u2066";
export const RIGHT_TO_LEFT_ISOLATE = "\u2067";
export const POP_DIRECTIONAL_ISOLATE = "\u2069";

/** Right-to-left letters or direction controls: text without them needs no reordering. */
export const NEEDS_REORDERING = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u2066-\u2069\u202A-\u202E]/;
/** The direction controls themselves: they steer the algorithm and are never drawn. */
export const DIRECTION_CONTROL = /[\u2066-\u2069\u202A-\u202E]/;

/** The direction of the first strong letter (UAX #9 rule P2); left to right when there is none. */
export function firstStrongDirection(text: string): Direction {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === "L") return "ltr";
    if (type === "R" || type === "AL") return "rtl";
  }
  return "ltr";
}

/** `text` as one unit of the given direction inside text of any direction; the marks print nothing. */
export function isolated(text: string, direction: Direction): string {
  const open = direction === "rtl" ? RIGHT_TO_LEFT_ISOLATE : LEFT_TO_RIGHT_ISOLATE;
  return `${open}${text}${POP_DIRECTIONAL_ISOLATE}`;
}
