// What a locale file must carry besides its text: the language's settings (common.json) and, for a
// medicine's text, the provenance of every section (source, version, own wording or our translation).
import { z } from "zod";

const review = z.union([
  z.literal("unreviewed"),
  z.strictObject({ reviewer: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
]);

/** A file translated here: from which language's files, and whether a pharmacist has reviewed it. */
const translationSchema = z.strictObject({ from: z.string().regex(/^[a-z]{2}$/), review });

export const commonMetaSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2}$/),
  /** The language's own name, e.g. "Nederlands". */
  name: z.string().min(1),
  /** The BCP 47 locale used for dates and numbers, e.g. "en-GB". */
  intlLocale: z.string().min(2),
  direction: z.enum(["ltr", "rtl"]),
  translation: translationSchema.optional(),
});

const sourceSchema = z.strictObject({
  title: z.string().min(1),
  /** A few words for the footer of every page, e.g. "EMA summary Imnovid (04-2019)". */
  short: z.string().min(1).max(60),
  publisher: z.string().min(1),
  version: z.string().min(1),
  language: z.string().regex(/^[a-z]{2}$/),
  url: z.string().url().optional(),
});

export const drugMetaSchema = z.strictObject({
  drug: z.string().min(1),
  language: z.string().regex(/^[a-z]{2}$/),
  sources: z.record(z.string(), sourceSchema).refine((s) => Object.keys(s).length > 0, "name at least one source"),
  translation: translationSchema.optional(),
});

export const provenanceSchema = z.strictObject({
  sources: z.array(z.string()).min(1),
  /** "source": the source's own words in this language (possibly shortened); "translation": translated here;
   * "paraphrase": our own plain words for what the source says (e.g. the package leaflets' safety rules). */
  wording: z.enum(["source", "translation", "paraphrase"]),
  review,
});

export type CommonMeta = z.infer<typeof commonMetaSchema>;
export type DrugMeta = z.infer<typeof drugMetaSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type SourceInfo = z.infer<typeof sourceSchema>;
