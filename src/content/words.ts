// Small wording helpers shared by the model builders: one language's lookup and formatters together.
import type { Translate } from "./createTranslator.ts";
import type { Formatters } from "./formatters.ts";

export interface Words {
  t: Translate;
  fmt: Formatters;
}

/** A label and its value, as printed in the personal block. */
export interface Fact {
  label: string;
  value: string;
}

/** The first letter in upper case, as the language does it (Turkish i → İ). */
export function sentenceCase(text: string, { fmt }: Words): string {
  return text.charAt(0).toLocaleUpperCase(fmt.locale) + text.slice(1);
}

/** A medicine's name in the language (common:drugs.<id>). */
export function drugName(drug: string, t: Translate): string {
  return t(`common:drugs.${drug}`);
}
