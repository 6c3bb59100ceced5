// The brand's review policy: with `requireReview: true` a leaflet or card whose text has a section not
// signed off by a pharmacist is refused (generate, batch and the web page alike), naming language,
// medicine and sections. Without it the leaflet prints with the unreviewed notice.
import type { Brand } from "../catalog/loadBrand.ts";
import type { FieldProblem } from "../core/errors.ts";
import type { LeafletReview } from "./leafletReview.ts";
import type { SectionStatus } from "./reviewStatus.ts";

/** The problems that refuse the order under the brand's policy (none when the brand does not require review). */
export function reviewPolicyProblems(brand: Brand, drug: string, review: LeafletReview): FieldProblem[] {
  if (!brand.requireReview || review.open.length === 0) return [];
  const byLanguage = new Map<string, SectionStatus[]>();
  for (const s of review.open) byLanguage.set(s.language, [...(byLanguage.get(s.language) ?? []), s]);
  return [...byLanguage].map(([language, open]) => ({
    field: "language",
    message: `${drug} in ${language} has sections a pharmacist has not approved (${open
      .map((s) => `${s.section}: ${s.state}`)
      .join(
        ", ",
      )}), and the brand "${brand.id}" requires review; see \`leaflets review status --lang ${language} --drug ${drug}\``,
  }));
}
