// The document templates' text, read once when the catalog loads (regular files only, at most 256 kB
// each), so that compiling a template at its first render never reads a file that could hang.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ConfigProblem } from "../core/configProblem.ts";
import { FileReadProblem } from "../core/errors.ts";
import { readLimitedFile } from "../input/readLimitedFile.ts";

export const TEMPLATE_LIMIT_BYTES = 256 * 1024;
const FOLDERS = ["leaflets", "cards", "partials"];

const texts = new Map<string, string>();

/** Reads every .hbs file under templates/{leaflets,cards,partials}; each one that cannot be used is a problem. */
export function preloadTemplates(templatesDir: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const folder of FOLDERS) {
    const dir = join(templatesDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".hbs"))) {
      const path = join(dir, name);
      if (texts.has(path)) continue;
      try {
        texts.set(path, readLimitedFile(path, TEMPLATE_LIMIT_BYTES).toString("utf8"));
      } catch (error) {
        if (!(error instanceof FileReadProblem)) throw error;
        problems.push({ file: `templates/${folder}/${name}`, key: "", message: `cannot be used: ${error.reason}` });
      }
    }
  }
  return problems;
}

/** A template's text: from the preload, or read now under the same rules (a template outside those folders). */
export function templateText(path: string): string {
  let text = texts.get(path);
  if (text === undefined) {
    text = readLimitedFile(path, TEMPLATE_LIMIT_BYTES).toString("utf8");
    texts.set(path, text);
  }
  return text;
}
