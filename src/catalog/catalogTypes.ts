// Everything the project ships that an order can refer to: medicines, regimens, brands, languages, fonts.

import type { Regimen } from "../regimen/regimenTypes.ts";
import type { Brand } from "./loadBrand.ts";
import type { Drug } from "./loadDrug.ts";
import type { LocaleBundle } from "./loadLocales.ts";

export interface Catalog {
  /** The project folder that holds templates/ and locales/. */
  root: string;
  drugs: Map<string, Drug>;
  regimens: Map<string, Regimen>;
  brands: Map<string, Brand>;
  locales: Map<string, LocaleBundle>;
  /** Whether every embedded font face can draw this character. */
  canPrint(char: string): boolean;
}
