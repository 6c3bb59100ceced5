// What a pharmacist reviews: a "section". A medicine's file (locales/<lang>/<drug>.json) has one section per
// entry under `sections` (the groups the leaflet prints, e.g. `ppp`) and one per other top-level key (e.g.
// `document`, the leaflet's title); common.json (headings, calendar, contacts: shared by every medicine) is
// one section, `common`. A section's strings are its dotted keys and texts, without `_meta`/`_provenance`.
import type { LocaleBundle, LocaleTree } from "../catalog/loadLocales.ts";

export const COMMON_SECTION = "common";

export interface SectionRef {
  /** "common" or the medicine's id: which file the section lives in. */
  namespace: string;
  section: string;
}

export interface SectionText extends SectionRef {
  /** Dotted key (from the file's top, e.g. "sections.ppp.title") → text. */
  strings: Map<string, string>;
  /** Where the section sits in its file: "" (common: the whole file), "sections.ppp", "document". */
  keyPrefix: string;
  /** "source": the source's own wording (or our own writing in the source's language); "translation": translated here. */
  wording: "source" | "translation";
}

const METADATA_KEYS = new Set(["_meta", "_provenance"]);

/** The sections a medicine's leaflet in this language is made of: common first, then the medicine's file in order. */
export function sectionsOf(bundle: LocaleBundle, drug: string): SectionText[] {
  const common = sectionText(bundle, { namespace: "common", section: COMMON_SECTION });
  const tree = bundle.namespaces[drug];
  if (!tree) return common ? [common] : [];
  const refs: SectionRef[] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (METADATA_KEYS.has(key)) continue;
    if (key === "sections" && typeof value === "object") {
      for (const id of Object.keys(value)) refs.push({ namespace: drug, section: id });
    } else refs.push({ namespace: drug, section: key });
  }
  return [...(common ? [common] : []), ...refs.flatMap((ref) => sectionText(bundle, ref) ?? [])];
}

/** The names a medicine's sections go by (for listing the known ones). */
export function sectionIds(bundle: LocaleBundle, drug: string): string[] {
  return sectionsOf(bundle, drug).map((s) => s.section);
}

/** One section's strings and wording, or undefined when the language has no such section. */
export function sectionText(bundle: LocaleBundle, ref: SectionRef): SectionText | undefined {
  const tree = bundle.namespaces[ref.namespace];
  if (!tree) return undefined;
  const fileTranslated = translatedFrom(bundle, ref.namespace) !== undefined;
  if (ref.namespace === "common") {
    return { ...ref, keyPrefix: "", strings: flatten(tree), wording: fileTranslated ? "translation" : "source" };
  }
  const sections = tree.sections;
  if (typeof sections === "object" && typeof sections[ref.section] === "object") {
    const node = sections[ref.section] as LocaleTree;
    const provenance = node._provenance as unknown as { wording?: string; sources?: string[] } | undefined;
    // A paraphrase of a source in another language (the Dutch text of the English package leaflet) was
    // translated here too, and needs a pharmacist's check like any translation.
    const meta = tree._meta as unknown as { sources?: Record<string, { language?: string }> } | undefined;
    const foreignParaphrase =
      provenance?.wording === "paraphrase" &&
      (provenance.sources ?? []).some((id) => {
        const language = meta?.sources?.[id]?.language;
        return language !== undefined && language !== bundle.language;
      });
    const wording =
      fileTranslated || provenance?.wording === "translation" || foreignParaphrase ? "translation" : "source";
    const keyPrefix = `sections.${ref.section}`;
    return { ...ref, keyPrefix, strings: flatten(node, keyPrefix), wording };
  }
  const value = tree[ref.section];
  if (value === undefined || ref.section === "sections" || METADATA_KEYS.has(ref.section)) return undefined;
  const strings = typeof value === "string" ? new Map([[ref.section, value]]) : flatten(value, ref.section);
  return { ...ref, keyPrefix: ref.section, strings, wording: fileTranslated ? "translation" : "source" };
}

/** The language a translated file was made from (e.g. "en"), or undefined for a file written from the sources. */
export function translatedFrom(bundle: LocaleBundle, namespace: string): string | undefined {
  return namespace === "common" ? bundle.meta.translation?.from : bundle.drugMeta[namespace]?.translation?.from;
}

/** The locale file a section lives in, as `validate` names files. */
export function sectionFile(language: string, ref: SectionRef): string {
  return `locales/${language}/${ref.namespace}.json`;
}

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
