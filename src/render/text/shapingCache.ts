// Remembers how fontkit shaped each text, per font. Most of a leaflet's words are the same from one
// patient to the next (labels, headings, weekdays, month names), and shaping them (OpenType
// substitution and positioning) was the largest single cost of laying a leaflet out. Each call still
// gets its own run: fresh glyph and position arrays and fresh position objects, because pdfkit scales
// positions in place and textkit justifies them in place. The glyph objects are shared, as fontkit's
// own glyph cache already shares them. Shaping is a pure function of font, text, features, script,
// language and direction, so a remembered run is exactly the run fontkit would make again.
// For the Latin faces, a text is shaped word by word (each word with the space after it) and the runs
// joined: Noto Sans has no substitution or kerning across a space (the test checks every string of every
// Latin-script locale), so the joined run is the one fontkit makes for the whole text, and the words,
// unlike whole sentences with a patient's name or dates in them, come again.

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

/** Each word with the space (or tab) after it: the pieces pdfkit lays text out in, and the pieces the
 * Latin faces are shaped in. */
export const PIECES = /[^ \t]*[ \t]|[^ \t]+$/g;

/** Runs kept across processes (shapingStore.ts): read where fontkit would shape, written only by the build. */
export interface RunStore {
  get(key: string, font: never, runPrototype: object): unknown;
  put(key: string, run: unknown): void;
}

export interface ShapingOptions {
  store?: RunStore;
  /** Shape left-to-right text word by word and join the runs: only for a face that neither substitutes
   * nor kerns across a space. */
  byWord?: boolean;
}

/** Wraps `font.layout` (once per font object) so that repeated texts are shaped once. */
export function rememberShaping(font: ShapingFont, options: ShapingOptions = {}): void {
  if (cached.has(font)) return;
  cached.add(font);
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRunLike>();
  const store = options.store;
  let runPrototype: object | undefined; // fontkit's GlyphRun (an empty text is not shaped: no tables read)
  const stored = (key: string): GlyphRunLike | undefined => {
    if (!store) return undefined;
    runPrototype ??= Object.getPrototypeOf(shape("")) as object;
    return store.get(key, font as never, runPrototype) as GlyphRunLike | undefined;
  };
  const remembered: ShapingFont["layout"] = (text, features, script, language, direction) => {
    // Features are keyed as asked for: fontkit adds the shaper's own features to the caller's object.
    const key = `${direction ?? ""}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${featureKey(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      const kept = stored(key);
      if (kept) {
        run = kept;
        if (features && typeof features === "object" && !Array.isArray(features)) Object.assign(features, run.features);
      } else {
        run = shape(text, features, script, language, direction);
        store?.put(key, run);
      }
      if (runs.size >= RUNS_PER_FONT) runs.delete(runs.keys().next().value as string);
      runs.set(key, copyRun(run));
    } else {
      runs.delete(key); // most recently used last: the words every document repeats stay
      runs.set(key, run);
      if (features && typeof features === "object" && !Array.isArray(features)) Object.assign(features, run.features);
    }
    return copyRun(run);
  };
  font.layout = !options.byWord
    ? remembered
    : (text, features, script, language, direction) => {
        const pieces = direction === "rtl" ? null : text.match(PIECES);
        if (!pieces || pieces.length < 2) return remembered(text, features, script, language, direction);
        return joined(pieces.map((piece) => remembered(piece, features, script, language, direction)));
      };
}

/** One run from the runs of consecutive pieces (each already a copy of its own). */
function joined(pieces: GlyphRunLike[]): GlyphRunLike {
  const [first, ...rest] = pieces as [GlyphRunLike, ...GlyphRunLike[]];
  for (const piece of rest) {
    first.glyphs.push(...piece.glyphs);
    if (first.positions && piece.positions) first.positions.push(...piece.positions);
    Object.assign(first.features, piece.features);
  }
  return first;
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
