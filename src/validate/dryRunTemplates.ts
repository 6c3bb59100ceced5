// Builds the document trees of every medicine × regimen × language × value of its choice fields (e.g. the
// pregnancy prevention programme's categories) with
// a synthetic order, and renders every card, so a missing key, a template error, an unprintable
// character or card text that does not fit shows up in `validate` rather than at a nurse's desk.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { Drug } from "../catalog/loadDrug.ts";
import type { ConfigProblem } from "../core/configProblem.ts";
import type { IsoDate } from "../core/dates.ts";
import { CardOverflowError, LeafletError, MissingTranslationError, TemplateError } from "../core/errors.ts";
import type { LeafletDoc } from "../document/documentTypes.ts";
import type { Order } from "../order/orderTypes.ts";
import { buildLeafletDoc, generateDocuments } from "../pipeline/generateDocuments.ts";
import type { Regimen } from "../regimen/regimenTypes.ts";
import { checkGlyphs } from "../render/text/checkGlyphs.ts";

export async function dryRunTemplates(catalog: Catalog): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const brand = catalog.brands.keys().next().value ?? "default";
  for (const drug of catalog.drugs.values()) {
    const regimens = [...catalog.regimens.values()].filter((r) => r.drug === drug.id);
    const choices = choiceCombinations(drug);
    for (const regimen of regimens) {
      for (const language of catalog.locales.keys()) {
        for (const chosen of choices) {
          const order: Order = {
            patientId: "VALIDATE",
            name: "Validation",
            drug: drug.id,
            regimen: regimen.id,
            startDate: "2026-12-01" as IsoDate,
            language,
            brand,
            contact: {},
            ...largestValues(drug, regimen),
            ...chosen,
          };
          const report = (error: unknown, template: string) => {
            const problem = toProblem(error, drug.id, `templates/${template}`, language);
            const id = `${problem.file}|${problem.key}|${problem.message}`;
            if (!seen.has(id)) problems.push(problem);
            seen.add(id);
          };
          try {
            const doc = buildLeafletDoc(order, catalog);
            checkGlyphs(doc);
            const leaks = patientDependentSharedSections(doc, buildLeafletDoc(otherPatient(order, drug), catalog));
            for (const id of leaks) {
              report(
                new TemplateError(
                  `section "${id}" is marked shared="true" but differs between patients: it would be laid out again for every order (move what depends on the patient into a section that is not shared)`,
                ),
                drug.documents.leaflet,
              );
            }
          } catch (error) {
            report(error, drug.documents.leaflet);
          }
          if (drug.documents.card && regimen === regimens[0]) {
            try {
              await generateDocuments(order, catalog, { kinds: ["card"] });
            } catch (error) {
              report(error, drug.documents.card);
            }
          }
        }
      }
    }
  }
  return problems;
}

/** Every combination of the values of the medicine's choice fields ([{}] when it has none). */
function choiceCombinations(drug: Drug): Record<string, string>[] {
  let combinations: Record<string, string>[] = [{}];
  for (const [field, declared] of Object.entries(drug.orderFields)) {
    if (declared.type !== "choice") continue;
    combinations = combinations.flatMap((c) => declared.values.map((value) => ({ ...c, [field]: value })));
  }
  return combinations;
}

/** The longest documents: each count at its maximum, each dose at the regimen's first strength. */
function largestValues(drug: Drug, regimen: Regimen): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [field, declared] of Object.entries(drug.orderFields)) {
    if (declared.type === "count") values[field] = declared.max;
    if (declared.type === "dose" && regimen.kind === "cycles") {
      values[field] = regimen.components.find((c) => c.dose.fromOrder === field)?.dose.allowed?.[0] ?? 1;
    }
  }
  return values;
}

/** The same order for someone else: another name, id, start date and counts (cycles 1, months at their default). */
function otherPatient(order: Order, drug: Drug): Order {
  const counts: Record<string, number> = {};
  for (const [field, declared] of Object.entries(drug.orderFields)) {
    if (declared.type === "count" && order[field] !== undefined) counts[field] = declared.default ?? 1;
  }
  return {
    ...order,
    patientId: "VALIDATE-2",
    name: "Second Validation",
    startDate: "2027-03-15" as IsoDate,
    ...counts,
  };
}

/** Sections marked shared whose content is not the same for both patients (same order of sections). */
function patientDependentSharedSections(a: LeafletDoc, b: LeafletDoc): string[] {
  const shared = (doc: LeafletDoc) =>
    new Map(doc.body.flatMap((block) => (block.type === "section" && block.shared ? [[block.id, block]] : [])));
  const other = shared(b);
  return [...shared(a)].flatMap(([id, section]) =>
    JSON.stringify(section) === JSON.stringify(other.get(id)) ? [] : [id],
  );
}

function toProblem(error: unknown, drug: string, template: string, language: string): ConfigProblem {
  if (error instanceof MissingTranslationError) {
    const [ns, key] = error.key.includes(":") ? error.key.split(":", 2) : [drug, error.key];
    return {
      file: `locales/${error.language}/${ns}.json`,
      key: key ?? error.key,
      message: "missing (needed by a template)",
    };
  }
  if (error instanceof CardOverflowError) {
    return { file: `locales/${language}/${drug}.json`, key: "sections.card", message: error.message };
  }
  if (error instanceof LeafletError) return { file: template, key: "", message: error.message };
  return { file: template, key: "", message: (error as Error).message };
}
