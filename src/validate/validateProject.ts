// Everything `leaflets validate` checks: the catalog files, the locale texts against each other, the
// brand colours, the FHIR mapping (templates/fhir/mapping.yaml), and a dry run of every template in every
// language and pregnancy-prevention category.

import { checkLocaleTexts } from "../catalog/checkLocaleTexts.ts";
import { loadCatalog, PROJECT_ROOT } from "../catalog/loadCatalog.ts";
import type { ConfigProblem } from "../core/configProblem.ts";
import { loadFhirMapping } from "../fhir/loadFhirMapping.ts";
import { checkBrandContrast } from "./checkBrandContrast.ts";
import { checkFieldTexts } from "./checkFieldTexts.ts";
import { checkReviews } from "./checkReviews.ts";
import { dryRunTemplates } from "./dryRunTemplates.ts";

/** `warnings`, when given, receives what is reported but does not fail (stale reviews without a review policy). */
export async function validateProject(
  root: string = PROJECT_ROOT,
  warnings?: ConfigProblem[],
): Promise<ConfigProblem[]> {
  const { catalog, problems } = loadCatalog(root);
  problems.push(...checkLocaleTexts(catalog));
  problems.push(...checkFieldTexts(catalog));
  problems.push(...loadFhirMapping(catalog).problems);
  const reviews = checkReviews(catalog);
  problems.push(...reviews.problems);
  warnings?.push(...reviews.warnings);
  for (const brand of catalog.brands.values()) problems.push(...checkBrandContrast(brand));
  // A dry run on a broken catalog would only repeat the problems above in other words.
  if (problems.length === 0) problems.push(...(await dryRunTemplates(catalog)));
  return problems;
}
