// The cycle calendar in words: per cycle its dates and doses written out, a key, and a week-by-week
// grid of days with their doses (weekdays in columns, weekGrid.ts); plus the dose and calendar extent
// for the personal block.
import type { IsoDate } from "../core/dates.ts";
import { InternalError } from "../core/errors.ts";
import type { CycleRegimen, Schedule, ScheduleDay, ScheduledDose } from "../regimen/regimenTypes.ts";
import { type IsoWeekday, intoWeeks, localeFirstDay, weekdayNames } from "./weekGrid.ts";
import { drugName, type Fact, sentenceCase, type Words } from "./words.ts";

/** How the grid's weeks are set: the brand's first day of the week (else the locale's), and a bilingual
 * leaflet's second language (its weekday names go into the header too). */
export interface WeekOptions {
  firstDayOfWeek?: IsoWeekday;
  secondIntlLocale?: string;
}

export function buildCyclePlanModel(
  schedule: Schedule,
  regimen: CycleRegimen,
  words: Words,
  weekOptions: WeekOptions = {},
) {
  const { t, fmt } = words;
  const first = schedule.cycles[0];
  const last = schedule.cycles.at(-1);
  if (!first || !last) throw new InternalError("a schedule without cycles");
  const primary = first.days.flatMap((d) => d.doses).find((d) => d.role === "primary");
  const dose: Fact | undefined = primary
    ? { label: t("common:personal.dose"), value: doseText(primary, words) }
    : undefined;
  const extent: Fact = {
    label: t("common:personal.calendar"),
    value: t("common:personal.calendarValue", {
      count: schedule.cycles.length,
      from: fmt.longDate(first.startDate),
      to: fmt.longDate(last.endDate),
    }),
  };
  return { dose, extent, calendar: buildCalendar(schedule, regimen, words, weekOptions), visits: null };
}

/** "4 mg", "1,3 mg/m²", or "40 mg, or 20 mg if you are older than 75" when the age is not known. */
export function doseText(dose: ScheduledDose, { t, fmt }: Words): string {
  const amount = (value: number) => t("common:dose.amount", { amount: fmt.number(value), unit: dose.unit });
  if (!dose.ifOlderThan) return amount(dose.amount);
  return t("common:dose.ifOlderThan", {
    standard: amount(dose.amount),
    reduced: amount(dose.ifOlderThan.amount),
    age: fmt.number(dose.ifOlderThan.age),
  });
}

function buildCalendar(schedule: Schedule, regimen: CycleRegimen, words: Words, weekOptions: WeekOptions) {
  const { t, fmt } = words;
  const firstDay = weekOptions.firstDayOfWeek ?? localeFirstDay(fmt.locale);
  const weekdays = [fmt.locale, ...(weekOptions.secondIntlLocale ? [weekOptions.secondIntlLocale] : [])].map((locale) =>
    weekdayNames(locale, firstDay),
  );
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

  // The cells repeat a handful of texts (day numbers, symbols, doses) hundreds of times: each is worded once.
  const worded = new Map<string, string>();
  const cellText = (key: string, word: () => string): string => {
    let text = worded.get(key);
    if (text === undefined) {
      text = word();
      worded.set(key, text);
    }
    return text;
  };

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
      isoDate: day.date,
      label: cellText(`day\0${day.cycleDay}`, () => t("common:calendar.day", { day: fmt.number(day.cycleDay) })),
      date: fmt.shortDate(day.date),
      rest: day.rest ? cellText("rest", () => t("common:calendar.restCell")) : null,
      doses: day.doses.map((dose) => ({
        symbol: cellText(`symbol\0${dose.drug}`, () => t(`common:symbols.${dose.drug}`)),
        text: dose.ifOlderThan
          ? cellText("seeKey", () => t("common:calendar.seeKey"))
          : cellText(`dose\0${dose.amount}\0${dose.unit}`, () => doseText(dose, words)),
      })),
    }));
    return {
      title: t("common:calendar.cycle", {
        number: fmt.number(cycle.number),
        from: fmt.longDate(cycle.startDate),
        to: fmt.longDate(cycle.endDate),
      }),
      continued: t("common:calendar.continued", { number: fmt.number(cycle.number) }),
      lines,
      weeks: intoWeeks(cells, (cell) => cell.isoDate, firstDay).map((days) => {
        const inCycle = days.filter((d) => d !== null);
        const from = inCycle[0]?.date ?? "";
        const to = inCycle.at(-1)?.date ?? "";
        return { heading: from === to ? from : t("common:calendar.range", { from, to }), days };
      }),
    };
  });
  return { legend, weekdays, cycles };
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
