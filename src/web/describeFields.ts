// The order fields each medicine declares, described for the nurses' page (CatalogField), and the texts of
// their label, help and value-name keys as the project's locale files hold them, per language. The page
// prefers its own texts for a key; a project's own medicine brings its texts in its locale files.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { Drug } from "../catalog/loadDrug.ts";
import type { LocaleBundle } from "../catalog/loadLocales.ts";
import { lookUpText } from "../content/lookUpText.ts";
import type { CatalogField } from "./apiTypes.ts";

export function describeFields(drug: Drug): CatalogField[] {
  return Object.entries(drug.orderFields).map(([name, field]) => ({
    name,
    use: field.use,
    type: field.type,
    label: field.label,
    ...(field.help ? { help: field.help } : {}),
    ...(field.type === "count" ? { max: field.max } : {}),
    ...(field.type === "count" && field.default !== undefined ? { default: field.default } : {}),
    ...(field.type === "choice"
      ? { values: field.values.map((value) => ({ value, name: `${field.valueNames}.${value}` })) }
      : {}),
  }));
}

/** Text key → text in this language, for every declared field's keys that the project's locale files hold. */
export function fieldTexts(catalog: Catalog, bundle: LocaleBundle): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const drug of catalog.drugs.values()) {
    for (const field of describeFields(drug)) {
      const keys = [field.label, field.help, ...(field.values ?? []).map((v) => v.name)];
      for (const key of keys) {
        const text = key === undefined ? undefined : lookUpText(bundle, drug.id, key);
        if (key !== undefined && text !== undefined) texts[key] = text;
      }
    }
  }
  return texts;
}
