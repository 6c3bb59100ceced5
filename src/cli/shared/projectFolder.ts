// The `--project` folder as the commands take it: a folder that holds locales/ and templates/. A missing
// folder, a file, or a folder without them is a mistake in the call (exit 2) named plainly, never an
// internal error from deep inside the catalog's loader.
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../../core/errors.ts";

/** The folder to load (undefined: this installation's own), checked. */
export function projectFolder(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const dir = resolve(given);
  if (!isDirectory(dir)) {
    throw new UsageError(`--project ${given}: no such folder (it should hold locales/ and templates/)`);
  }
  const missing = ["locales", "templates"].filter((name) => !isDirectory(join(dir, name)));
  if (missing.length > 0) {
    throw new UsageError(
      `--project ${given}: not a project folder, it has no ${missing.map((m) => `${m}/`).join(" and no ")}`,
    );
  }
  return dir;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
