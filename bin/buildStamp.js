// Whether the compiled build in dist/ was made from the sources in src/ as they are now. The build writes
// a stamp (the newest modification time of any file or folder under src/, and how many there are);
// an edit, a new, deleted or renamed file changes one of them. Plain JavaScript: the bins check it before
// anything else loads (about a millisecond for src/'s two hundred entries).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SRC_DIR = join(ROOT, "src");
export const DIST_DIR = join(ROOT, "dist");
export const STAMP_FILE = join(DIST_DIR, "build-stamp.json");

/** The newest modification time under `dir` (the folder itself included) and the number of entries. */
export function sourceStamp(dir = SRC_DIR) {
  let newestMs = statSync(dir).mtimeMs;
  let entries = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const { mtimeMs } = statSync(path);
      entries++;
      if (mtimeMs > newestMs) newestMs = mtimeMs;
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return { newestMs, entries };
}

/**
 * "fresh" when dist/ holds a build of src/ as it is now (or src/ is not there, as in an installed
 * package, which ships only the build), "stale" when src/ changed since, "missing" when nothing was built.
 */
export function buildState() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP_FILE, "utf8"));
  } catch {
    return "missing";
  }
  let now;
  try {
    now = sourceStamp();
  } catch {
    return "fresh";
  }
  return stamp.newestMs === now.newestMs && stamp.entries === now.entries ? "fresh" : "stale";
}
