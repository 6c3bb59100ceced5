// Reads templates/fhir/mapping.yaml: which FHIR codes, protocol URLs and identifier system mean which
// medicine, regimen and patient number. Data a hospital edits; `leaflets validate` reports every problem
// (file and key), including a medicine or regimen the catalog does not know.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { declaredOrderFields } from "../catalog/catalogOrderFields.ts";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { type ConfigProblem, problemsFromZod } from "../core/configProblem.ts";
import { ConfigError } from "../core/errors.ts";

export const MAPPING_FILE = "templates/fhir/mapping.yaml";

const codingRule = z.strictObject({ system: z.string().min(1), code: z.string().min(1) });
const telecomRule = z.strictObject({
  use: z.enum(["home", "work", "temp", "old", "mobile"]),
  rank: z.number().int().min(1).optional(),
});

const mappingSchema = z.strictObject({
  medicines: z.array(z.strictObject({ drug: z.string().min(1), codes: z.array(codingRule).min(1) })).min(1),
  regimens: z.array(
    z
      .strictObject({
        regimen: z.string().min(1),
        endsWith: z.string().min(1).optional(),
        canonical: z.string().min(1).optional(),
      })
      .refine((r) => (r.endsWith === undefined) !== (r.canonical === undefined), "give either endsWith or canonical"),
  ),
  patientIdentifierSystem: z.string().min(1),
  authoredOnMayStandInForStart: z.boolean(),
  cycles: z.enum(["repeatsPlusOne", "repeats", "none"]),
  pppObservation: z
    .strictObject({
      code: codingRule,
      /** Observation code → pppCategory, a category the medicine's drug file lists (checked against the catalog). */
      values: z.record(z.string().min(1), z.string().min(1)),
    })
    .optional(),
  contacts: z.strictObject({ nurseLine: telecomRule.optional(), emergency: telecomRule.optional() }).optional(),
});

export type FhirMapping = z.infer<typeof mappingSchema>;

export function loadFhirMapping(catalog: Catalog): { mapping?: FhirMapping; problems: ConfigProblem[] } {
  const path = join(catalog.root, MAPPING_FILE);
  if (!existsSync(path)) return { problems: [{ file: MAPPING_FILE, key: "", message: "the file is missing" }] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    return { problems: [{ file: MAPPING_FILE, key: "", message: `not readable YAML: ${(error as Error).message}` }] };
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) return { problems: problemsFromZod(MAPPING_FILE, parsed.error) };
  const mapping = parsed.data;
  const problems: ConfigProblem[] = [];
  const seenCodes = new Map<string, string>();
  for (const [i, medicine] of mapping.medicines.entries()) {
    if (!catalog.drugs.has(medicine.drug)) {
      problems.push({
        file: MAPPING_FILE,
        key: `medicines.${i}.drug`,
        message: `no medicine "${medicine.drug}" in templates/drugs/`,
      });
    }
    for (const [j, code] of medicine.codes.entries()) {
      const key = `${code.system}|${code.code}`;
      const other = seenCodes.get(key);
      if (other !== undefined && other !== medicine.drug) {
        problems.push({
          file: MAPPING_FILE,
          key: `medicines.${i}.codes.${j}`,
          message: `${code.code} already names ${other}; one code must name one medicine`,
        });
      }
      seenCodes.set(key, medicine.drug);
    }
  }
  const ppp = declaredOrderFields(catalog).get("pppCategory");
  const categories = ppp?.type === "choice" ? ppp.values : [];
  for (const [code, category] of Object.entries(mapping.pppObservation?.values ?? {})) {
    if (!categories.includes(category)) {
      problems.push({
        file: MAPPING_FILE,
        key: `pppObservation.values.${code}`,
        message: categories.length
          ? `use ${categories.join(", ")}`
          : "no medicine declares the order field pppCategory",
      });
    }
  }
  for (const [i, rule] of mapping.regimens.entries()) {
    if (!catalog.regimens.has(rule.regimen)) {
      problems.push({
        file: MAPPING_FILE,
        key: `regimens.${i}.regimen`,
        message: `no regimen "${rule.regimen}" in templates/regimens/`,
      });
    }
  }
  return problems.length > 0 ? { problems } : { mapping, problems };
}

export function loadFhirMappingOrThrow(catalog: Catalog): FhirMapping {
  const { mapping, problems } = loadFhirMapping(catalog);
  const first = problems[0];
  if (first || !mapping)
    throw new ConfigError(first?.file ?? MAPPING_FILE, first?.key ?? "", first?.message ?? "unreadable");
  return mapping;
}
