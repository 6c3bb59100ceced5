// The embedded fonts' character coverage kept on disk, so that checking an order's name or a locale's text
// (the catalog's canPrint) never loads fontkit nor parses a font. The table is keyed on a hash of the font
// files' bytes: a table made from other fonts is never read. A missing, stale or unreadable table is made
// again from the fonts (by whoever asks first, or by `npm run build`); one that cannot be written is simply
// not kept. Stored as ranges of code points in the command's disk cache (src/cache/diskCache.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { readCacheEntry, writeCacheEntry } from "../../cache/diskCache.ts";

const require = createRequire(import.meta.url);

/** Bump when the table's meaning or layout changes: older tables are then ignored. */
const FORMAT = 1;

export interface CoverageFonts {
  /** Each weight's files: a code point counts when some file of every weight has it. */
  weights: string[][];
}

/** A hash of the format and of every font file's bytes, in order. */
export function coverageKey(fonts: CoverageFonts): string {
  const hash = createHash("sha256").update(`font-coverage ${FORMAT}\n`);
  for (const files of fonts.weights) {
    hash.update(`weight ${files.length}\n`);
    for (const file of files) hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 32);
}

/** The cache entry a table with this key is stored under. */
export function coverageEntryName(key: string): string {
  return `font-coverage-${key}.json`;
}

/** The covered code points, from the table on disk or (and then stored) from the fonts themselves. */
export function loadCoverage(fonts: CoverageFonts): Set<number> {
  const key = coverageKey(fonts);
  const stored = readTable(key);
  if (stored) return stored;
  const made = coverageFromFonts(fonts);
  writeTable(key, made);
  return made;
}

/** Reads the fonts with fontkit (loaded only now): the code points every weight can draw. */
export function coverageFromFonts(fonts: CoverageFonts): Set<number> {
  const fontkit = require("fontkit") as { openSync(file: string): { characterSet: number[] } };
  const perWeight = fonts.weights.map((files) => new Set(files.flatMap((file) => fontkit.openSync(file).characterSet)));
  const [first, ...rest] = perWeight;
  return new Set([...(first ?? [])].filter((cp) => rest.every((weight) => weight.has(cp))));
}

function readTable(key: string): Set<number> | undefined {
  const text = readCacheEntry(coverageEntryName(key));
  if (text === undefined) return undefined;
  try {
    const table = JSON.parse(text) as { key?: unknown; ranges?: unknown };
    if (table.key !== key || !Array.isArray(table.ranges)) return undefined;
    const covered = new Set<number>();
    for (const range of table.ranges) {
      if (!Array.isArray(range) || !Number.isInteger(range[0]) || !Number.isInteger(range[1])) return undefined;
      for (let cp = range[0] as number; cp <= (range[1] as number); cp++) covered.add(cp);
    }
    return covered;
  } catch {
    return undefined; // unreadable: made again from the fonts
  }
}

/** Stores the table (atomically); false when the cache cannot be written. */
export function writeTable(key: string, covered: Set<number>): boolean {
  const ranges: [number, number][] = [];
  for (const cp of [...covered].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return writeCacheEntry(coverageEntryName(key), `${JSON.stringify({ key, ranges })}\n`);
}
