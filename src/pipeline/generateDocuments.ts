// The whole pipeline for one validated order: plan → text → template → markup → document tree →
// PDF bytes, for each document kind asked (leaflet, card). Pure apart from reading the shipped
// templates (cached); writing files is output/'s job.
import { join } from "node:path";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { type BilingualLeafletModel, withSecondLanguage } from "../content/bilingualModel.ts";
import { buildLeafletModel } from "../content/buildLeafletModel.ts";
import { createTranslator, type Translate } from "../content/createTranslator.ts";
import { countPages } from "../core/countPages.ts";
import { ageInYears, toUtcDate } from "../core/dates.ts";
import { OrderNotValidatedError, OrderRefusedError, TextDoesNotFitError } from "../core/errors.ts";
import { compileDocumentTemplate, type RenderMarkup, type SecondLanguage } from "../document/createTemplateEngine.ts";
import type { CardDoc, LeafletDoc } from "../document/documentTypes.ts";
import { parseCardMarkup, parseMarkup } from "../document/parseMarkup.ts";
import type { CardFormat } from "../order/documentOptions.ts";
import { DOCUMENT_KINDS, type DocumentKind } from "../order/documentOptions.ts";
import type { Order, PaperSize } from "../order/orderTypes.ts";
import { buildSchedule } from "../regimen/buildSchedule.ts";
import { buildVisitPlan } from "../regimen/buildVisitPlan.ts";
import type { Regimen, TreatmentPlan } from "../regimen/regimenTypes.ts";
import { renderCardDocument } from "../render/card/renderCardDocument.ts";
import { renderLeaflet } from "../render/leaflet/renderLeaflet.tsx";
import type { PdfMeta } from "../render/PdfDocument.tsx";
import { createTheme } from "../render/theme.ts";
import { leafletReview } from "../review/leafletReview.ts";
import { contentStateSha256, reviewInput } from "../review/printedContentState.ts";
import { reviewPolicyProblems } from "../review/reviewPolicy.ts";
import { blankBackPageText, padLeafletForDuplex } from "./duplexPadding.ts";

export const CREATOR = "patient-leaflets";

export { DOCUMENT_KINDS, type DocumentKind } from "../order/documentOptions.ts";

export interface GenerateOptions {
  paper?: PaperSize;
  /** Which documents to make; both by default (a medicine without a card template makes no card). */
  kinds?: readonly DocumentKind[];
  cardFormat?: CardFormat;
  /** Bleed around a single card for a print shop, in millimetres (0: none). */
  bleedMm?: number;
  /** Archival PDF/A files (2a when tagged, 2b with `tags: false`). */
  pdfa?: boolean;
  /** Tagged PDF (PDF/UA-1); on unless `false` (`--no-tags`, for measuring). */
  tags?: boolean;
  /** Double-sided printing: a leaflet with an odd page count gets a blank back page (duplexPadding.ts). */
  duplex?: boolean;
}

export interface GeneratedDocument {
  kind: DocumentKind;
  drug: string;
  language: string;
  /** A bilingual leaflet's second language (the card stays in the patient's language). */
  secondLanguage?: string;
  pages: number;
  bytes: Uint8Array;
  /** What the nurse should know about this document, e.g. that the second language did not fit on the card. */
  notes?: string[];
  /** SHA-256 of every text and template the document was made from (src/review/contentVersion.ts). */
  contentSha256?: string;
  /** SHA-256 of what the document says about its content and review (src/review/printedContentState.ts). */
  contentStateSha256?: string;
}

/** Everything both documents are made from: the worded model and the language's lookup. */
type Prepared = {
  model: BilingualLeafletModel;
  translate: Translate;
  contentSha256: string;
  contentStateSha256: string;
};

function prepare(order: Order, catalog: Catalog): Prepared {
  const drug = required(catalog.drugs.get(order.drug), "drug", order.drug);
  const regimen = required(catalog.regimens.get(order.regimen), "regimen", order.regimen);
  const brand = required(catalog.brands.get(order.brand), "brand", order.brand);
  const bundle = required(catalog.locales.get(order.language), "language", order.language);
  const translate = translatorFor(catalog, order.language, drug.id);
  const plan = buildPlan(order, regimen);
  const nurse = { language: brand.language, translate: translatorFor(catalog, brand.language, drug.id) };
  const review = leafletReview(catalog, reviewInput(order, brand));
  const refused = reviewPolicyProblems(brand, drug.id, review);
  if (refused.length > 0) throw new OrderRefusedError(refused);
  const second = order.secondLanguage ? catalog.locales.get(order.secondLanguage) : undefined;
  const common = { order, drug, regimen, plan, brand, nurse, review };
  const own = buildLeafletModel({
    ...common,
    bundle,
    translate,
    ...(second ? { secondIntlLocale: second.meta.intlLocale } : {}),
  });
  // A bilingual leaflet: the same plan worded again in the second language (personal block, whom to
  // call, each cycle's title and dose lines).
  const model = second
    ? withSecondLanguage(own, {
        model: buildLeafletModel({
          ...common,
          bundle: second,
          translate: translatorFor(catalog, second.language, drug.id),
        }),
        tag: { code: second.language, direction: second.meta.direction, label: second.meta.name },
      })
    : withSecondLanguage(own);
  return { model, translate, contentSha256: review.contentSha256, contentStateSha256: contentStateSha256(review) };
}

