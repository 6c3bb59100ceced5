// Loads everything the project ships (medicines, regimens, brands, languages) and reports every problem
// with its file and key. `generate` refuses to run on a broken catalog; `validate` lists all problems.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConfigProblem } from "../core/configProblem.ts";
import { ConfigError, ProjectNotFoundError } from "../core/errors.ts";
import type { Regimen } from "../regimen/regimenTypes.ts";
import { canPrint } from "../render/text/fonts.ts";
import { declarationConflicts } from "./catalogOrderFields.ts";
import type { Catalog } from "./catalogTypes.ts";
import { type Brand, loadBrand } from "./loadBrand.ts";
import { type Drug, loadDrug } from "./loadDrug.ts";
import { type LocaleBundle, loadLocales } from "./loadLocales.ts";
import { loadRegimen } from "./loadRegimen.ts";
import { preloadTemplates } from "./templateFiles.ts";

/** The project folder this code ships in (holds templates/ and locales/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function loadCatalog(root: string = PROJECT_ROOT): { catalog: Catalog; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (!existsSync(join(root, "locales"))) throw new ProjectNotFoundError(root, "locales/ folder");
  const templates = join(root, "templates");
  const { drugs, problems: drugProblems } = loadDrugs(templates);
  problems.push(...drugProblems);
  const regimens = new Map<string, Regimen>();
  for (const path of yamlFiles(join(templates, "regimens"))) {
    const loaded = loadRegimen(path);
    problems.push(...loaded.problems);
    if (!loaded.regimen) continue;
    regimens.set(loaded.regimen.id, loaded.regimen);
    if (!drugs.has(loaded.regimen.drug)) {
      problems.push({
        file: `templates/regimens/${loaded.regimen.id}.yaml`,
        key: "drug",
        message: `no medicine "${loaded.regimen.drug}" in templates/drugs/`,
      });
    }
  }
  const brands = new Map<string, Brand>();
  const brandsDir = join(templates, "brands");
  for (const id of existsSync(brandsDir) ? readdirSync(brandsDir).sort() : []) {
    const loaded = loadBrand(brandsDir, id);
    problems.push(...loaded.problems);
    if (loaded.brand) brands.set(id, loaded.brand);
  }
  problems.push(...preloadTemplates(templates));
  const { bundles, problems: localeProblems } = loadLocales(join(root, "locales"));
  problems.push(...localeProblems);
  for (const brand of brands.values()) {
    if (!bundles.has(brand.language)) {
      problems.push({
        file: `templates/brands/${brand.id}/brand.yaml`,
        key: "language",
        message: `no locales/${brand.language}/ for the language "${brand.language}"`,
      });
    }
  }
  const catalog: Catalog = { root, drugs, regimens, brands, locales: bundles as Map<string, LocaleBundle>, canPrint };
  return { catalog, problems };
}

/** The medicines of templates/drugs/ alone (what the CSV column check needs, without texts or fonts). */
export function loadDrugs(templates: string): { drugs: Map<string, Drug>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const drugs = new Map<string, Drug>();
  for (const path of yamlFiles(join(templates, "drugs"))) {
    const loaded = loadDrug(templates, path);
    problems.push(...loaded.problems);
    if (loaded.drug) drugs.set(loaded.drug.id, loaded.drug);
  }
  problems.push(...declarationConflicts(drugs));
  return { drugs, problems };
}

/** The catalog, or a ConfigError naming the first problem (the CLI suggests `leaflets validate`). */
export function loadCatalogOrThrow(root?: string): Catalog {
  const { catalog, problems } = loadCatalog(root);
  const first = problems[0];
  if (first) throw new ConfigError(first.file, first.key, first.message);
  return catalog;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => join(dir, name));
}
