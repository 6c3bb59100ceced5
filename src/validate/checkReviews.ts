// Review checks for `leaflets validate`: unreadable review records, and stale reviews (approved, but the
// text or its source changed since), each named with the locale file and key. Stale reviews are problems
// when a brand requires review, warnings otherwise.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { ConfigProblem } from "../core/configProblem.ts";
import { sectionFile } from "../review/reviewSections.ts";
import { ledgerFor, reviewStatus } from "../review/reviewStatus.ts";

export function checkReviews(catalog: Catalog): { problems: ConfigProblem[]; warnings: ConfigProblem[] } {
  const ledger = ledgerFor(catalog);
  const stale: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const language of catalog.locales.keys()) {
    for (const drug of catalog.drugs.keys()) {
      for (const s of reviewStatus(catalog, language, drug, ledger)) {
        const id = `${language}\0${s.namespace}\0${s.section}`;
        if (s.state !== "stale" || seen.has(id)) continue;
        seen.add(id);
        const what = s.changed
          ?.map((c) => (c === "text" ? "the text" : `its ${s.sourceLanguage} source`))
          .join(" and ");
        stale.push({
          file: sectionFile(language, s),
          key: s.keyPrefix || "(whole file)",
          message: `stale review: approved by ${s.decision?.by} on ${s.decision?.date}, but ${what} changed since; review it again (\`leaflets review show --lang ${language} --drug ${drug} --section ${s.section}\`)`,
        });
      }
    }
  }
  const strict = [...catalog.brands.values()].some((b) => b.requireReview);
  return { problems: [...ledger.problems, ...(strict ? stale : [])], warnings: strict ? [] : stale };
}
