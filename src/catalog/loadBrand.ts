// Reads one brand (templates/brands/<name>/brand.yaml + its logo): the hospital's name, colours and numbers.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type ConfigProblem, problemsFromZod } from "../core/configProblem.ts";
import type { IsoWeekday } from "../core/dates.ts";
import { phoneNumber } from "../core/phoneNumber.ts";
import { loadLogo } from "./logoImages.ts";

const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const FIRST_DAY = "write the first day of the week as 1 (Monday) to 7 (Sunday), or its name, e.g. monday";

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'write a colour as "#RRGGBB"');

const brandSchema = z.strictObject({
  name: z.string().min(1).max(80),
  language: z.string().regex(/^[a-z]{2}$/, "write the hospital's language as a two-letter code, e.g. nl"),
  logo: z.string().regex(/\.(png|jpe?g)$/i, "the logo must be a PNG or JPEG file beside brand.yaml"),
  colours: z.strictObject({
    primary: colour.describe("header band, headings, rules"),
    onPrimary: colour.describe("text on the primary colour"),
    accent: colour.describe("light background of boxes"),
    text: colour.describe("body text"),
  }),
  phones: z.strictObject({ nurseLine: phoneNumber, emergency: phoneNumber }),
  /** The patient's calendar file (.ics): whether it carries the patient number (never the name). Default: no. */
  calendar: z.strictObject({ includePatientId: z.boolean() }).optional(),
  /** Refuse to print any section a pharmacist has not approved (src/review/); default false: print with the notice. */
  requireReview: z.boolean().optional(),
  /** Years from a leaflet's issue date to its "review by" date (default 2). */
  reviewIntervalYears: z.number().int().min(1).max(10).optional(),
  /** The calendar's first column, for a hospital whose country starts the week otherwise than the leaflet's
   * language does: 1 = Monday … 7 = Sunday, or the day's English name. Default: the language's own. */
  firstDayOfWeek: z
    .union([z.number().int(FIRST_DAY).min(1, FIRST_DAY).max(7, FIRST_DAY), z.enum(WEEKDAY_NAMES, FIRST_DAY)], FIRST_DAY)
    .transform((day) => (typeof day === "number" ? day : WEEKDAY_NAMES.indexOf(day) + 1) as IsoWeekday)
    .optional(),
});

export type BrandData = z.output<typeof brandSchema>;

export interface Brand extends BrandData {
  id: string;
  /** Absolute path of the logo image. */
  logoPath: string;
}

export function loadBrand(brandsDir: string, id: string): { brand?: Brand; problems: ConfigProblem[] } {
  const file = `templates/brands/${id}/brand.yaml`;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(brandsDir, id, "brand.yaml"), "utf8"));
  } catch (error) {
    return { problems: [{ file, key: "", message: `not readable YAML: ${(error as Error).message}` }] };
  }
  const parsed = brandSchema.safeParse(raw);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error) };
  const logoPath = join(brandsDir, id, parsed.data.logo);
  if (!existsSync(logoPath)) {
    return { problems: [{ file, key: "logo", message: `the logo file ${parsed.data.logo} is missing` }] };
  }
  const logoProblem = loadLogo(logoPath);
  if (logoProblem) {
    return {
      problems: [{ file, key: "logo", message: `the logo file ${parsed.data.logo} cannot be used: ${logoProblem}` }],
    };
  }
  return { brand: { ...parsed.data, id, logoPath }, problems: [] };
}
