// Calendar dates without time zones: ISO `YYYY-MM-DD` strings, checked and shifted by whole days in UTC.
// Pure functions only; nothing here reads the clock.

export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The date if `text` is written `YYYY-MM-DD` and exists on the calendar (no 2026-02-30), else undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return text as IsoDate;
}

/** Whether `text` is written `YYYY-MM-DD` at all (whether or not such a day exists). */
export function looksLikeIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(toUtcMs(date) + days * DAY_MS));
}

/** The same day `months` calendar months later; a day the month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return toIsoDate(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/** Age in completed years on `onDate` of someone born on `birthDate`. */
export function ageInYears(birthDate: IsoDate, onDate: IsoDate): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Milliseconds since the epoch at midnight UTC of `date`. */
export function toUtcMs(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** A JavaScript Date at midnight UTC of `date` (for Intl formatting with timeZone UTC). */
export function toUtcDate(date: IsoDate): Date {
  return new Date(toUtcMs(date));
}

function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10) as IsoDate;
}

/** A day of the week as ISO 8601 numbers it: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
