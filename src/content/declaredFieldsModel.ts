// What the templates print of the order fields a medicine declares: each choice's value and its name in the
// leaflet's language ({{fields.<field>.name}}, {{#if fields.<field>.is.<valueInCamelCase>}}), the facts
// that go among the patient's details, and the medicine's programme under its own name (pomalidomide:
// {{pppLabel}}, {{#if ppp.womanChildbearing}}).
import type { Drug } from "../catalog/loadDrug.ts";
import { camelCase } from "../catalog/orderFieldDeclarations.ts";
import type { Order } from "../order/orderTypes.ts";
import type { Translate } from "./createTranslator.ts";

export interface ChoiceWords {
  value: string;
  /** The value's name in the leaflet's language. */
  name: string;
  /** valueInCamelCase → whether it is the one chosen (every value listed, so a template can test any). */
  is: Record<string, boolean>;
}

export interface DeclaredFieldsModel {
  fields: Record<string, ChoiceWords>;
  personal: { label: string; value: string }[];
  /** The programme under its template name: `<name>Label` (the category's name) and `<name>` (the flags). */
  programme: Record<string, string | Record<string, boolean>>;
}

export function buildDeclaredFieldsModel(order: Order, drug: Drug, t: Translate): DeclaredFieldsModel {
  const model: DeclaredFieldsModel = { fields: {}, personal: [], programme: {} };
  for (const [field, declared] of Object.entries(drug.orderFields)) {
    if (declared.type !== "choice") continue;
    const value = typeof order[field] === "string" ? (order[field] as string) : undefined;
    const name = value === undefined ? "" : t(`${declared.valueNames}.${value}`);
    const is = Object.fromEntries(declared.values.map((v) => [camelCase(v), v === value]));
    if (declared.programme) {
      model.programme[`${declared.programme.name}Label`] = name;
      model.programme[declared.programme.name] = is;
    }
    if (value === undefined) continue;
    model.fields[field] = { value, name, is };
    if (declared.personal) model.personal.push({ label: t(declared.personal), value: name });
  }
  return model;
}
