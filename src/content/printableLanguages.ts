// Which languages can be printed. Right-to-left languages are translated and validated but not printed
// yet: react-pdf 4 reverses space-separated digits (phone numbers) in right-to-left text and ignores
// direction isolates, and clips the first letter of right-to-left lines. A wrong leaflet is worse than none.
import type { LocaleBundle } from "./loadLocales.ts";

export const RIGHT_TO_LEFT_PRINTING_VERIFIED = false;

export function isPrintable(bundle: LocaleBundle): boolean {
  return bundle.meta.direction === "ltr" || RIGHT_TO_LEFT_PRINTING_VERIFIED;
}
