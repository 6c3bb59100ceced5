// Shaped words kept on disk, so a fresh process does not shape (and parse the OpenType tables for) the
// same labels, headings and weekdays every leaflet repeats: the largest cost of a cold `generate`. Filled
// by `npm run build` only (scripts/primeCaches.ts renders the fictional demo patient in every language),
// never at run time, so no patient's name or date is ever written to disk. Read-only in every command.
// One entry per font, named by the hash of the font file and of fontkit's code (the patched copy in
// node_modules): other fonts or another fontkit shape afresh. A stored run is the run fontkit made: glyph
// ids with their characters, positions, script, language, direction and features.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { readCacheEntry, writeCacheEntry } from "../../cache/diskCache.ts";

const require = createRequire(import.meta.url);
const FORMAT = 1;

/** A run as stored: glyph ids, each glyph's characters, positions (4 numbers a glyph), and the rest. */
interface StoredRun {
  g: number[];
  c: number[][];
  p: number[];
  s: string | null;
  l: string | null;
  d: string | null;
  f: Record<string, boolean>;
}

interface RunLike {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] | null;
  script?: string | null;
  language?: string | null;
  direction?: string | null;
  features: Record<string, boolean>;
}

export interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): unknown;
}

/** Set by the build's priming step: runs shaped in this process are kept, and written by `save`. */
let recording = false;
const stores = new Set<ShapingStore>();

export function recordShaping(): void {
  recording = true;
}

/** Writes every store that gained runs (the build's priming step only). */
export function saveShapingStores(): void {
  for (const store of stores) store.save();
}

export class ShapingStore {
  private loaded: Map<string, StoredRun> | undefined;
  private added = 0;

  constructor(private readonly entry: string) {
    stores.add(this);
  }

  /** Read at the first text shaped in this font (an English leaflet never reads the Arabic faces' runs). */
  private get stored(): Map<string, StoredRun> {
    this.loaded ??= new Map(readRuns(this.entry));
    return this.loaded;
  }

  /** The store for a font file (its entry may be empty: then every text is shaped). */
  static forFont(file: string): ShapingStore {
    return new ShapingStore(`shaping-${fontKey(file)}.json`);
  }

  /** The stored run for `key` as fontkit would return it, with the font's own glyph objects. */
  get(key: string, font: GlyphSource, runPrototype: object): unknown {
    const run = this.stored.get(key);
    if (!run) return undefined;
    const positions = [];
    for (let i = 0; i < run.p.length; i += 4) {
      positions.push({ xAdvance: run.p[i], yAdvance: run.p[i + 1], xOffset: run.p[i + 2], yOffset: run.p[i + 3] });
    }
    return Object.assign(Object.create(runPrototype), {
      glyphs: run.g.map((id, i) => font.getGlyph(id, run.c[i])),
      positions,
      script: run.s,
      language: run.l,
      direction: run.d,
      features: { ...run.f },
    });
  }

  /** Keeps a run fontkit made, when the build is priming the store. */
  put(key: string, made: unknown): void {
    if (!recording || this.stored.has(key)) return;
    const run = made as RunLike;
    if (!run.positions) return;
    this.stored.set(key, {
      g: run.glyphs.map((glyph) => glyph.id),
      c: run.glyphs.map((glyph) => [...glyph.codePoints]),
      p: run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
      s: run.script ?? null,
      l: run.language ?? null,
      d: run.direction ?? null,
      f: { ...run.features },
    });
    this.added++;
  }

  save(): void {
    if (this.added === 0) return;
    writeCacheEntry(this.entry, `${JSON.stringify({ entry: this.entry, runs: [...this.stored] })}\n`);
    this.added = 0;
  }
}

function readRuns(entry: string): [string, StoredRun][] {
  const text = readCacheEntry(entry);
  if (text === undefined) return [];
  try {
    const table = JSON.parse(text) as { entry?: unknown; runs?: unknown };
    return table.entry === entry && Array.isArray(table.runs) ? (table.runs as [string, StoredRun][]) : [];
  } catch {
    return [];
  }
}

let fontkitHash: string | undefined;

/** A hash of the format, fontkit's code (as patched) and the font file's bytes. */
function fontKey(file: string): string {
  fontkitHash ??= createHash("sha256")
    .update(readFileSync(join(dirname(require.resolve("fontkit")), "module.mjs")))
    .digest("hex");
  return createHash("sha256")
    .update(`shaping ${FORMAT}\n${fontkitHash}\n`)
    .update(readFileSync(file))
    .digest("hex")
    .slice(0, 32);
}
