// The translation validator's findings for one section: what `leaflets validate` says about its keys
// (numbers, units or placeholders that differ from the source, markup, unprintable characters).
import type { Catalog } from "../catalog/catalogTypes.ts";
import { checkLocaleTexts } from "../catalog/checkLocaleTexts.ts";
import type { ConfigProblem } from "../core/configProblem.ts";
import { sectionFile } from "./reviewSections.ts";
import type { SectionStatus } from "./reviewStatus.ts";

/** Every finding of the validator on the sections' keys. */
export function sectionFindings(catalog: Catalog, sections: SectionStatus[]): ConfigProblem[] {
  if (sections.length === 0) return [];
  const all = checkLocaleTexts(catalog);
  return all.filter((problem) =>
    sections.some(
      (s) =>
        problem.file === sectionFile(s.language, s) &&
        (s.keyPrefix === "" || problem.key === s.keyPrefix || problem.key.startsWith(`${s.keyPrefix}.`)),
    ),
  );
}
