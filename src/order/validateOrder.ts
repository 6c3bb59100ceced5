// Order validation: every field on its own (every order's own fields and those the medicines declare:
// orderFieldSchemas), then the rules that need the catalog or other fields. Returns every problem at once,
// each naming its field; nothing is printed on refusal.
import { declaredOrderFields, drugsUsing } from "../catalog/catalogOrderFields.ts";
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { OrderFieldDeclaration } from "../catalog/orderFieldDeclarations.ts";
import { isPrintable } from "../catalog/printableLanguages.ts";
import { ageInYears, type IsoDate } from "../core/dates.ts";
import { describeCharacters } from "../core/describeCharacters.ts";
import type { FieldProblem } from "../core/errors.ts";
import { REQUIRED_FIELDS } from "./fieldSchemas.ts";
import { orderFieldSchemas } from "./orderFieldSchemas.ts";
import type { Order } from "./orderTypes.ts";

export const DEFAULT_BRAND = "default";
const MAX_AGE = 120;

export type OrderValidation = { ok: true; order: Order } | { ok: false; problems: FieldProblem[] };

export function validateOrder(input: unknown, catalog: Catalog): OrderValidation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ field: "(order)", message: "must be a JSON object with the order's fields" }] };
  }
  // Only the input's own properties count: "constructor", "toString" or "__proto__" are not order fields,
  // and a property on Object.prototype can never stand in for a missing field.
  const raw = ownFields(input as Record<string, unknown>);
  const problems: FieldProblem[] = [];
  const valid: Record<string, unknown> = Object.create(null);
  const { schemas } = orderFieldSchemas(catalog);

  for (const key of Object.keys(raw)) {
    if (!schemas.has(key)) {
      problems.push({
        field: shownKey(key),
        message: `is not an order field (known fields: ${[...schemas.keys()].join(", ")})`,
      });
    }
  }
  for (const [field, schema] of schemas) {
    const value = raw[field];
    if (value === undefined || value === null) {
      if ((REQUIRED_FIELDS as string[]).includes(field)) problems.push({ field, message: "is required" });
      continue;
    }
    const parsed = schema.safeParse(typeof value === "string" ? value.normalize("NFC") : value);
    if (parsed.success) valid[field] = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        problems.push({ field: [field, ...issue.path.map(String)].join("."), message: issue.message });
      }
    }
  }
  problems.push(...checkAgainstCatalog(valid, raw, catalog));
  if (problems.length > 0) return { ok: false, problems };

  const order: Order = {
    patientId: valid.patientId as string,
    name: valid.name as string,
    drug: valid.drug as string,
    regimen: valid.regimen as string,
    startDate: valid.startDate as IsoDate,
    language: valid.language as string,
    brand: (valid.brand as string | undefined) ?? DEFAULT_BRAND,
    contact: (valid.contact as Order["contact"] | undefined) ?? {},
  };
  // The medicine's own fields, in its drug file's order; an optional one left out takes its default.
  for (const [field, declared] of Object.entries(catalog.drugs.get(order.drug)?.orderFields ?? {})) {
    const value = valid[field] ?? (declared.type === "count" ? declared.default : undefined);
    if (value !== undefined) order[field] = value;
  }
  if (valid.dateOfBirth !== undefined) order.dateOfBirth = valid.dateOfBirth as IsoDate;
  if (valid.secondLanguage !== undefined) order.secondLanguage = valid.secondLanguage as string;
  if (valid.largePrint === true) order.largePrint = true;
  return { ok: true, order };
}

