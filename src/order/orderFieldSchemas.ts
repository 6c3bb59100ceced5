// The schema of every field an order of this catalog may have: every order's own (fieldSchemas.ts) and,
// after `regimen`, each field a medicine declares in its drug file. Field order is the order of messages,
// of the CSV's known columns and of the web page's column list.
import type { z } from "zod";
import { declaredOrderFields } from "../catalog/catalogOrderFields.ts";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { declaredFieldSchema, isNumericField } from "./declaredFieldSchema.ts";
import { fieldSchemas } from "./fieldSchemas.ts";

export interface OrderFieldSchemas {
  /** Field name → its schema, in order. */
  schemas: Map<string, z.ZodType>;
  /** Fields whose value is a number (a CSV cell written as one becomes one). */
  numeric: Set<string>;
}

const cache = new WeakMap<object, OrderFieldSchemas>();

export function orderFieldSchemas(catalog: Pick<Catalog, "drugs">): OrderFieldSchemas {
  const hit = cache.get(catalog.drugs);
  if (hit) return hit;
  const schemas = new Map<string, z.ZodType>();
  const numeric = new Set<string>();
  for (const [name, schema] of Object.entries(fieldSchemas)) {
    schemas.set(name, schema);
    if (name !== "regimen") continue;
    for (const [declared, field] of declaredOrderFields(catalog)) {
      schemas.set(declared, declaredFieldSchema(field));
      if (isNumericField(field)) numeric.add(declared);
    }
  }
  const result = { schemas, numeric };
  cache.set(catalog.drugs, result);
  return result;
}

/** Every field name an order may have, in order (contact as one field). */
export function orderFieldNames(catalog: Pick<Catalog, "drugs">): string[] {
  return [...orderFieldSchemas(catalog).schemas.keys()];
}
