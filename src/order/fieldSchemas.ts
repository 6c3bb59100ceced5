// The shape of each of every order's own fields, with messages that say what is wrong and how to write it
// (a medicine's own fields, e.g. doseMg or pppCategory, are declared in its drug file: declaredFieldSchema.ts).
// Rules that need the catalog or other fields live in validateOrder.ts. Messages never repeat the value
// given: a date of birth or a name must not end up in a terminal or a log.
import { z } from "zod";
import { looksLikeIsoDate, parseIsoDate } from "../core/dates.ts";
import { describeCharacters } from "../core/describeCharacters.ts";
import { phoneNumber } from "../core/phoneNumber.ts";

export const MAX_NAME_LENGTH = 100;

/** Dates outside these years are refused on their field: fixed, never relative to today's date. */
export const DATE_WINDOWS = {
  startDate: { from: 2000, to: 2099 },
  dateOfBirth: { from: 1900, to: 2099 },
} as const;

const isoDate = ({ from, to }: { from: number; to: number }) =>
  z.string({ error: "must be a date written as text, YYYY-MM-DD" }).superRefine((value, ctx) => {
    if (!looksLikeIsoDate(value)) {
      ctx.addIssue({
        code: "custom",
        message: "must be written YYYY-MM-DD, e.g. 2026-12-01 (day-month-year is refused, never guessed)",
      });
    } else if (!parseIsoDate(value)) {
      ctx.addIssue({ code: "custom", message: "is not a date on the calendar (check the day and the month)" });
    } else {
      const year = Number(value.slice(0, 4));
      if (year < from || year > to) {
        ctx.addIssue({ code: "custom", message: `must be a date from ${from}-01-01 to ${to}-12-31` });
      }
    }
  });

/** Characters a name must not hold: line breaks, control, bidirectional and zero-width characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const text = (what: string) => z.string({ error: `must be ${what} written as text` });

export const fieldSchemas = {
  patientId: text("the patient id").regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit (it names the output folder), e.g. MRN-001234",
  ),
  name: text("the patient's name")
    .trim()
    .min(1, "is empty")
    .max(MAX_NAME_LENGTH, `is longer than ${MAX_NAME_LENGTH} characters`)
    .superRefine((value, ctx) => {
      const invisible = value.match(INVISIBLE);
      if (invisible) {
        ctx.addIssue({
          code: "custom",
          message: `contains ${describeCharacters(invisible)}; names are printed as typed, so invisible or direction-changing characters are refused (remove them)`,
        });
      }
    }),
  drug: text("a medicine id"),
  regimen: text("a regimen id"),
  startDate: isoDate(DATE_WINDOWS.startDate),
  language: text("a language code"),
  secondLanguage: text("a language code"),
  dateOfBirth: isoDate(DATE_WINDOWS.dateOfBirth),
  brand: text("a brand name"),
  largePrint: z.preprocess(
    (value) => (value === "true" || value === "yes" ? true : value === "false" || value === "no" ? false : value),
    z.boolean({ error: "must be true or false" }),
  ),
  contact: z.strictObject(
    { nurseLine: phoneNumber.optional(), emergency: phoneNumber.optional() },
    { error: "must be an object with nurseLine and/or emergency" },
  ),
} as const;

export type OrderField = keyof typeof fieldSchemas;

export const REQUIRED_FIELDS: OrderField[] = ["patientId", "name", "drug", "regimen", "startDate", "language"];
