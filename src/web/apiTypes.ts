// The shapes the nurses' page and the server exchange as JSON. The page imports these types too, so the
// API has one definition. Nothing here holds patient data except the order the page sends.
import type { FieldProblem } from "../core/errors.ts";

export type { FieldProblem };

/** How a medicine uses an order field that depends on the medicine. */
export type FieldUse = "required" | "optional";

export interface CatalogRegimen {
  id: string;
  /** "cycles" (a dated calendar, dose from the order) or "visits" (a visit plan). */
  plan: { kind: "cycles"; cycleDays: number } | { kind: "visits"; everyDays: number };
  /** The strengths the order may name (doseMg), when the dose comes from the order. */
  doses?: { unit: string; allowed: number[] };
}

/**
 * An order field the medicine declares in its drug file, as the form shows it: `label` and `help` are text
 * keys (the page's own texts, else `labels[lang].texts`), `help` read with `{ max }`.
 */
export interface CatalogField {
  name: string;
  use: FieldUse;
  /** dose: one of the regimen's strengths (CatalogRegimen.doses); count: a whole number 1–max; choice: one of values. */
  type: "dose" | "count" | "choice";
  label: string;
  help?: string;
  max?: number;
  default?: number;
  /** A choice's values, each with the text key of its name. */
  values?: { value: string; name: string }[];
}

export interface CatalogDrug {
  id: string;
  brandName: string;
  /** The medicine's own fields (e.g. doseMg, cycles, pppCategory): required or optional; any other is refused. */
  orderFields: Partial<Record<string, FieldUse>>;
  /** Values of optional fields left out (e.g. months: 6). */
  defaults: Partial<Record<string, number>>;
  /** The same fields described for the form, in the drug file's order. */
  fields: CatalogField[];
  regimens: CatalogRegimen[];
  documents: ("leaflet" | "card")[];
}

export interface CatalogLanguage {
  code: string;
  /** The language's own name for itself ("Nederlands"). */
  name: string;
  printable: boolean;
}

export interface CatalogBrand {
  id: string;
  name: string;
  phones: { nurseLine?: string; emergency?: string };
}

/** Names the project's own locale files give to regimens and PPP categories, per UI language. */
export interface CatalogLabels {
  regimens: Record<string, string>;
  ppp: Record<string, string>;
  /** Text key → text, for the declared fields' label, help and value-name keys the project's locale files hold. */
  texts: Record<string, string>;
}

export interface CatalogResponse {
  drugs: CatalogDrug[];
  languages: CatalogLanguage[];
  brands: CatalogBrand[];
  defaultBrand: string;
  /** The categories of the medicines' programmes (pomalidomide's pregnancy prevention programme). */
  pppCategories: string[];
  paperSizes: string[];
  /** Every field an order may have (JSON keys; CSV headers use the same names). */
  orderFields: string[];
  requiredFields: string[];
  /** maxCycles, maxMonths: the declared `cycles` and `months` fields' maximum (0 when none declares them). */
  limits: { maxCycles: number; maxMonths: number; maxNameLength: number; orderBytes: number; csvBytes: number };
  /** UI language → labels from the project's locale files (where that language has them). */
  labels: Record<string, CatalogLabels>;
  /** The library's own wording for cases the browser keeps from the server (a date input holding no real date). */
  messages: { dateNotOnCalendar: string };
}

export interface ValidateResponse {
  ok: boolean;
  problems: FieldProblem[];
}

/** Every error the API answers with (4xx/5xx), and a refused render (422). */
export interface ErrorResponse {
  ok: false;
  errors: FieldProblem[];
}

export type BatchStatus = "queued" | "running" | "done" | "failed" | "downloaded";

export interface BatchRow {
  row: number;
  patientId: string | null;
  status: "ok" | "failed" | "skipped";
  /** File names inside the results zip (patient folder / file). */
  files: string[];
  errors: FieldProblem[];
}

export interface BatchResponse {
  id: string;
  status: BatchStatus;
  fileName: string;
  progress: { total: number; done: number; ok: number; failed: number; skipped: number; seconds: number };
  /** When done: one entry per row, in input order. */
  rows?: BatchRow[];
  printJobs?: string[];
  /** When the whole input could not be read, or the batch stopped. */
  errors?: FieldProblem[];
  /** Milliseconds since the epoch when the results are deleted unless downloaded first. */
  expiresAt: number;
}

export interface BatchCreatedResponse {
  ok: true;
  id: string;
}
