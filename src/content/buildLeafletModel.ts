// The values a leaflet template prints, already in the leaflet's language: personal details, the
// dated calendar (from the schedule), contacts and sources. Templates arrange; this module words.
import type { Brand } from "../brand/loadBrand.ts";
import type { Drug } from "../catalog/loadDrug.ts";
import type { IsoDate } from "../dates.ts";
import type { Order } from "../order/orderTypes.ts";
import type { Regimen, Schedule, ScheduleDay, ScheduledDose } from "../regimen/regimenTypes.ts";
import type { Translate } from "./createTranslator.ts";
import { createFormatters, type Formatters } from "./formatters.ts";
import type { LocaleBundle } from "./loadLocales.ts";

export interface LeafletModelInput {
  order: Order;
  drug: Drug;
  regimen: Regimen;
  schedule: Schedule;
  brand: Brand;
  bundle: LocaleBundle;
  translate: Translate;
}

export function buildLeafletModel(input: LeafletModelInput) {
  const { order, drug, regimen, schedule, brand, bundle, translate: t } = input;
  const fmt = createFormatters(bundle.meta.intlLocale);
  const words = { t, fmt };
  const first = schedule.cycles[0];
  const last = schedule.cycles.at(-1);
  const primary = first?.days.flatMap((d) => d.doses).find((d) => d.role === "primary");
  const contacts = {
    nurseLine: order.contact.nurseLine ?? brand.phones.nurseLine,
    emergency: order.contact.emergency ?? brand.phones.emergency,
  };
  const personal = [
    { label: t("common:personal.name"), value: order.name },
    { label: t("common:personal.patientId"), value: order.patientId },
    {
      label: t("common:personal.medicine"),
      value: t("common:personal.medicineValue", { drug: drugName(drug.id, t), brand: drug.brandName }),
    },
    ...(primary ? [{ label: t("common:personal.dose"), value: doseText(primary, words) }] : []),
    { label: t("common:personal.plan"), value: t(`common:regimens.${regimen.id}.name`) },
    { label: t("common:personal.startDate"), value: fmt.longDate(order.startDate) },
    ...(first && last
      ? [
          {
            label: t("common:personal.calendar"),
            value: t("common:personal.calendarValue", {
              count: schedule.cycles.length,
              from: fmt.longDate(first.startDate),
              to: fmt.longDate(last.endDate),
            }),
          },
        ]
      : []),
    ...(order.pppCategory ? [{ label: t("common:personal.ppp"), value: t(`common:ppp.${order.pppCategory}`) }] : []),
  ];
  return {
    lang: bundle.language,
    dir: bundle.meta.direction,
    subject: t("common:document.leafletSubject", { drug: drugName(drug.id, t) }),
    brand: { name: brand.name },
    patient: { name: order.name, id: order.patientId },
    contacts,
    personal,
    ppp: {
      womanChildbearing: order.pppCategory === "woman-childbearing",
      womanNotChildbearing: order.pppCategory === "woman-not-childbearing",
      man: order.pppCategory === "man",
    },
    calendar: buildCalendar(schedule, regimen, words),
    sources: buildSources(input),
    regimenSource: t("common:sources.regimen", {
      name: t(`common:regimens.${regimen.id}.name`),
      source: regimen.source,
    }),
    footerSource: t("common:footer.source", {
      sources: fmt.list(Object.values(bundle.drugMeta[drug.id]?.sources ?? {}).map((s) => s.short)),
    }),
  };
}

export type LeafletModel = ReturnType<typeof buildLeafletModel>;

interface Words {
  t: Translate;
  fmt: Formatters;
}

/** The first letter in upper case, as the language does it (Turkish i → İ). */
function sentenceCase(text: string, { fmt }: Words): string {
  return text.charAt(0).toLocaleUpperCase(fmt.locale) + text.slice(1);
}

function drugName(drug: string, t: Translate): string {
  return t(`common:drugs.${drug}`);
}

/** "4 mg", "1,3 mg/m²", or "40 mg, or 20 mg if you are older than 75" when the age is not known. */
function doseText(dose: ScheduledDose, { t, fmt }: Words): string {
  const amount = (value: number) => t("common:dose.amount", { amount: fmt.number(value), unit: dose.unit });
  if (!dose.ifOlderThan) return amount(dose.amount);
  return t("common:dose.ifOlderThan", {
    standard: amount(dose.amount),
    reduced: amount(dose.ifOlderThan.amount),
    age: fmt.number(dose.ifOlderThan.age),
  });
}

