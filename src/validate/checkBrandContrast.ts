// Brand colour checks: every colour used for text must keep a WCAG contrast of at least 4.5:1 against
// its background, so leaflets stay readable, also on a black-and-white printer.
import type { Brand } from "../catalog/loadBrand.ts";
import type { ConfigProblem } from "../core/configProblem.ts";
import { REST_FILL } from "../render/theme.ts";

const MIN_CONTRAST = 4.5;
const WHITE = "#FFFFFF";

export function checkBrandContrast(brand: Brand): ConfigProblem[] {
  const file = `templates/brands/${brand.id}/brand.yaml`;
  const { primary, onPrimary, accent, text } = brand.colours;
  const pairs: [string, string, string, string][] = [
    ["colours.text", text, WHITE, "body text on white"],
    ["colours.text", text, accent, "body text on the accent boxes"],
    ["colours.text", text, REST_FILL, "calendar text on the grey rest-day cells"],
    ["colours.primary", primary, WHITE, "headings on white"],
    ["colours.primary", primary, accent, "headings on the accent boxes"],
    ["colours.onPrimary", onPrimary, primary, "text on the primary colour"],
  ];
  return pairs
    .filter(([, fg, bg]) => contrastRatio(fg, bg) < MIN_CONTRAST)
    .map(([key, fg, bg, use]) => ({
      file,
      key,
      message: `${use}: contrast ${contrastRatio(fg, bg).toFixed(2)}:1 is below ${MIN_CONTRAST}:1; choose a darker or lighter colour`,
    }));
}

/** WCAG 2.x contrast ratio between two "#RRGGBB" colours. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
