// Reads one medicine's definition (templates/drugs/<id>.yaml): which order fields it needs or refuses,
// and which document templates it has. Adding a medicine is adding such a file, not code.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type ConfigProblem, problemsFromZod } from "../core/configProblem.ts";

/** Order fields whose use depends on the medicine. */
export const DRUG_SPECIFIC_FIELDS = ["doseMg", "cycles", "months", "pppCategory"] as const;
export type DrugSpecificField = (typeof DRUG_SPECIFIC_FIELDS)[number];

const drugSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  brandName: z.string().min(1),
  /** Which medicine-specific order fields this medicine uses; any other one is refused. */
  orderFields: z.partialRecord(z.enum(DRUG_SPECIFIC_FIELDS), z.enum(["required", "optional"])),
  /** Values used when an optional field is left out, e.g. months: 6. */
  defaults: z.partialRecord(z.enum(DRUG_SPECIFIC_FIELDS), z.number()).optional(),
  /** The medicine's public page (EMA), printed on the leaflet with a QR code. */
  publicPage: z.string().regex(/^https:\/\/[^\s]+$/, "give the public page as an https:// address"),
  documents: z.strictObject({
    leaflet: z.string().regex(/\.hbs$/),
    card: z
      .string()
      .regex(/\.hbs$/)
      .optional(),
  }),
});

export type Drug = z.infer<typeof drugSchema>;

export function loadDrug(templatesDir: string, path: string): { drug?: Drug; problems: ConfigProblem[] } {
  const file = `templates/drugs/${basename(path)}`;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    return { problems: [{ file, key: "", message: `not readable YAML: ${(error as Error).message}` }] };
  }
  const parsed = drugSchema.safeParse(raw);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error) };
  const problems: ConfigProblem[] = [];
  if (`${parsed.data.id}.yaml` !== basename(path)) {
    problems.push({ file, key: "id", message: `the id "${parsed.data.id}" must match the file name` });
  }
  for (const [kind, template] of Object.entries(parsed.data.documents)) {
    if (!existsSync(join(templatesDir, template))) {
      problems.push({ file, key: `documents.${kind}`, message: `the template templates/${template} does not exist` });
    }
  }
  return problems.length > 0 ? { problems } : { drug: parsed.data, problems };
}
