// The order: one patient's request for documents, after validation. Field names are a public interface
// (JSON keys and CSV headers): extend, never rename.
import type { IsoDate } from "../core/dates.ts";

/** A category of a medicine's programme, as its drug file lists them (pomalidomide: woman-childbearing, …). */
export type PppCategory = string;

export const PAPER_SIZES = ["A4", "Letter"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * doseMg, cycles, months and pppCategory are fields medicines declare in their drug files (their types
 * here are what those declarations give); any other declared field's value is kept under its own name.
 */
export interface Order {
  patientId: string;
  name: string;
  drug: string;
  regimen: string;
  doseMg?: number;
  startDate: IsoDate;
  cycles?: number;
  /** How many months of visits to plan (visit regimens such as Imlygic). */
  months?: number;
  pppCategory?: PppCategory;
  language: string;
  /** The nurse's language for a bilingual leaflet: each section in the patient's language, then this one. */
  secondLanguage?: string;
  dateOfBirth?: IsoDate;
  brand: string;
  /** Large print for partially sighted readers (body text 16 pt or more). */
  largePrint?: boolean;
  contact: { nurseLine?: string; emergency?: string };
  /** A further field the medicine's drug file declares: a number (dose, count) or a choice's value. */
  [declared: string]: unknown;
}
