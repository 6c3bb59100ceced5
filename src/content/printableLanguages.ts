// Which languages can be printed. Right-to-left languages are translated and validated but not printed
// yet. The text itself now sets right to left correctly (patches/: shaping, line starts, mark places,
// text extraction; test/pdf/arabic.test.ts) and the leaflet and card are laid out right to left
// (theme.direction), but the calendar grid still reads left to right: until it reads right to left, an
// Arabic leaflet would put the days of a week in the wrong order. A wrong leaflet is worse than none.
import type { LocaleBundle } from "./loadLocales.ts";

export const RIGHT_TO_LEFT_PRINTING_VERIFIED = false;

export function isPrintable(bundle: LocaleBundle): boolean {
  return bundle.meta.direction === "ltr" || RIGHT_TO_LEFT_PRINTING_VERIFIED;
}
