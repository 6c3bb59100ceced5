// Dates, numbers and lists written the way the leaflet's language writes them (Intl, UTC, no clock).
import { type IsoDate, toUtcDate } from "../core/dates.ts";

export interface Formatters {
  locale: string;
  /** "1 December 2026" / "1 december 2026". */
  longDate(date: IsoDate): string;
  /** "Tuesday 1 December 2026" / "dinsdag 1 december 2026", for appointments. */
  weekdayDate(date: IsoDate): string;
  /** "Tue 1 Dec" / "di 1 dec", for calendar cells. */
  shortDate(date: IsoDate): string;
  /** 1.3 → "1.3" / "1,3". */
  number(value: number): string;
  /** ["a", "b", "c"] → "a, b and c" / "a, b en c". */
  list(items: string[]): string;
}

const made = new Map<string, Formatters>();

/** The formatters for a locale, made once per process: Intl's constructors are slow (each loads the
 * locale's data), the formatters themselves hold no state. */
export function createFormatters(intlLocale: string): Formatters {
  let formatters = made.get(intlLocale);
  if (!formatters) {
    formatters = makeFormatters(intlLocale);
    made.set(intlLocale, formatters);
  }
  return formatters;
}

function makeFormatters(intlLocale: string): Formatters {
  const long = new Intl.DateTimeFormat(intlLocale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(intlLocale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const short = new Intl.DateTimeFormat(intlLocale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const number = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 2 });
  const list = new Intl.ListFormat(intlLocale, { style: "long", type: "conjunction" });
  return {
    locale: intlLocale,
    longDate: (date) => long.format(toUtcDate(date)),
    weekdayDate: (date) => weekday.format(toUtcDate(date)).replace(/,/g, ""),
    shortDate: (date) => short.format(toUtcDate(date)).replace(/,/g, ""),
    number: (value) => number.format(value),
    list: (items) => list.format(items),
  };
}
