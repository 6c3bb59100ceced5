// Text that always reads left to right (a phone number) inside right-to-left text. By the Unicode Bidi
// Algorithm (UAX #9) digits after Arabic letters are Arabic numbers, and space-separated groups then
// run right to left: "+31 20 555 0199" would print as "0199 555 20 +31". A left-to-right isolate
// (U+2066 … U+2069) keeps the number one left-to-right unit; the marks take no room and print nothing.
import { isolated } from "../../core/bidi.ts";
import type { Theme } from "../theme.ts";

export function isolate(text: string, theme: Theme): string {
  return theme.direction === "rtl" ? isolated(text, "ltr") : text;
}