/** Rules between fields and against what the project ships. Only fields that passed on their own are checked. */
function checkAgainstCatalog(
  valid: Record<string, unknown>,
  raw: Record<string, unknown>,
  catalog: Catalog,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = (map: Map<string, unknown>) => [...map.keys()].sort().join(", ");
  const drugId = valid.drug as string | undefined;
  const drug = drugId === undefined ? undefined : catalog.drugs.get(drugId);
  if (drugId !== undefined && !drug) {
    problems.push({ field: "drug", message: `unknown medicine ${shownId(drugId)} (known: ${known(catalog.drugs)})` });
  }
  const regimenId = valid.regimen as string | undefined;
  const regimen = regimenId === undefined ? undefined : catalog.regimens.get(regimenId);
  if (regimenId !== undefined && !regimen) {
    problems.push({
      field: "regimen",
      message: `unknown regimen ${shownId(regimenId)} (known: ${known(catalog.regimens)})`,
    });
  }
  if (regimen && drug && regimen.drug !== drug.id) {
    const forDrug = [...catalog.regimens.values()].filter((r) => r.drug === drug.id).map((r) => r.id);
    problems.push({
      field: "regimen",
      message: `"${regimen.id}" is a regimen for ${regimen.drug}, not ${drug.id} (regimens for ${drug.id}: ${forDrug.join(", ") || "none"})`,
    });
  }
  const language = valid.language as string | undefined;
  const printable = [...catalog.locales.values()]
    .filter(isPrintable)
    .map((l) => l.language)
    .sort();
  const bundle = language === undefined ? undefined : catalog.locales.get(language);
  if (language !== undefined && !bundle) {
    problems.push({
      field: "language",
      message: `unknown language ${shownId(language)} (available: ${printable.join(", ")})`,
    });
  } else if (bundle && !isPrintable(bundle)) {
    problems.push({
      field: "language",
      message: `${bundle.meta.name} (${bundle.language}) cannot be printed yet: right-to-left printing is not verified (the calendar does not read right to left yet), so no leaflet is made rather than a wrong one; choose another language (${printable.join(", ")})`,
    });
  }
  const second = valid.secondLanguage as string | undefined;
  const secondBundle = second === undefined ? undefined : catalog.locales.get(second);
  if (second !== undefined && (!secondBundle || !isPrintable(secondBundle))) {
    problems.push({
      field: "secondLanguage",
      message: `${shownId(second)} is not a language that can be printed (available: ${printable.join(", ")})`,
    });
  } else if (second !== undefined && second === language) {
    problems.push({
      field: "secondLanguage",
      message: "is the same as language; leave it out for a leaflet in one language",
    });
  }
  const brand = valid.brand as string | undefined;
  if (brand !== undefined && !catalog.brands.has(brand)) {
    problems.push({ field: "brand", message: `unknown brand ${shownId(brand)} (available: ${known(catalog.brands)})` });
  }

  if (drug) {
    for (const field of orderFieldSchemas(catalog).schemas.keys()) {
      const declared = drug.orderFields[field];
      if (declared?.use === "required" && raw[field] == null && !problems.some((p) => p.field === field)) {
        problems.push({ field, message: `is required for ${drug.id}${choicesHint(declared)}` });
      }
      if (!declared && raw[field] != null && drugsUsing(catalog, field).length > 0) {
        const usedBy = drugsUsing(catalog, field).map((d) => d.id);
        problems.push({
          field,
          message: `does not apply to ${drug.id}${usedBy.length ? ` (it is for ${usedBy.join(", ")})` : ""}; leave it out`,
        });
      }
    }
  }
  // A dose field's value must be a strength the regimen lists (its component that takes the dose from it).
  for (const [field, declared] of declaredOrderFields(catalog)) {
    const dose = valid[field];
    if (declared.type !== "dose" || typeof dose !== "number") continue;
    const fromOrder =
      regimen?.kind === "cycles" ? regimen.components.find((c) => c.dose.fromOrder === field) : undefined;
    if (fromOrder?.dose.allowed && !fromOrder.dose.allowed.includes(dose)) {
      const allowed = fromOrder.dose.allowed;
      problems.push({
        field,
        message: `${dose} ${fromOrder.dose.unit} is not a ${fromOrder.drug} strength; use ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)} (${fromOrder.dose.unit})`,
      });
    }
  }

  const start = valid.startDate as IsoDate | undefined;
  const birth = valid.dateOfBirth as IsoDate | undefined;
  if (start && birth) {
    const age = ageInYears(birth, start);
    if (age < 0) problems.push({ field: "dateOfBirth", message: "is after the start date" });
    else if (age > MAX_AGE)
      problems.push({ field: "dateOfBirth", message: `gives an age over ${MAX_AGE} at the start date; check it` });
  }
  if (typeof valid.name === "string") {
    const unprintable = [...valid.name].filter((char) => !catalog.canPrint(char));
    if (unprintable.length > 0) {
      problems.push({
        field: "name",
        message: `contains ${describeCharacters(unprintable)}, which the leaflet's fonts cannot print; write the name in Latin, Greek or Cyrillic letters (it would print as wrong signs)`,
      });
    }
  }
  return problems;
}

/** For a choice: " (pregnancy prevention programme): woman-childbearing, woman-not-childbearing or man". */
function choicesHint(field: OrderFieldDeclaration): string {
  if (field.type !== "choice") return "";
  const values =
    field.values.length > 1
      ? `${field.values.slice(0, -1).join(", ")} or ${field.values.at(-1)}`
      : field.values.join("");
  return `${field.programme ? ` (${field.programme.title})` : ""}: ${values}`;
}

/** A null-prototype copy of the input's own enumerable properties (the input itself is never changed). */
function ownFields(input: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(input)) own[key] = input[key];
  return own;
}

/** An unknown field's name as shown: cut short, so a key cannot carry a long text into a message. */
function shownKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/** An id the catalog does not know, quoted only when it looks like an id (never a name pasted in the wrong field). */
function shownId(value: string): string {
  return /^[A-Za-z0-9._+-]{1,40}$/.test(value) ? `"${value}"` : "(the value given is not an id)";
}
