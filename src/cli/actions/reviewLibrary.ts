// What `leaflets review` works with (the catalog and the review library), in one module that the review
// commands load when they run, so that the CLI's start (`leaflets --help`) does not.
export { loadCatalogOrThrow } from "../../catalog/loadCatalog.ts";
export { approve, checkTarget, recordSourceVersion, reject, selectSections } from "../../review/reviewDecisions.ts";
export { reviewStatus } from "../../review/reviewStatus.ts";
export { compareSection } from "../../review/sectionComparison.ts";
