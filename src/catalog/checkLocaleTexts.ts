// Locale text checks, for every language and every file:
// - the same keys everywhere, with each language's own plural forms (Polish few/many, Arabic six forms);
// - no empty strings, no markup or HTML entities left in plain text, only characters the fonts print;
// - a translated file against the file it was translated from: the same {{placeholders}}, and every
//   number and unit of the original present in the translation.

import type { ConfigProblem } from "../core/configProblem.ts";
import type { Catalog } from "./catalogTypes.ts";
import type { LocaleBundle, LocaleTree } from "./loadLocales.ts";

const METADATA_KEYS = new Set(["_meta", "_provenance"]);
const PLURAL = /_(zero|one|two|few|many|other)$/;
const UNITS = ["mg/m²", "PFU/mL", "mg", "mL", "%"];

export function checkLocaleTexts(catalog: Catalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const bundles = [...catalog.locales.values()];
  const namespaces = new Set(bundles.flatMap((b) => Object.keys(b.namespaces)));
  for (const ns of namespaces) {
    const texts = new Map(bundles.map((b) => [b.language, flatten(b.namespaces[ns] ?? {})]));
    const allBaseKeys = new Set([...texts.values()].flatMap((m) => [...m.keys()].map(baseKey)));
    const pluralBaseKeys = new Set(
      [...texts.values()].flatMap((m) => [...m.keys()].filter((k) => PLURAL.test(k)).map(baseKey)),
    );
    for (const bundle of bundles) {
      const file = `locales/${bundle.language}/${ns}.json`;
      const own = texts.get(bundle.language) ?? new Map<string, string>();
      problems.push(...checkKeys(file, bundle, own, allBaseKeys, pluralBaseKeys, texts));
      for (const [key, value] of own) problems.push(...checkText(file, key, value, catalog));
      const from = translatedFrom(bundle, ns);
      const original = from ? texts.get(from) : undefined;
      if (from && original) problems.push(...checkAgainstOriginal(file, from, own, original));
    }
  }
  return problems;
}

/** Every key any language has, in this language too; plural keys in exactly this language's plural forms. */
function checkKeys(
  file: string,
  bundle: LocaleBundle,
  own: Map<string, string>,
  allBaseKeys: Set<string>,
  pluralBaseKeys: Set<string>,
  texts: Map<string, Map<string, string>>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const categories = new Intl.PluralRules(bundle.meta.intlLocale).resolvedOptions().pluralCategories as string[];
  for (const base of allBaseKeys) {
    if (pluralBaseKeys.has(base)) {
      for (const category of categories) {
        if (!own.has(`${base}_${category}`)) {
          problems.push({
            file,
            key: `${base}_${category}`,
            message: `missing: ${bundle.meta.name} needs the plural forms ${categories.join(", ")}`,
          });
        }
      }
      for (const key of own.keys()) {
        const category = PLURAL.exec(key)?.[1];
        if (baseKey(key) === base && category && !categories.includes(category)) {
          problems.push({
            file,
            key,
            message: `extra: ${bundle.meta.name} has no plural form "${category}" (it has ${categories.join(", ")})`,
          });
        }
      }
    } else if (!own.has(base)) {
      const has = [...texts].filter(([, k]) => k.has(base)).map(([language]) => language);
      problems.push({ file, key: base, message: `missing (present in ${has.join(", ")})` });
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
  if (/\\[nt"u]/.test(value))
    problems.push({ file, key, message: "contains an escape sequence (\\n, \\u…); write the character itself" });
  for (const char of new Set(value)) {
    if (!catalog.canPrint(char)) {
      const cp = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
      problems.push({ file, key, message: `contains "${char}" (${cp}), which the embedded fonts cannot print` });
    }
  }
  return problems;
}

/** A translation keeps the original's placeholders, numbers and units (and has no keys the original lacks). */
function checkAgainstOriginal(
  file: string,
  from: string,
  own: Map<string, string>,
  original: Map<string, string>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const originalBases = new Set([...original.keys()].map(baseKey));
  for (const [key, value] of own) {
    const base = baseKey(key);
    if (!originalBases.has(base)) {
      problems.push({ file, key, message: `extra: not in the ${from} file it was translated from` });
      continue;
    }
    const source = original.get(key) ?? original.get(`${base}_other`) ?? original.get(base);
    if (source === undefined) continue;
    const [wanted, got] = [placeholders(source), placeholders(value)];
    const missing = [...wanted].filter((p) => !got.has(p));
    const extra = [...got].filter((p) => !wanted.has(p));
    if (missing.length || extra.length) {
      problems.push({
        file,
        key,
        message: `placeholders differ from ${from}:${missing.length ? ` missing ${missing.map((p) => `{{${p}}}`).join(", ")}` : ""}${extra.length ? ` unknown ${extra.map((p) => `{{${p}}}`).join(", ")}` : ""}`,
      });
    }
    // Each number as often as in the original (a changed "4 weeks … 8 weeks" must not pass), and none it lacks.
    const [wantedNumbers, gotNumbers] = [numbers(source), numbers(value)];
    for (const [number, count] of wantedNumbers) {
      const found = gotNumbers.get(number) ?? 0;
      if (found < count) {
        problems.push({
          file,
          key,
          message: `the number ${number} of the ${from} text is missing${count > 1 ? ` (it appears ${count} times there, ${found} here)` : ""}`,
        });
      }
    }
    for (const number of gotNumbers.keys()) {
      if (!wantedNumbers.has(number))
        problems.push({ file, key, message: `the number ${number} is not in the ${from} text` });
    }
    for (const unit of UNITS) {
      if (withoutPlaceholders(source).includes(unit) && !withoutPlaceholders(value).includes(unit)) {
        problems.push({ file, key, message: `the unit "${unit}" of the ${from} text is missing` });
      }
    }
  }
  return problems;
}

function translatedFrom(bundle: LocaleBundle, ns: string): string | undefined {
  if (ns === "common") return bundle.meta.translation?.from;
  return bundle.drugMeta[ns]?.translation?.from;
}

function baseKey(key: string): string {
  return key.replace(PLURAL, "");
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] as string));
}

function withoutPlaceholders(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, "");
}

/** Numbers as written (1.3 and 1,3 count as the same) and superscript powers such as ⁶, with how often each appears. */
function numbers(text: string): Map<string, number> {
  const plain = withoutPlaceholders(text);
  const digits = [...plain.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => m[0].replace(",", "."));
  const powers = [...plain.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)].map((m) => m[0]);
  const counts = new Map<string, number>();
  for (const number of [...digits, ...powers]) counts.set(number, (counts.get(number) ?? 0) + 1);
  return counts;
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