/** The typed leaflet tree for an order: everything up to (not including) rendering. */
export function buildLeafletDoc(order: Order, catalog: Catalog, prepared = prepare(order, catalog)): LeafletDoc {
  const path = required(catalog.drugs.get(order.drug), "drug", order.drug).documents.leaflet;
  const markup = templateFor(catalog, path)(prepared.model, prepared.translate, secondLanguage(order, catalog));
  return parseMarkup(markup, join("templates", path));
}

/** For a bilingual leaflet: the nurse's language, named as it names itself ("Nederlands"). */
function secondLanguage(order: Order, catalog: Catalog): SecondLanguage | undefined {
  if (!order.secondLanguage) return undefined;
  const bundle = required(catalog.locales.get(order.secondLanguage), "language", order.secondLanguage);
  return {
    code: bundle.language,
    label: bundle.meta.name,
    direction: bundle.meta.direction,
    translate: translatorFor(catalog, bundle.language, order.drug),
  };
}

/** The typed card tree for an order, or undefined when the medicine has no card. The card is in the
 * patient's language; for a bilingual order its back also holds the second language's text, which the
 * renderer prints where it fits (render/card/fitSecondLanguage.tsx). */
export function buildCardDoc(order: Order, catalog: Catalog, prepared?: Prepared): CardDoc | undefined {
  const path = required(catalog.drugs.get(order.drug), "drug", order.drug).documents.card;
  if (!path) return undefined;
  const { model, translate } = prepared ?? prepare(order, catalog);
  const markup = templateFor(catalog, path)(model, translate, secondLanguage(order, catalog));
  return parseCardMarkup(markup, join("templates", path));
}

export async function generateDocuments(
  order: Order,
  catalog: Catalog,
  options: GenerateOptions = {},
): Promise<GeneratedDocument[]> {
  const kinds = options.kinds ?? DOCUMENT_KINDS;
  const brand = required(catalog.brands.get(order.brand), "brand", order.brand);
  const meta: PdfMeta = {
    creationDate: toUtcDate(order.startDate),
    creator: CREATOR,
    pdfa: Boolean(options.pdfa),
    ...(options.tags === false ? { tags: false } : {}),
  };
  const documents: GeneratedDocument[] = [];
  // Plan and wording are made once per order and shared by both documents.
  const prepared = prepare(order, catalog);
  const add = (kind: DocumentKind, bytes: Uint8Array, second?: string, notes?: string[]) =>
    documents.push({
      kind,
      drug: order.drug,
      language: order.language,
      ...(second ? { secondLanguage: second } : {}),
      pages: countPages(bytes),
      bytes,
      ...(notes ? { notes } : {}),
      contentSha256: prepared.contentSha256,
      contentStateSha256: prepared.contentStateSha256,
    });

  if (kinds.includes("leaflet")) {
    const doc = buildLeafletDoc(order, catalog, prepared);
    const leaflet = await renderLeaflet(
      doc,
      createTheme(brand, options.paper ?? "A4", { largePrint: Boolean(order.largePrint), direction: doc.direction }),
      meta,
    );
    const padded = options.duplex
      ? await padLeafletForDuplex(
          leaflet,
          blankBackPageText(catalog, order.language, order.secondLanguage, order.patientId),
          meta,
        )
      : leaflet;
    add("leaflet", padded, order.secondLanguage);
  }
  const card = kinds.includes("card") ? buildCardDoc(order, catalog, prepared) : undefined;
  if (card) {
    const rendered = await refuseUnfitName(() =>
      renderCardDocument(
        card,
        brand,
        {
          ...(options.cardFormat ? { format: options.cardFormat } : {}),
          paper: options.paper ?? "A4",
          bleedMm: options.bleedMm ?? 0,
        },
        meta,
      ),
    );
    // The card keeps its one-language name (<drug>-card-<lang>.pdf) either way: see render/card/fitSecondLanguage.tsx.
    const second = rendered.secondLanguage;
    const notes =
      second && !second.printed
        ? [
            `the ${second.label} (${second.language}) text does not fit on the back of the card: the card is in ${order.language} only`,
          ]
        : undefined;
    add("card", rendered.bytes, undefined, notes);
  }
  return documents;
}

/** A name too long for the card even at the smallest size refuses the order on the field `name`. */
async function refuseUnfitName<T>(render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof TextDoesNotFitError)) throw error;
    throw new OrderRefusedError([
      {
        field: error.field,
        message: `is too long for the patient card even at ${error.minSize} pt; shorten it (for example initials for middle names) or print only the leaflet (--kinds leaflet)`,
      },
    ]);
  }
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
  if (value === undefined)
    throw new OrderNotValidatedError(`${what} "${id}" not in the catalog (was the order validated?)`);
  return value;
}
