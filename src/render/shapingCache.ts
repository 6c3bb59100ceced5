// Remembers how fontkit shaped each text, per font. Most of a leaflet's words are the same from one
// patient to the next (labels, headings, weekdays, month names), and shaping them (OpenType
// substitution and positioning) was the largest single cost of laying a leaflet out. Each call still
// gets its own run: fresh glyph and position arrays and fresh position objects, because pdfkit scales
// positions in place and textkit justifies them in place. The glyph objects are shared, as fontkit's
// own glyph cache already shares them. Shaping is a pure function of font, text, features, script,
// language and direction, so a remembered run is exactly the run fontkit would make again.

interface GlyphRunLike {
  glyphs: unknown[];
  positions: object[] | null;
  features: Record<string, boolean>;
}

export interface ShapingFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRunLike;
}

/** Runs kept per font, least recently used dropped first (a batch's texts repeat, names and dates do not). */
const RUNS_PER_FONT = 2_000;

const cached = new WeakSet<object>();

/** Wraps `font.layout` (once per font object) so that repeated texts are shaped once. */
export function rememberShaping(font: ShapingFont): void {
  if (cached.has(font)) return;
  cached.add(font);
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRunLike>();
  font.layout = (text, features, script, language, direction) => {
    // Features are keyed as asked for: fontkit adds the shaper's own features to the caller's object.
    const key = `${direction ?? ""}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${featureKey(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      run = shape(text, features, script, language, direction);
      if (runs.size >= RUNS_PER_FONT) runs.delete(runs.keys().next().value as string);
      runs.set(key, copyRun(run));
    } else {
      runs.delete(key); // most recently used last: the words every document repeats stay
      runs.set(key, run);
      if (features && typeof features === "object" && !Array.isArray(features)) Object.assign(features, run.features);
    }
    return copyRun(run);
  };
}

function featureKey(features: unknown): string {
  if (features === undefined || features === null) return "";
  return JSON.stringify(features);
}

/** A run of the same class with its own arrays and positions (glyphs shared). */
function copyRun(run: GlyphRunLike): GlyphRunLike {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run)), run) as GlyphRunLike;
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions
    ? run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position)), position))
    : null;
  copy.features = { ...run.features };
  return copy;
}
