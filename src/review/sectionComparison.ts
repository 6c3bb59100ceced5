// A section's source and translation side by side, string by string (the same key in both), for
// `leaflets review show` and the review page; with the section's state and the validator's findings.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { ConfigProblem } from "../core/configProblem.ts";
import { InternalError } from "../core/errors.ts";
import { sectionText } from "./reviewSections.ts";
import { ledgerFor, type SectionStatus, sourceOf } from "./reviewStatus.ts";
import { sectionFindings } from "./sectionFindings.ts";

export interface SectionComparison {
  status: SectionStatus;
  sourceLanguage: string;
  rows: { key: string; source: string | null; text: string | null }[];
  findings: ConfigProblem[];
  /** Every decision on the section, oldest first (the history kept in the review file). */
  history: NonNullable<SectionStatus["decision"]>[];
}

export function compareSection(catalog: Catalog, status: SectionStatus): SectionComparison {
  const bundle = catalog.locales.get(status.language);
  const section = bundle ? sectionText(bundle, status) : undefined;
  if (!bundle || !section) throw new InternalError(`no section ${status.section} in ${status.language}`);
  const source = sourceOf(catalog, bundle, section);
  const keys = [...new Set([...source.strings.keys(), ...section.strings.keys()])];
  return {
    status,
    sourceLanguage: source.language,
    rows: keys.map((key) => ({ key, source: source.strings.get(key) ?? null, text: section.strings.get(key) ?? null })),
    findings: sectionFindings(catalog, [status]),
    history: (ledgerFor(catalog).decisions.get(status.language) ?? []).filter(
      (d) => d.namespace === status.namespace && d.section === status.section,
    ),
  };
}
