// The values a leaflet or card template prints, already in the leaflet's language: personal details, the
// treatment plan (a cycle calendar or a visit list, worded by their own modules), contacts and
// sources. Templates arrange; these modules word.

import type { Brand } from "../catalog/loadBrand.ts";
import type { Drug } from "../catalog/loadDrug.ts";
import type { LocaleBundle } from "../catalog/loadLocales.ts";
import { firstStrongDirection, isolated, NEEDS_REORDERING } from "../core/bidi.ts";
import { InternalError } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { Regimen, TreatmentPlan } from "../regimen/regimenTypes.ts";
import type { LeafletReview } from "../review/leafletReview.ts";
import type { Translate } from "./createTranslator.ts";
import { buildCyclePlanModel } from "./cyclePlanModel.ts";
import { buildDeclaredFieldsModel } from "./declaredFieldsModel.ts";
import { createFormatters } from "./formatters.ts";
import { reviewWords } from "./reviewWords.ts";
import { buildVisitPlanModel } from "./visitPlanModel.ts";
import { drugName } from "./words.ts";

export interface LeafletModelInput {
  order: Order;
  drug: Drug;
  regimen: Regimen;
  plan: TreatmentPlan;
  brand: Brand;
  bundle: LocaleBundle;
  translate: Translate;
  /** The hospital's language (the brand's), for notices the nurse must be able to read too. */
  nurse: { language: string; translate: Translate };
  /** A bilingual leaflet's second language (its Intl locale), for the calendar's weekday names. */
  secondIntlLocale?: string;
  /** The sections' review status from the review records; without it the locale files' `review` fields count. */
  review?: LeafletReview;
}

export function buildLeafletModel(input: LeafletModelInput) {
  const { order, drug, regimen, plan, brand, bundle, translate: t } = input;
  const fmt = createFormatters(bundle.meta.intlLocale);
  const words = { t, fmt };
  const planModel =
    plan.kind === "cycles" && regimen.kind === "cycles"
      ? buildCyclePlanModel(plan, regimen, words, {
          ...(brand.firstDayOfWeek ? { firstDayOfWeek: brand.firstDayOfWeek } : {}),
          ...(input.secondIntlLocale ? { secondIntlLocale: input.secondIntlLocale } : {}),
        })
      : plan.kind === "visits"
        ? buildVisitPlanModel(plan, words)
        : undefined;
  if (!planModel) throw new InternalError(`plan ${plan.kind} does not fit regimen ${regimen.id}`);
  const declared = buildDeclaredFieldsModel(order, drug, t);
  const personal = [
    { label: t("common:personal.name"), value: order.name },
    { label: t("common:personal.patientId"), value: order.patientId },
    {
      label: t("common:personal.medicine"),
      value: t("common:personal.medicineValue", { drug: drugName(drug.id, t), brand: drug.brandName }),
    },
    ...(planModel.dose ? [planModel.dose] : []),
    { label: t("common:personal.plan"), value: t(`common:regimens.${regimen.id}.name`) },
    { label: t("common:personal.startDate"), value: fmt.longDate(order.startDate) },
    planModel.extent,
    ...declared.personal,
  ].map((fact) => ({ ...fact, value: latinAsOneRun(fact.value, bundle.meta.direction) }));
  return {
    lang: bundle.language,
    dir: bundle.meta.direction,
    subject: t("common:document.leafletSubject", { drug: drugName(drug.id, t) }),
    cardSubject: t("common:document.cardSubject", { drug: drugName(drug.id, t) }),
    brand: { name: brand.name },
    patient: { name: order.name, id: order.patientId },
    contacts: {
      nurseLine: order.contact.nurseLine ?? brand.phones.nurseLine,
      emergency: order.contact.emergency ?? brand.phones.emergency,
    },
    personal,
    ...declared.programme,
    fields: declared.fields,
    calendar: planModel.calendar && dosesAsOneRun(planModel.calendar, bundle.meta.direction),
    visits: planModel.visits,
    sources: buildSources(input),
    publicPage: drug.publicPage,
    regimenSource: t("common:sources.regimen", {
      name: t(`common:regimens.${regimen.id}.name`),
      source: regimen.source,
    }),
    unreviewedNotice: unreviewedNotice(input),
    ...reviewWords(input, unreviewedNotice(input)),
    footerSource: t("common:footer.source", {
      sources: fmt.list(Object.values(bundle.drugMeta[drug.id]?.sources ?? {}).map((s) => s.short)),
    }),
  };
}

export type LeafletModel = ReturnType<typeof buildLeafletModel>;

