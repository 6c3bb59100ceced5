// The content version a leaflet prints: the date of the newest approved change and a short hash of every
// text and template that went into it (the languages' locale files, the medicine's leaflet and card
// templates, every partial, the medicine's and regimen's files). The manifest records the full hash.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "../catalog/catalogTypes.ts";

export interface ContentFilesInput {
  languages: string[];
  drug: string;
  regimen: string;
}

/** Project-relative paths of every file the leaflet and card are made from, sorted. */
export function contentFiles(catalog: Catalog, input: ContentFilesInput): string[] {
  const drug = catalog.drugs.get(input.drug);
  const files = new Set<string>();
  for (const language of input.languages) {
    files.add(`locales/${language}/common.json`);
    files.add(`locales/${language}/${input.drug}.json`);
  }
  if (drug) {
    files.add(`templates/${drug.documents.leaflet}`);
    if (drug.documents.card) files.add(`templates/${drug.documents.card}`);
  }
  files.add(`templates/drugs/${input.drug}.yaml`);
  files.add(`templates/regimens/${input.regimen}.yaml`);
  const partials = join(catalog.root, "templates", "partials");
  if (existsSync(partials)) {
    for (const name of readdirSync(partials).filter((n) => n.endsWith(".hbs"))) files.add(`templates/partials/${name}`);
  }
  return [...files].filter((f) => existsSync(join(catalog.root, f))).sort();
}

const fileHashes = new Map<string, { stamp: string; sha256: string }>();

/** SHA-256 over each file's path and its own SHA-256 (files re-read only when they change). */
export function contentSha256(catalog: Catalog, input: ContentFilesInput): string {
  // Per catalog, as its templates and texts are: what is printed is what was loaded.
  let known = perCatalog.get(catalog);
  if (!known) {
    known = new Map();
    perCatalog.set(catalog, known);
  }
  const key = `${input.languages.join(",")}\0${input.drug}\0${input.regimen}`;
  const hit = known.get(key);
  if (hit) return hit;
  const sha = hashFiles(catalog, input);
  known.set(key, sha);
  return sha;
}

const perCatalog = new WeakMap<Catalog, Map<string, string>>();

function hashFiles(catalog: Catalog, input: ContentFilesInput): string {
  const whole = createHash("sha256");
  for (const file of contentFiles(catalog, input)) whole.update(`${file}\0${fileSha256(join(catalog.root, file))}\n`);
  return whole.digest("hex");
}

/** "2026-12-03 · 1a2b3c4d" (newest approved change and short hash), or the short hash alone. */
export function contentVersionLabel(newestApproval: string | undefined, sha256: string): string {
  const short = sha256.slice(0, 8);
  return newestApproval ? `${newestApproval} · ${short}` : short;
}

function fileSha256(path: string): string {
  const s = statSync(path);
  const stamp = `${s.size}:${s.mtimeMs}`;
  const known = fileHashes.get(path);
  if (known && known.stamp === stamp) return known.sha256;
  const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
  fileHashes.set(path, { stamp, sha256 });
  return sha256;
}