function buildCalendar(schedule: Schedule, regimen: Regimen, words: Words) {
  const { t, fmt } = words;
  const primaryName = drugName(regimen.drug, t);
  const allDoses = schedule.cycles.flatMap((c) => c.days.flatMap((d) => d.doses));
  const legend = regimen.components.flatMap((component) => {
    const dose = allDoses.find((d) => d.drug === component.drug);
    if (!dose) return [];
    return [
      {
        mark: "dose",
        symbol: t(`common:symbols.${component.drug}`),
        text: sentenceCase(
          t("common:calendar.legendDose", { drug: drugName(component.drug, t), dose: doseText(dose, words) }),
          words,
        ),
      },
    ];
  });
  legend.push({
    mark: "rest",
    symbol: "–",
    text: sentenceCase(t("common:calendar.legendRest", { drug: primaryName }), words),
  });

  const cycles = schedule.cycles.map((cycle) => {
    const lines = regimen.components.flatMap((component) => {
      const days = cycle.days.filter((d) => d.doses.some((dose) => dose.drug === component.drug));
      const dose = days[0]?.doses.find((d) => d.drug === component.drug);
      if (!dose) return [];
      const role = dose.role === "primary" ? "primary" : "partner";
      const line = t(`common:calendar.${role}Days`, {
        drug: drugName(component.drug, t),
        dose: doseText(dose, words),
        dates: describeDays(days, words),
      });
      return [sentenceCase(line, words)];
    });
    const restDays = cycle.days.filter((d) => d.rest);
    if (restDays.length > 0)
      lines.push(t("common:calendar.restDays", { drug: primaryName, dates: describeDays(restDays, words) }));
    const cells = cycle.days.map((day) => ({
      label: t("common:calendar.day", { day: fmt.number(day.cycleDay) }),
      date: fmt.shortDate(day.date),
      rest: day.rest ? t("common:calendar.restCell") : null,
      doses: day.doses.map((dose) => ({
        symbol: t(`common:symbols.${dose.drug}`),
        text: dose.ifOlderThan ? t("common:calendar.seeKey") : doseText(dose, words),
      })),
    }));
    return {
      title: t("common:calendar.cycle", {
        number: fmt.number(cycle.number),
        from: fmt.longDate(cycle.startDate),
        to: fmt.longDate(cycle.endDate),
      }),
      lines,
      weeks: chunk(cells, 7),
    };
  });
  return { legend, cycles };
}

/** Consecutive days as "from – to" ranges, other days one by one, every date written out in full. */
function describeDays(days: ScheduleDay[], { t, fmt }: Words): string {
  const runs: IsoDate[][] = [];
  let previous: number | undefined;
  for (const day of days) {
    const run = runs.at(-1);
    if (run && previous !== undefined && day.cycleDay === previous + 1) run.push(day.date);
    else runs.push([day.date]);
    previous = day.cycleDay;
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [t("common:calendar.range", { from: fmt.longDate(run[0] as IsoDate), to: fmt.longDate(run.at(-1) as IsoDate) })]
      : run.map((date) => fmt.longDate(date)),
  );
  return fmt.list(parts);
}

/** Each source with its version, the sections that rest on it, and whether we translated it unreviewed. */
function buildSources({ drug, bundle, translate: t }: LeafletModelInput) {
  const meta = bundle.drugMeta[drug.id];
  const provenance = bundle.provenance[drug.id] ?? {};
  const languageNames = new Intl.DisplayNames(bundle.meta.intlLocale, { type: "language" });
  return Object.entries(meta?.sources ?? {}).map(([id, source]) => {
    const sections = Object.entries(provenance).filter(([, p]) => p.sources.includes(id));
    const translated = sections.some(([, p]) => p.wording === "translation" && p.review === "unreviewed");
    return {
      entry: t("common:sources.entry", { title: source.title, publisher: source.publisher, version: source.version }),
      url: source.url ?? null,
      usedFor: sections.length
        ? t("common:sources.usedFor", {
            sections: sections.map(([section]) => t(`sections.${section}.title`)).join("; "),
          })
        : null,
      note:
        translated && source.language !== bundle.language
          ? t("common:sources.translatedUnreviewed", { language: languageNames.of(source.language) ?? source.language })
          : null,
    };
  });
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}
