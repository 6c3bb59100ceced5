// The review's words as the leaflet prints them, in the leaflet's language: "Checked by A. Jansen,
// pharmacist, on 3 December 2026" (each reviewer once), the sections not yet checked, and the content
// version with issue and "review by" dates. Used by the sources page (partial review-status) and the footer.
import type { LocaleBundle } from "../catalog/loadLocales.ts";
import type { IsoDate } from "../core/dates.ts";
import type { LeafletReview } from "../review/leafletReview.ts";
import { COMMON_SECTION } from "../review/reviewSections.ts";
import type { SectionStatus } from "../review/reviewStatus.ts";
import type { Translate } from "./createTranslator.ts";
import { createFormatters } from "./formatters.ts";

export interface ReviewWords {
  /** The footer's review line: the unreviewed notice when a section is open, else who checked it ("" when nobody). */
  reviewFooter: string;
  review: { checkedBy: string; openSections: string; contentVersion: string; issueDates: string } | null;
}

/** What the review's words are made from (a part of the leaflet model's input). */
export interface ReviewWordsInput {
  review?: LeafletReview;
  bundle: LocaleBundle;
  translate: Translate;
}

export function reviewWords(input: ReviewWordsInput, notice: string): ReviewWords {
  const { review, bundle, translate: t } = input;
  if (!review) return { reviewFooter: notice, review: null };
  const fmt = createFormatters(bundle.meta.intlLocale);
  const checkedBy =
    review.open.length === 0 && review.reviewers.length > 0
      ? t("common:review.checkedBy", {
          people: fmt.list(
            review.reviewers.map((r) =>
              t("common:review.person", {
                name: r.by,
                role: t(`common:review.roles.${r.role}`),
                date: fmt.longDate(r.date as IsoDate),
              }),
            ),
          ),
        })
      : "";
  const languageNames = new Intl.DisplayNames(bundle.meta.intlLocale, { type: "language" });
  const openNames = review.open.map((s) => {
    const name = sectionName(s, t);
    return s.language === bundle.language ? name : `${name} (${languageNames.of(s.language) ?? s.language})`;
  });
  return {
    reviewFooter: notice || checkedBy,
    review: {
      checkedBy,
      openSections: openNames.length ? t("common:review.openSections", { sections: openNames.join("; ") }) : "",
      contentVersion: t("common:review.contentVersion", { version: review.contentVersion }),
      issueDates: t("common:review.issueDates", {
        version: review.contentVersion,
        issued: fmt.longDate(review.issued),
        reviewBy: fmt.longDate(review.reviewBy),
      }),
    },
  };
}

function sectionName(status: SectionStatus, t: Translate): string {
  if (status.section === COMMON_SECTION && status.namespace === "common") return t("common:review.commonSection");
  if (status.keyPrefix.startsWith("sections.")) return t(`${status.namespace}:${status.keyPrefix}.title`);
  return t("common:review.documentSection");
}
