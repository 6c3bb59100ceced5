// What the page's form needs to know, taken from the catalog the command line uses: medicines with the
// fields they need, their regimens and allowed doses, printable languages, brands with their numbers, and
// the limits. Computed once when the server starts.

import { declaredOrderFields } from "../catalog/catalogOrderFields.ts";
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { LocaleBundle, LocaleTree } from "../catalog/loadLocales.ts";
import { isPrintable } from "../catalog/printableLanguages.ts";
import { lookUpText } from "../content/lookUpText.ts";
import { MAX_NAME_LENGTH, REQUIRED_FIELDS } from "../order/fieldSchemas.ts";
import { orderFieldNames } from "../order/orderFieldSchemas.ts";
import { PAPER_SIZES } from "../order/orderTypes.ts";
import { DEFAULT_BRAND, validateOrder } from "../order/validateOrder.ts";
import type { CatalogLabels, CatalogRegimen, CatalogResponse } from "./apiTypes.ts";
import { describeFields, fieldTexts } from "./describeFields.ts";
import { CSV_LIMIT_BYTES, ORDER_LIMIT_BYTES } from "./readBody.ts";

export function describeCatalog(catalog: Catalog): CatalogResponse {
  const regimens = [...catalog.regimens.values()];
  const declared = declaredOrderFields(catalog);
  // The earlier API's limits and category list, now read from the drug files' declarations.
  const maxOf = (field: string) => {
    const found = declared.get(field);
    return found?.type === "count" ? found.max : 0;
  };
  const programmes = [...catalog.drugs.values()].flatMap((d) => d.programme?.categories ?? []);
  return {
    drugs: [...catalog.drugs.values()].map((drug) => ({
      id: drug.id,
      brandName: drug.brandName,
      orderFields: Object.fromEntries(Object.entries(drug.orderFields).map(([name, f]) => [name, f.use])),
      defaults: Object.fromEntries(
        Object.entries(drug.orderFields).flatMap(([name, f]) =>
          f.type === "count" && f.default !== undefined ? [[name, f.default]] : [],
        ),
      ),
      fields: describeFields(drug),
      regimens: regimens.filter((r) => r.drug === drug.id).map(describeRegimen),
      documents: drug.documents.card ? ["leaflet", "card"] : ["leaflet"],
    })),
    languages: [...catalog.locales.values()].map((bundle) => ({
      code: bundle.language,
      name: bundle.meta.name,
      printable: isPrintable(bundle),
    })),
    brands: [...catalog.brands.values()].map((brand) => ({
      id: brand.id,
      name: brand.name,
      phones: { ...brand.phones },
    })),
    defaultBrand: DEFAULT_BRAND,
    pppCategories: [...new Set(programmes)],
    paperSizes: [...PAPER_SIZES],
    orderFields: orderFieldNames(catalog),
    requiredFields: [...REQUIRED_FIELDS],
    limits: {
      maxCycles: maxOf("cycles"),
      maxMonths: maxOf("months"),
      maxNameLength: MAX_NAME_LENGTH,
      orderBytes: ORDER_LIMIT_BYTES,
      csvBytes: CSV_LIMIT_BYTES,
    },
    labels: Object.fromEntries(
      [...catalog.locales.values()].map((bundle) => [
        bundle.language,
        {
          regimens: regimenNames(bundle.namespaces.common),
          ppp: programmeCategoryNames(catalog, bundle),
          texts: fieldTexts(catalog, bundle),
        },
      ]),
    ),
    messages: { dateNotOnCalendar: notOnCalendarMessage(catalog) },
  };
}

function describeRegimen(regimen: Catalog["regimens"] extends Map<string, infer R> ? R : never): CatalogRegimen {
  if (regimen.kind === "visits")
    return { id: regimen.id, plan: { kind: "visits", everyDays: regimen.repeat.everyDays } };
  const fromOrder = regimen.components.find((c) => c.dose.fromOrder !== undefined);
  return {
    id: regimen.id,
    plan: { kind: "cycles", cycleDays: regimen.cycleDays },
    ...(fromOrder?.dose.allowed ? { doses: { unit: fromOrder.dose.unit, allowed: [...fromOrder.dose.allowed] } } : {}),
  };
}

/** Regimen names as the project's locale files word them (common.json). */
function regimenNames(common: LocaleTree | undefined): CatalogLabels["regimens"] {
  const names: CatalogLabels["regimens"] = {};
  const regimens = common?.regimens;
  if (regimens && typeof regimens === "object") {
    for (const [id, entry] of Object.entries(regimens)) {
      if (typeof entry === "object" && typeof entry.name === "string") names[id] = entry.name;
    }
  }
  return names;
}

/** Each programme category's name (the drug file's `programme.categoryNames`, e.g. common:ppp.man). */
function programmeCategoryNames(catalog: Catalog, bundle: LocaleBundle): CatalogLabels["ppp"] {
  const names: CatalogLabels["ppp"] = {};
  for (const drug of catalog.drugs.values()) {
    for (const category of drug.programme?.categories ?? []) {
      const name = lookUpText(bundle, drug.id, `${drug.programme?.categoryNames}.${category}`);
      if (name !== undefined) names[category] = name;
    }
  }
  return names;
}

/**
 * A date input that holds no real date (2026-02-30 typed into it) gives the page an empty value, so the
 * server never sees it. The page shows the validator's own message for it, asked of the validator here.
 */
function notOnCalendarMessage(catalog: Catalog): string {
  const result = validateOrder({ startDate: "2026-02-30" }, catalog);
  const problem = result.ok ? undefined : result.problems.find((p) => p.field === "startDate");
  return problem?.message ?? "is not a date on the calendar";
}