/** Each source with its version, the sections that rest on it, and whether we translated it unreviewed. */
function buildSources({ drug, bundle, translate: t, review }: LeafletModelInput) {
  const meta = bundle.drugMeta[drug.id];
  const provenance = bundle.provenance[drug.id] ?? {};
  const languageNames = new Intl.DisplayNames(bundle.meta.intlLocale, { type: "language" });
  // A file translated here as a whole was made from another language's files (e.g. English), whatever
  // language the source document itself is in; otherwise a translated section was made from the source.
  const fileTranslatedFrom =
    meta?.translation && (review || meta.translation.review === "unreviewed") ? meta.translation.from : undefined;
  const translationNote = (translated: boolean, sourceLanguage: string, checked: boolean): string | null => {
    const from = fileTranslatedFrom ?? (translated && sourceLanguage !== bundle.language ? sourceLanguage : undefined);
    if (!from) return null;
    const language = languageNames.of(from) ?? from;
    return t(checked ? "common:review.translatedChecked" : "common:sources.translatedUnreviewed", { language });
  };
  return Object.entries(meta?.sources ?? {}).map(([id, source]) => {
    const sections = Object.entries(provenance).filter(([, p]) => p.sources.includes(id));
    // A paraphrase written in another language than its source's is our translation too (translationNote).
    const translated = sections.some(([, p]) => p.wording !== "source" && (review || p.review === "unreviewed"));
    // With review records: checked when every section resting on the source is signed off in this language.
    const checked = review
      ? sections.every(([section]) =>
          review.sections.some(
            (s) =>
              s.language === bundle.language &&
              s.section === section &&
              (s.state === "approved" || s.state === "source"),
          ),
        )
      : false;
    const version = review?.sourceVersions.get(id) ?? source.version;
    return {
      entry: t("common:sources.entry", { title: source.title, publisher: source.publisher, version }),
      url: source.url ?? null,
      usedFor: sections.length
        ? t("common:sources.usedFor", {
            sections: sections.map(([section]) => t(`sections.${section}.title`)).join("; "),
          })
        : null,
      note: translationNote(translated, source.language, checked),
    };
  });
}

/** "Contains translated text not yet reviewed…" in the patient's language and the nurse's, or "" when
 * every section of the medicine's text (and the file itself) is the source's wording or reviewed. */
function unreviewedNotice({ drug, bundle, translate, nurse, review }: LeafletModelInput): string {
  if (review) return review.open.length === 0 ? "" : noticeIn(bundle, translate, nurse);
  const fileUnreviewed = [bundle.meta.translation, bundle.drugMeta[drug.id]?.translation].some(
    (t) => t?.review === "unreviewed",
  );
  const sectionUnreviewed = Object.values(bundle.provenance[drug.id] ?? {}).some(
    (p) => p.wording === "translation" && p.review === "unreviewed",
  );
  if (!fileUnreviewed && !sectionUnreviewed) return "";
  return noticeIn(bundle, translate, nurse);
}

function noticeIn(
  bundle: LeafletModelInput["bundle"],
  translate: Translate,
  nurse: LeafletModelInput["nurse"],
): string {
  const notices = [translate("common:notice.unreviewed")];
  if (nurse.language !== bundle.language) {
    // The nurse's sentence in its own direction: Dutch in an Arabic footer keeps its full stop at its end.
    const own = nurse.translate("common:notice.unreviewed");
    const direction = firstStrongDirection(own);
    notices.push(direction === bundle.meta.direction ? own : isolated(own, direction));
  }
  return notices.join(" / ");
}

/** The calendar's cells with each dose ("4 mg") as one left-to-right run in a right-to-left leaflet, as in
 * the personal block and the cycle lines (drawn on its own it would read "mg 4"). */
function dosesAsOneRun<C extends { cycles: { weeks: { days: ({ doses: { text: string }[] } | null)[] }[] }[] }>(
  calendar: C,
  direction: "ltr" | "rtl",
): C {
  if (direction !== "rtl") return calendar;
  return {
    ...calendar,
    cycles: calendar.cycles.map((cycle) => ({
      ...cycle,
      weeks: cycle.weeks.map((week) => ({
        ...week,
        days: week.days.map((day) =>
          day
            ? { ...day, doses: day.doses.map((dose) => ({ ...dose, text: latinAsOneRun(dose.text, direction) })) }
            : day,
        ),
      })),
    })),
  };
}

/**
 * In a right-to-left leaflet, a fact with no right-to-left letters ("4 mg", "pomalidomide (Imnovid)")
 * as one left-to-right run: its parts, each isolated on its own, would otherwise stand in right-to-left
 * order ("mg 4", "(Imnovid) pomalidomide"), unlike the same words inside the cycle lines.
 */
function latinAsOneRun(value: string, direction: "ltr" | "rtl"): string {
  const letters = value.replace(/[\u2066-\u2069]/g, "");
  return direction === "rtl" && !NEEDS_REORDERING.test(letters) && /\p{L}/u.test(letters)
    ? isolated(value, "ltr")
    : value;
}
