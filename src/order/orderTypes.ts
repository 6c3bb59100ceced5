// The order: one patient's request for documents, after validation. Field names are a public interface
// (JSON keys and CSV headers): extend, never rename.
import type { IsoDate } from "../core/dates.ts";

export const PPP_CATEGORIES = ["woman-childbearing", "woman-not-childbearing", "man"] as const;
export type PppCategory = (typeof PPP_CATEGORIES)[number];

export const PAPER_SIZES = ["A4", "Letter"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

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
}
