// The whole pipeline for one validated order: schedule → text → template → markup → document tree →
// PDF bytes. Pure apart from reading the shipped templates (cached); writing files is output/'s job.
import { join } from "node:path";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { buildLeafletModel } from "../content/buildLeafletModel.ts";
import { createTranslator, type Translate } from "../content/createTranslator.ts";
import { ageInYears, toUtcDate } from "../dates.ts";
import type { LeafletDoc } from "../document/documentTypes.ts";
import { parseMarkup } from "../document/parseMarkup.ts";
import type { Order, PaperSize } from "../order/orderTypes.ts";
import { buildSchedule } from "../regimen/buildSchedule.ts";
import { buildVisitPlan } from "../regimen/buildVisitPlan.ts";
import type { Regimen, TreatmentPlan } from "../regimen/regimenTypes.ts";
import { renderPdf } from "../render/renderPdf.tsx";
import { createTheme } from "../render/theme.ts";
import { compileDocumentTemplate, type RenderMarkup } from "../template/createTemplateEngine.ts";
import { countPages } from "./countPages.ts";

export const CREATOR = "patient-leaflets";

export type DocumentKind = "leaflet";

export interface GenerateOptions {
  paper?: PaperSize;
}

export interface GeneratedDocument {
  kind: DocumentKind;
  drug: string;
  language: string;
  pages: number;
  bytes: Uint8Array;
}

/** The typed document tree for an order: everything up to (not including) rendering. */
export function buildLeafletDoc(order: Order, catalog: Catalog): LeafletDoc {
  const drug = required(catalog.drugs.get(order.drug), "drug", order.drug);
  const regimen = required(catalog.regimens.get(order.regimen), "regimen", order.regimen);
  const brand = required(catalog.brands.get(order.brand), "brand", order.brand);
  const bundle = required(catalog.locales.get(order.language), "language", order.language);
  const plan = buildPlan(order, regimen);
  const translate = translatorFor(catalog, order.language, drug.id);
  const model = buildLeafletModel({ order, drug, regimen, plan, brand, bundle, translate });
  const templatePath = join("templates", drug.documents.leaflet);
  const markup = templateFor(catalog, drug.documents.leaflet)(model, translate);
  return parseMarkup(markup, templatePath);
}

export async function generateDocuments(
  order: Order,
  catalog: Catalog,
  options: GenerateOptions = {},
): Promise<GeneratedDocument[]> {
  const doc = buildLeafletDoc(order, catalog);
  const brand = required(catalog.brands.get(order.brand), "brand", order.brand);
  const bytes = await renderPdf(doc, createTheme(brand, options.paper ?? "A4"), {
    creationDate: toUtcDate(order.startDate),
    creator: CREATOR,
  });
  return [{ kind: "leaflet", drug: order.drug, language: order.language, pages: countPages(bytes), bytes }];
}

/** The regimen engine for the order: a dated cycle schedule or a dated visit plan. */
export function buildPlan(order: Order, regimen: Regimen): TreatmentPlan {
  if (regimen.kind === "visits") {
    return buildVisitPlan({
      regimen,
      startDate: order.startDate,
      months: required(order.months, "months", order.drug),
    });
  }
  return buildSchedule({
    regimen,
    startDate: order.startDate,
    cycles: required(order.cycles, "cycles", order.drug),
    ...(order.doseMg === undefined ? {} : { doseMg: order.doseMg }),
    ...(order.dateOfBirth === undefined ? {} : { ageAtStart: ageInYears(order.dateOfBirth, order.startDate) }),
  });
}

const templates = new Map<string, RenderMarkup>();
const translators = new Map<string, Translate>();

function templateFor(catalog: Catalog, path: string): RenderMarkup {
  const key = `${catalog.root}\0${path}`;
  let template = templates.get(key);
  if (!template) {
    template = compileDocumentTemplate(join(catalog.root, "templates"), path);
    templates.set(key, template);
  }
  return template;
}

function translatorFor(catalog: Catalog, language: string, namespace: string): Translate {
  const key = `${catalog.root}\0${language}\0${namespace}`;
  let translate = translators.get(key);
  if (!translate) {
    translate = createTranslator(required(catalog.locales.get(language), "language", language), namespace);
    translators.set(key, translate);
  }
  return translate;
}

/** Validated orders only reach here, so a miss is a programming error, not a user error. */
function required<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new Error(`internal: ${what} "${id}" not in the catalog (was the order validated?)`);
  return value;
}
