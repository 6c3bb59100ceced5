// Which languages can be printed. Right-to-left languages print since their text sets right to left
// correctly (patches/: shaping, line starts, mark places, text extraction; test/pipeline/arabic.test.ts) and
// every part of the leaflet and card is laid out right to left, the calendar grid included
// (theme.direction). The switch stays, so a future right-to-left language can be held back until its
// pages have been checked the same way.
import type { LocaleBundle } from "./loadLocales.ts";

export const RIGHT_TO_LEFT_PRINTING_VERIFIED = true;

export function isPrintable(bundle: LocaleBundle): boolean {
  return bundle.meta.direction === "ltr" || RIGHT_TO_LEFT_PRINTING_VERIFIED;
}
