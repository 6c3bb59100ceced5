// Where each day of a cycle sits in a week grid: the week's first day from the locale's own data
// (Intl.Locale week info, CLDR), or the brand's `firstDayOfWeek` for a hospital's country; the columns'
// weekday names as the language writes them. Pure: dates are placed by their own weekday, in UTC.
import { type IsoDate, type IsoWeekday, toUtcDate } from "../core/dates.ts";
import { InternalError } from "../core/errors.ts";

export type { IsoWeekday };

interface WeekInfo {
  firstDay?: number;
}

// Intl's constructors load the locale's data each time: each answer is worked out once per process.
const firstDays = new Map<string, IsoWeekday>();
const names = new Map<string, string[]>();

/** The first day of the week in `intlLocale` (CLDR data via Intl.Locale), or Monday where the runtime has none. */
export function localeFirstDay(intlLocale: string): IsoWeekday {
  let day = firstDays.get(intlLocale);
  if (day === undefined) {
    day = readFirstDay(intlLocale);
    firstDays.set(intlLocale, day);
  }
  return day;
}

function readFirstDay(intlLocale: string): IsoWeekday {
  const locale = new Intl.Locale(intlLocale) as Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };
  // Node 20 has the `weekInfo` getter; newer runtimes have `getWeekInfo()` instead.
  const info = typeof locale.getWeekInfo === "function" ? locale.getWeekInfo() : locale.weekInfo;
  const day = info?.firstDay;
  return typeof day === "number" && day >= 1 && day <= 7 ? (day as IsoWeekday) : 1;
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  const day = toUtcDate(date).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** The column (0 … 6, in reading order) of a weekday in weeks that start on `firstDay`. */
export function weekColumn(weekday: IsoWeekday, firstDay: IsoWeekday): number {
  return (weekday - firstDay + 7) % 7;
}

/** The seven weekdays from `firstDay`, as the language names them in short ("Mon", "ma", "السبت"). */
export function weekdayNames(intlLocale: string, firstDay: IsoWeekday): string[] {
  const key = `${intlLocale}\0${firstDay}`;
  let found = names.get(key);
  if (!found) {
    found = readWeekdayNames(intlLocale, firstDay);
    names.set(key, found);
  }
  return found;
}

function readWeekdayNames(intlLocale: string, firstDay: IsoWeekday): string[] {
  const format = new Intl.DateTimeFormat(intlLocale, { weekday: "short", timeZone: "UTC" });
  // 1 January 2024 was a Monday: day d of that week is ISO weekday d.
  return Array.from({ length: 7 }, (_, i) => {
    const weekday = ((firstDay - 1 + i) % 7) + 1;
    return format.format(new Date(Date.UTC(2024, 0, weekday)));
  });
}

/**
 * Days (in date order) as weeks of seven slots from `firstDay`: each day in its weekday's column, a
 * slot no day of the list falls on left `null` (before the first day, after the last, or a gap).
 */
export function intoWeeks<T>(days: readonly T[], dateOf: (day: T) => IsoDate, firstDay: IsoWeekday): (T | null)[][] {
  const first = days[0];
  if (first === undefined) return [];
  const DAY_MS = 86_400_000;
  const origin = toUtcDate(dateOf(first)).getTime() - weekColumn(isoWeekday(dateOf(first)), firstDay) * DAY_MS;
  const weeks: (T | null)[][] = [];
  for (const day of days) {
    const offset = Math.round((toUtcDate(dateOf(day)).getTime() - origin) / DAY_MS);
    if (offset < 0) throw new InternalError("calendar days out of date order");
    const row = Math.floor(offset / 7);
    while (weeks.length <= row) weeks.push(Array.from({ length: 7 }, () => null));
    const week = weeks[row] as (T | null)[];
    if (week[offset % 7] !== null) throw new InternalError("two calendar days on one date");
    week[offset % 7] = day;
  }
  return weeks;
}
