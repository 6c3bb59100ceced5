// Text that always reads left to right (a phone number) inside right-to-left text. By the Unicode Bidi
// Algorithm (UAX #9) digits after Arabic letters are Arabic numbers, and space-separated groups then
// run right to left: "+31 20 555 0199" would print as "0199 555 20 +31". A left-to-right isolate
// (U+2066 … U+2069) keeps the number one left-to-right unit; the marks take no room and print nothing.
import type { Theme } from "./theme.ts";

export const LEFT_TO_RIGHT_ISOLATE = "\u2066";
export const POP_DIRECTIONAL_ISOLATE = "\u2069";

export function isolate(text: string, theme: Theme): string {
  return theme.direction === "rtl" ? `${LEFT_TO_RIGHT_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
