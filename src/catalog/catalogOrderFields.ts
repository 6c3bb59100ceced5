// Every medicine-declared order field of a catalog, once: a field two medicines declare (e.g. cycles)
// must mean the same in both, so an order's field is checked the same way whichever medicine it names.

import type { ConfigProblem } from "../core/configProblem.ts";
import type { Catalog } from "./catalogTypes.ts";
import type { Drug } from "./loadDrug.ts";
import type { OrderFieldDeclaration } from "./orderFieldDeclarations.ts";

const cache = new WeakMap<Map<string, Drug>, Map<string, OrderFieldDeclaration>>();

/** Field name → its declaration (the first medicine's, in catalog order), in the order first declared. */
export function declaredOrderFields(catalog: Pick<Catalog, "drugs">): Map<string, OrderFieldDeclaration> {
  let fields = cache.get(catalog.drugs);
  if (!fields) {
    fields = new Map();
    for (const drug of catalog.drugs.values()) {
      for (const [name, field] of Object.entries(drug.orderFields)) if (!fields.has(name)) fields.set(name, field);
    }
    cache.set(catalog.drugs, fields);
  }
  return fields;
}

/** The medicines that declare this field. */
export function drugsUsing(catalog: Pick<Catalog, "drugs">, field: string): Drug[] {
  return [...catalog.drugs.values()].filter((d) => d.orderFields[field] !== undefined);
}

/** A field declared by two medicines with another type, range or values. */
export function declarationConflicts(drugs: Map<string, Drug>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const first = new Map<string, { drug: string; shape: string }>();
  for (const drug of drugs.values()) {
    for (const [name, field] of Object.entries(drug.orderFields)) {
      const shape = checkedShape(field);
      const earlier = first.get(name);
      if (!earlier) first.set(name, { drug: drug.id, shape });
      else if (earlier.shape !== shape) {
        problems.push({
          file: `templates/drugs/${drug.id}.yaml`,
          key: `orderFields.${name}`,
          message: `declares "${name}" differently from templates/drugs/${earlier.drug}.yaml; a field name means one thing in every order (choose another name)`,
        });
      }
    }
  }
  return problems;
}

/** What decides how a field's value is checked (not its use, label or help, which may differ). */
function checkedShape(field: OrderFieldDeclaration): string {
  switch (field.type) {
    case "dose":
      return JSON.stringify([field.type, field.unitName, field.example]);
    case "count":
      return JSON.stringify([field.type, field.of, field.max]);
    case "choice":
      return JSON.stringify([field.type, field.values]);
  }
}
