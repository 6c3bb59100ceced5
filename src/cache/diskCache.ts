// Where the command keeps what it prepares once and reuses across processes (the fonts' coverage table,
// the compiled templates): node_modules/.cache/patient-leaflets, beside the packages it is made from, or
// LEAFLETS_CACHE_DIR. Every entry's name carries the hash of what it was made from, so a stale entry is
// never read; writes are atomic (temporary name, then rename) and a cache that cannot be written is skipped.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The cache folder (not created until something is written). */
export function cacheDir(): string {
  return (
    process.env.LEAFLETS_CACHE_DIR ||
    join(dirname(require.resolve("@expo-google-fonts/noto-sans/package.json")), "../../.cache/patient-leaflets")
  );
}

/** The text of a cache entry, or undefined when there is none (or it cannot be read). */
export function readCacheEntry(name: string): string | undefined {
  try {
    return readFileSync(join(cacheDir(), name), "utf8");
  } catch {
    return undefined;
  }
}

/** Stores an entry atomically; false when the cache cannot be written (e.g. a read-only install). */
export function writeCacheEntry(name: string, text: string): boolean {
  const file = join(cacheDir(), name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
