// Builds the document tree of every medicine × regimen × language × pregnancy-prevention category with
// a synthetic order, so a missing key, a template error or an unprintable character shows up in
// `validate` rather than at a nurse's desk.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { ConfigProblem } from "../catalog/configProblem.ts";
import type { IsoDate } from "../dates.ts";
import { LeafletError, MissingTranslationError } from "../errors.ts";
import { type Order, PPP_CATEGORIES } from "../order/orderTypes.ts";
import { buildLeafletDoc } from "../pipeline/generateDocuments.ts";
import { checkGlyphs } from "../render/checkGlyphs.ts";

export function dryRunTemplates(catalog: Catalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const brand = catalog.brands.keys().next().value ?? "default";
  for (const drug of catalog.drugs.values()) {
    const regimens = [...catalog.regimens.values()].filter((r) => r.drug === drug.id);
    const categories = drug.orderFields.pppCategory ? PPP_CATEGORIES : [undefined];
    for (const regimen of regimens) {
      for (const language of catalog.locales.keys()) {
        for (const pppCategory of categories) {
          const order: Order = {
            patientId: "VALIDATE",
            name: "Validation",
            drug: drug.id,
            regimen: regimen.id,
            startDate: "2026-12-01" as IsoDate,
            language,
            brand,
            contact: {},
            ...(drug.orderFields.doseMg && regimen.kind === "cycles"
              ? { doseMg: regimen.components[0]?.dose.allowed?.[0] ?? 1 }
              : {}),
            ...(drug.orderFields.cycles ? { cycles: 12 } : {}),
            ...(drug.orderFields.months ? { months: 24 } : {}),
            ...(pppCategory ? { pppCategory } : {}),
          };
          try {
            checkGlyphs(buildLeafletDoc(order, catalog));
          } catch (error) {
            const problem = toProblem(error, drug.id, `templates/${drug.documents.leaflet}`);
            const id = `${problem.file}|${problem.key}|${problem.message}`;
            if (!seen.has(id)) problems.push(problem);
            seen.add(id);
          }
        }
      }
    }
  }
  return problems;
}

function toProblem(error: unknown, drug: string, template: string): ConfigProblem {
  if (error instanceof MissingTranslationError) {
    const [ns, key] = error.key.includes(":") ? error.key.split(":", 2) : [drug, error.key];
    return {
      file: `locales/${error.language}/${ns}.json`,
      key: key ?? error.key,
      message: "missing (needed by a template)",
    };
  }
  if (error instanceof LeafletError) return { file: template, key: "", message: error.message };
  return { file: template, key: "", message: (error as Error).message };
}
