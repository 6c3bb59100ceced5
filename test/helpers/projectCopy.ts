// Copies of the project's data files (templates and locales) that a test may break, and small editors
// for them; each copy is removed by removeProjectCopies() after the test.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";

const copies: string[] = [];

/** A copy of the project's data files that a test may break. */
export function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "leaflets-project-"));
  cpSync(join(PROJECT_ROOT, "templates"), join(root, "templates"), { recursive: true });
  cpSync(join(PROJECT_ROOT, "locales"), join(root, "locales"), { recursive: true });
  copies.push(root);
  return root;
}

// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
export function editJson(root: string, file: string, edit: (json: Record<string, any>) => void): void {
  const path = join(root, file);
  const json = JSON.parse(readFileSync(path, "utf8"));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

export function editText(root: string, file: string, edit: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
}

/** Removes every copy made so far (for afterEach). */
export function removeProjectCopies(): void {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
}
