// Locale text checks: the same keys in every language, no empty strings, no markup or entities left in
// plain text, and only characters the embedded fonts can print.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { ConfigProblem } from "../catalog/configProblem.ts";
import type { LocaleTree } from "../content/loadLocales.ts";

const METADATA_KEYS = new Set(["_meta", "_provenance"]);

export function checkLocaleTexts(catalog: Catalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const bundles = [...catalog.locales.values()];
  const namespaces = new Set(bundles.flatMap((b) => Object.keys(b.namespaces)));
  for (const ns of namespaces) {
    const keysByLanguage = new Map(bundles.map((b) => [b.language, flatten(b.namespaces[ns] ?? {})]));
    const allKeys = new Set([...keysByLanguage.values()].flatMap((m) => [...m.keys()]));
    for (const [language, keys] of keysByLanguage) {
      const file = `locales/${language}/${ns}.json`;
      for (const key of allKeys) {
        if (!keys.has(key)) {
          const has = [...keysByLanguage].filter(([, k]) => k.has(key)).map(([l]) => l);
          problems.push({ file, key, message: `missing (present in ${has.join(", ")})` });
        }
      }
      for (const [key, value] of keys) problems.push(...checkText(file, key, value, catalog));
    }
  }
  return problems;
}

function checkText(file: string, key: string, value: string, catalog: Catalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (value.trim() === "") problems.push({ file, key, message: "is empty" });
  if (/<\/?[a-z][^>]*>/i.test(value)) problems.push({ file, key, message: "contains markup (<…>); write plain text" });
  if (/&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(value))
    problems.push({ file, key, message: "contains an HTML entity; write the character itself" });
  const unprintable = [...new Set(value)].filter((char) => !catalog.canPrint(char));
  for (const char of unprintable) {
    const cp = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    problems.push({ file, key, message: `contains "${char}" (${cp}), which the embedded fonts cannot print` });
  }
  return problems;
}

/** Dotted key → text, leaving out the provenance metadata (it differs by design between languages). */
function flatten(tree: LocaleTree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (METADATA_KEYS.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") result.set(path, value);
    else for (const [k, v] of flatten(value, path)) result.set(k, v);
  }
  return result;
}
