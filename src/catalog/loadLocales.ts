// Reads locales/<lang>/*.json: the language's settings (common.json) and each medicine's text with
// its provenance. Problems are returned with file and key, never thrown, so `validate` can list them all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConfigProblem } from "../core/configProblem.ts";
import {
  type CommonMeta,
  commonMetaSchema,
  type DrugMeta,
  drugMetaSchema,
  type Provenance,
  provenanceSchema,
} from "./localeSchema.ts";

export type LocaleTree = { [key: string]: string | LocaleTree };

export interface LocaleBundle {
  language: string;
  meta: CommonMeta;
  /** Namespace ("common", or a drug id) → its text tree (including `_meta`/`_provenance` objects). */
  namespaces: Record<string, LocaleTree>;
  /** Drug id → that file's sources. */
  drugMeta: Record<string, DrugMeta>;
  /** Drug id → section id → provenance. */
  provenance: Record<string, Record<string, Provenance>>;
}

export function loadLocales(localesDir: string): { bundles: Map<string, LocaleBundle>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const bundles = new Map<string, LocaleBundle>();
  const languages = readdirSync(localesDir, { withFileTypes: true })
    // locales/reviews/ holds the pharmacists' review records (src/review/), not a language.
    // locales/server/ holds the server's own messages in the page's languages (src/web/problemLanguage.ts).
    .filter((entry) => entry.isDirectory() && entry.name !== "reviews" && entry.name !== "server")
    .map((entry) => entry.name)
    .sort();
  for (const language of languages) {
    const bundle = loadLanguage(localesDir, language, problems);
    if (bundle) bundles.set(language, bundle);
  }
  return { bundles, problems };
}

function loadLanguage(localesDir: string, language: string, problems: ConfigProblem[]): LocaleBundle | undefined {
  const dir = join(localesDir, language);
  if (!existsSync(join(dir, "common.json"))) {
    problems.push({ file: `locales/${language}/common.json`, key: "", message: "missing: every language needs one" });
    return undefined;
  }
  const namespaces: Record<string, LocaleTree> = {};
  const drugMeta: Record<string, DrugMeta> = {};
  const provenance: Record<string, Record<string, Provenance>> = {};
  let meta: CommonMeta | undefined;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const file = `locales/${language}/${name}`;
    const ns = name.replace(/\.json$/, "");
    let tree: LocaleTree;
    try {
      tree = JSON.parse(readFileSync(join(dir, name), "utf8")) as LocaleTree;
    } catch (error) {
      problems.push({ file, key: "", message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    namespaces[ns] = tree;
    if (ns === "common") {
      const parsed = commonMetaSchema.safeParse(tree._meta);
      if (!parsed.success) problems.push(...issues(file, "_meta", parsed.error.issues));
      else if (parsed.data.language !== language) {
        problems.push({
          file,
          key: "_meta.language",
          message: `says "${parsed.data.language}" but the folder is ${language}`,
        });
      } else meta = parsed.data;
      continue;
    }
    const parsedMeta = drugMetaSchema.safeParse(tree._meta);
    if (!parsedMeta.success) {
      problems.push(...issues(file, "_meta", parsedMeta.error.issues));
      continue;
    }
    drugMeta[ns] = parsedMeta.data;
    provenance[ns] = readProvenance(file, tree, parsedMeta.data, problems);
  }
  return meta ? { language, meta, namespaces, drugMeta, provenance } : undefined;
}

/** Every section must say where its text comes from, naming sources listed in the file's `_meta`. */
function readProvenance(
  file: string,
  tree: LocaleTree,
  meta: DrugMeta,
  problems: ConfigProblem[],
): Record<string, Provenance> {
  const result: Record<string, Provenance> = {};
  const sections = tree.sections;
  if (typeof sections !== "object") {
    problems.push({ file, key: "sections", message: "missing: a medicine's text is organised in sections" });
    return result;
  }
  for (const [id, section] of Object.entries(sections)) {
    const key = `sections.${id}._provenance`;
    const parsed = provenanceSchema.safeParse(typeof section === "object" ? section._provenance : undefined);
    if (!parsed.success) {
      problems.push(...issues(file, key, parsed.error.issues));
      continue;
    }
    for (const source of parsed.data.sources) {
      if (!meta.sources[source])
        problems.push({ file, key, message: `source "${source}" is not listed in _meta.sources` });
    }
    result[id] = parsed.data;
  }
  return result;
}

function issues(file: string, prefix: string, list: { path: PropertyKey[]; message: string }[]): ConfigProblem[] {
  return list.map((issue) => ({ file, key: [prefix, ...issue.path.map(String)].join("."), message: issue.message }));
}
