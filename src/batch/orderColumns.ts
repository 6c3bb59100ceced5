// The columns a batch's CSV header may name: every order field of the catalog (the medicines' own fields
// from their drug files included), with contact's written "contact.nurseLine"; and which hold numbers.
import { join } from "node:path";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { loadDrugs, PROJECT_ROOT } from "../catalog/loadCatalog.ts";
import { fieldSchemas } from "../order/fieldSchemas.ts";
import { orderFieldSchemas } from "../order/orderFieldSchemas.ts";

export interface OrderColumns {
  names: string[];
  /** Columns whose text becomes a number when it is written as one. */
  numeric: Set<string>;
}

export function orderColumns(catalog: Pick<Catalog, "drugs">): OrderColumns {
  const { schemas, numeric } = orderFieldSchemas(catalog);
  const names = [...schemas.keys()].flatMap((field) =>
    field === "contact" ? Object.keys(fieldSchemas.contact.shape).map((key) => `contact.${key}`) : [field],
  );
  return { names, numeric };
}

let shipped: OrderColumns | undefined;

/** The columns for the medicines this installation ships (templates/drugs/ alone is read, once). */
export function shippedOrderColumns(): OrderColumns {
  shipped ??= orderColumns(loadDrugs(join(PROJECT_ROOT, "templates")));
  return shipped;
}
