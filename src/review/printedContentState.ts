// What a leaflet prints about its content, as one hash: the texts' and templates' hash, the content version,
// who checked it, which sections are open (unreviewed, rejected, stale) and the recorded source versions.
// `batch --resume` reprints a patient's files when this changes (an approval, a rejection, an edited text),
// not only when the order or the options do.
import { createHash } from "node:crypto";
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { Order } from "../order/orderTypes.ts";
import { type LeafletReview, leafletReview } from "./leafletReview.ts";

export function contentStateSha256(review: LeafletReview): string {
  const state = {
    content: review.contentSha256,
    version: review.contentVersion,
    reviewers: review.reviewers,
    open: review.open.map((s) => [s.language, s.drug, s.section, s.state]),
    sources: [...review.sourceVersions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
  return createHash("sha256").update(JSON.stringify(state)).digest("hex");
}

/** The same hash for an order before it is rendered (undefined when the catalog lacks its parts: the render refuses it). */
export function orderContentState(order: Order, catalog: Catalog): string | undefined {
  const brand = catalog.brands.get(order.brand);
  if (!brand || !catalog.drugs.has(order.drug) || !catalog.regimens.has(order.regimen)) return undefined;
  return contentStateSha256(leafletReview(catalog, reviewInput(order, brand)));
}

/** The review input of an order's leaflet (the pipeline's prepare uses the same). */
export function reviewInput(order: Order, brand: Parameters<typeof leafletReview>[1]["brand"]) {
  return {
    languages: [order.language, ...(order.secondLanguage ? [order.secondLanguage] : [])],
    drug: order.drug,
    regimen: order.regimen,
    brand,
    issued: order.startDate,
  };
}
