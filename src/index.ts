// The library's entry point (`import … from "patient-leaflets"`): load the catalog, check an order, plan
// its doses and render its documents. The package ships this compiled (dist/index.js) with its types.
export type { Catalog } from "./catalog/catalogTypes.ts";
export { loadCatalog, loadCatalogOrThrow } from "./catalog/loadCatalog.ts";
export type { ConfigProblem } from "./core/configProblem.ts";
export type { ErrorCode, ExitClass, FieldProblem, ProblemDescription } from "./core/errors.ts";
export {
  ConfigError,
  describeProblem,
  ERROR_CODES,
  InternalError,
  LeafletError,
  OrderRefusedError,
  OutputError,
} from "./core/errors.ts";
export type { Order, PaperSize, PppCategory } from "./order/orderTypes.ts";
export { type OrderValidation, validateOrder } from "./order/validateOrder.ts";
export {
  DOCUMENT_KINDS,
  type DocumentKind,
  type GeneratedDocument,
  type GenerateOptions,
  generateDocuments,
} from "./pipeline/generateDocuments.ts";
export { buildSchedule, type ScheduleRequest } from "./regimen/buildSchedule.ts";
export type { Regimen, Schedule, ScheduleDay, ScheduledCycle, ScheduledDose } from "./regimen/regimenTypes.ts";
