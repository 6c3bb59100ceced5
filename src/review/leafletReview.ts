// What a leaflet says about its review, worked out from the review records: whether every section is
// signed off (then who checked it, each reviewer once, and no unreviewed notice), which sections are not,
// the source versions people recorded, the content version, issue date and "review by" date.

import type { Catalog } from "../catalog/catalogTypes.ts";
import type { Brand } from "../catalog/loadBrand.ts";
import { addMonths, type IsoDate } from "../core/dates.ts";
import { contentSha256, contentVersionLabel } from "./contentVersion.ts";
import type { SectionDecision } from "./reviewRecords.ts";
import { isSignedOff, ledgerFor, reviewStatus, type SectionStatus } from "./reviewStatus.ts";

export const DEFAULT_REVIEW_INTERVAL_YEARS = 2;

export interface LeafletReview {
  /** Every section of the leaflet's languages (the patient's first, then a second language's). */
  sections: SectionStatus[];
  /** The sections not signed off (unreviewed, rejected or stale). */
  open: SectionStatus[];
  /** Each reviewer once (name and role), with the day of their newest approval, newest first. */
  reviewers: { by: string; role: SectionDecision["role"]; date: string }[];
  /** Source id → version as a person recorded it (`leaflets review source`). */
  sourceVersions: Map<string, string>;
  contentSha256: string;
  contentVersion: string;
  issued: IsoDate;
  reviewBy: IsoDate;
}

export interface LeafletReviewInput {
  languages: string[];
  drug: string;
  regimen: string;
  brand: Brand;
  /** The leaflet's issue date: the order's fixed date (the PDF's creation date), never the clock. */
  issued: IsoDate;
}

export function leafletReview(catalog: Catalog, input: LeafletReviewInput): LeafletReview {
  const ledger = ledgerFor(catalog);
  const sections = input.languages.flatMap((language) => reviewStatus(catalog, language, input.drug, ledger));
  const open = sections.filter((s) => !isSignedOff(s));
  const approvals = sections.flatMap((s) => (s.state === "approved" && s.decision ? [s.decision] : []));
  const reviewers = new Map<string, { by: string; role: SectionDecision["role"]; date: string }>();
  for (const d of approvals) {
    const key = `${d.by}\0${d.role}`;
    const known = reviewers.get(key);
    if (!known || known.date < d.date) reviewers.set(key, { by: d.by, role: d.role, date: d.date });
  }
  const newest = approvals
    .map((d) => d.date)
    .sort()
    .at(-1);
  const sha = contentSha256(catalog, input);
  const years = input.brand.reviewIntervalYears ?? DEFAULT_REVIEW_INTERVAL_YEARS;
  return {
    sections,
    open,
    reviewers: [...reviewers.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    sourceVersions: new Map([...ledger.sources].map(([id, record]) => [id, record.version])),
    contentSha256: sha,
    contentVersion: contentVersionLabel(newest, sha),
    issued: input.issued,
    reviewBy: addMonths(input.issued, 12 * years),
  };
}
