// The texts a drug file names for its order fields in the project's locale files ("ns:key" labels and help
// texts, shown on the nurses' page): every language must hold them, or the page would show a bare key.
// Keys without a namespace are the page's own texts (web/src/i18n); names of values and the `personal`
// label print on the leaflet and are checked by the dry run.
import type { Catalog } from "../catalog/catalogTypes.ts";
import { lookUpText } from "../content/lookUpText.ts";
import type { ConfigProblem } from "../core/configProblem.ts";

export function checkFieldTexts(catalog: Catalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const drug of catalog.drugs.values()) {
    for (const [field, declared] of Object.entries(drug.orderFields)) {
      for (const [what, key] of [
        ["label", declared.label],
        ["help", declared.help],
      ] as const) {
        if (key === undefined || !key.includes(":")) continue;
        const [namespace, path] = key.split(":", 2) as [string, string];
        for (const bundle of catalog.locales.values()) {
          if (lookUpText(bundle, drug.id, key) !== undefined) continue;
          problems.push({
            file: `locales/${bundle.language}/${namespace}.json`,
            key: path,
            message: `missing: the ${what} of the order field ${field} (templates/drugs/${drug.id}.yaml)`,
          });
        }
      }
    }
  }
  return problems;
}
