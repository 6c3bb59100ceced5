// The order form's values (as typed) and the order sent to the server. Only fields the chosen medicine
// uses are sent; empty fields are left out so the server says "is required" rather than guessing. The
// brand's numbers are sent as contact overrides only when the nurse changed them.
import type { CatalogResponse } from "../api.ts";

export interface FormValues {
  drug: string;
  regimen: string;
  patientId: string;
  name: string;
  dateOfBirth: string;
  startDate: string;
  doseMg: string;
  cycles: string;
  months: string;
  pppCategory: string;
  language: string;
  secondLanguage: string;
  largePrint: boolean;
  paper: string;
  /** The card: "id1" (one card a page, for card printers) or "sheet" (on the paper size, for office printers). */
  cardFormat: string;
  /** Double-sided printing: a blank back page after a leaflet with an odd page count. */
  duplex: boolean;
  brand: string;
  nurseLine: string;
  emergency: string;
}

/** Date inputs whose text is not a date (2026-02-30): the browser gives an empty value and says only that. */
export type DateField = "startDate" | "dateOfBirth";
export type BadDates = Partial<Record<DateField, boolean>>;

export type Catalog = CatalogResponse;
export type CatalogDrug = Catalog["drugs"][number];

export function initialValues(catalog: Catalog, uiLanguage: string): FormValues {
  const drug = catalog.drugs[0];
  const brand = catalog.brands.find((b) => b.id === catalog.defaultBrand) ?? catalog.brands[0];
  const printable = catalog.languages.filter((l) => l.printable).map((l) => l.code);
  return {
    drug: drug?.id ?? "",
    regimen: drug?.regimens[0]?.id ?? "",
    patientId: "",
    name: "",
    dateOfBirth: "",
    startDate: "",
    doseMg: "",
    cycles: "",
    months: drug?.defaults.months === undefined ? "" : String(drug.defaults.months),
    pppCategory: "",
    language: printable.includes(uiLanguage) ? uiLanguage : (printable[0] ?? ""),
    secondLanguage: "",
    largePrint: false,
    paper: catalog.paperSizes[0] ?? "A4",
    cardFormat: "id1",
    duplex: false,
    brand: brand?.id ?? "",
    nurseLine: brand?.phones.nurseLine ?? "",
    emergency: brand?.phones.emergency ?? "",
  };
}

/** The values after choosing another medicine: its first regimen, its default months, no dose carried over. */
export function withDrug(values: FormValues, catalog: Catalog, drugId: string): FormValues {
  const drug = catalog.drugs.find((d) => d.id === drugId);
  return {
    ...values,
    drug: drugId,
    regimen: drug?.regimens[0]?.id ?? "",
    doseMg: "",
    months: drug?.defaults.months === undefined ? values.months : String(drug.defaults.months),
  };
}

/** The values after choosing another brand: its numbers replace the ones shown. */
export function withBrand(values: FormValues, catalog: Catalog, brandId: string): FormValues {
  const brand = catalog.brands.find((b) => b.id === brandId);
  return {
    ...values,
    brand: brandId,
    nurseLine: brand?.phones.nurseLine ?? "",
    emergency: brand?.phones.emergency ?? "",
  };
}

export function drugOf(catalog: Catalog, values: FormValues): CatalogDrug | undefined {
  return catalog.drugs.find((d) => d.id === values.drug);
}

/** Whether the form shows this order field (a medicine-specific one only when the medicine uses it). */
export function uses(catalog: Catalog, values: FormValues, field: string): boolean {
  if (!catalog.orderFields.includes(field)) return false;
  if (["doseMg", "cycles", "months", "pppCategory"].includes(field)) {
    return drugOf(catalog, values)?.orderFields[field] !== undefined;
  }
  return true;
}

/** The order as JSON for /api/validate and /api/render. */
export function toOrder(catalog: Catalog, values: FormValues): Record<string, unknown> {
  const order: Record<string, unknown> = {};
  const text = (field: keyof FormValues & string, value = values[field]) => {
    if (typeof value === "string" && value !== "") order[field] = value;
  };
  const number = (field: "doseMg" | "cycles" | "months") => {
    const value = values[field].trim();
    if (value === "") return;
    order[field] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  };
  text("patientId");
  text("name");
  text("drug");
  text("regimen");
  if (uses(catalog, values, "doseMg")) number("doseMg");
  text("startDate");
  if (uses(catalog, values, "cycles")) number("cycles");
  if (uses(catalog, values, "months")) number("months");
  if (uses(catalog, values, "pppCategory")) text("pppCategory");
  text("language");
  if (uses(catalog, values, "secondLanguage")) text("secondLanguage");
  text("dateOfBirth");
  text("brand");
  if (uses(catalog, values, "largePrint") && values.largePrint) order.largePrint = true;
  const brand = catalog.brands.find((b) => b.id === values.brand);
  const contact: Record<string, string> = {};
  if (values.nurseLine.trim() !== "" && values.nurseLine !== brand?.phones.nurseLine)
    contact.nurseLine = values.nurseLine;
  if (values.emergency.trim() !== "" && values.emergency !== brand?.phones.emergency)
    contact.emergency = values.emergency;
  if (Object.keys(contact).length > 0) order.contact = contact;
  return order;
}
