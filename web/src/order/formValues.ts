// The order form's values (as typed) and the order sent to the server. Only fields the chosen medicine
// uses are sent (its own fields as its drug file declares them: catalog.drugs[].fields); empty fields are
// left out so the server says "is required" rather than guessing. The brand's numbers are sent
// as contact overrides only when the nurse changed them.
import type { CatalogResponse } from "../api.ts";

export interface FormValues {
  drug: string;
  regimen: string;
  patientId: string;
  name: string;
  dateOfBirth: string;
  startDate: string;
  /** The medicine's own fields (e.g. doseMg, cycles, pppCategory), as typed, by field name. */
  fields: Record<string, string>;
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
export type CatalogField = CatalogDrug["fields"][number];

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
    fields: drugFieldValues(drug, {}),
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

/** The values after choosing another medicine: its first regimen, its fields' defaults, no dose carried over. */
export function withDrug(values: FormValues, catalog: Catalog, drugId: string): FormValues {
  const drug = catalog.drugs.find((d) => d.id === drugId);
  return {
    ...values,
    drug: drugId,
    regimen: drug?.regimens[0]?.id ?? "",
    fields: { ...values.fields, ...drugFieldValues(drug, values.fields) },
  };
}

/** A medicine's fields as the form starts them: a default where it has one, a dose empty, else as they were. */
function drugFieldValues(drug: CatalogDrug | undefined, previous: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of drug?.fields ?? []) {
    values[field.name] =
      field.default !== undefined ? String(field.default) : field.type === "dose" ? "" : (previous[field.name] ?? "");
  }
  return values;
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

/** Whether the server knows this order field of every order (e.g. secondLanguage, largePrint). */
export function uses(catalog: Catalog, field: string): boolean {
  return catalog.orderFields.includes(field);
}

/** The order as JSON for /api/validate and /api/render. */
export function toOrder(catalog: Catalog, values: FormValues): Record<string, unknown> {
  const order: Record<string, unknown> = {};
  const text = (field: keyof FormValues & string, value = values[field]) => {
    if (typeof value === "string" && value !== "") order[field] = value;
  };
  text("patientId");
  text("name");
  text("drug");
  text("regimen");
  text("startDate");
  // The medicine's own fields: a dose or count as a number when it is written as one, a choice as text.
  for (const field of drugOf(catalog, values)?.fields ?? []) {
    const value = (values.fields[field.name] ?? "").trim();
    if (value === "") continue;
    order[field.name] = field.type !== "choice" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  text("language");
  if (uses(catalog, "secondLanguage")) text("secondLanguage");
  text("dateOfBirth");
  text("brand");
  if (uses(catalog, "largePrint") && values.largePrint) order.largePrint = true;
  const brand = catalog.brands.find((b) => b.id === values.brand);
  const contact: Record<string, string> = {};
  if (values.nurseLine.trim() !== "" && values.nurseLine !== brand?.phones.nurseLine)
    contact.nurseLine = values.nurseLine;
  if (values.emergency.trim() !== "" && values.emergency !== brand?.phones.emergency)
    contact.emergency = values.emergency;
  if (Object.keys(contact).length > 0) order.contact = contact;
  return order;
}
