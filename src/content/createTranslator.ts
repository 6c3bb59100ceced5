// One language's text as a strict lookup: i18next with no fallback language, so a key missing in the
// requested language refuses the document instead of printing another language's sentence.
import i18next from "i18next";
import { firstStrongDirection, isolated } from "../bidi.ts";
import { MissingTranslationError } from "../errors.ts";
import type { LocaleBundle } from "./loadLocales.ts";

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A value in an isolate of its own direction (that of its first strong letter): react-pdf's text
 * layout takes explicit isolates, not first-strong ones (U+2068). */
function isolateValue(value: unknown): string {
  const text = String(value);
  return isolated(text, firstStrongDirection(text));
}

export function createTranslator(bundle: LocaleBundle, defaultNamespace: string): Translate {
  const i18n = i18next.createInstance();
  i18n.init({
    lng: bundle.language,
    fallbackLng: false,
    resources: { [bundle.language]: bundle.namespaces },
    ns: Object.keys(bundle.namespaces),
    defaultNS: defaultNamespace,
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
    returnObjects: false,
    // The template escapes everything it prints, once; i18next must not escape a second time. In a
    // right-to-left language each value is set apart in an isolate of its own direction, so a
    // Latin drug name, a dose or a date list keeps its own order and does not pull neighbouring digits
    // into it: "‏Dexamethasone 40 mg: 1 ديسمبر" would otherwise read "1" with the dose (UAX #9).
    interpolation:
      bundle.meta.direction === "rtl"
        ? { escapeValue: true, escape: isolateValue, skipOnVariables: true }
        : { escapeValue: false, skipOnVariables: true },
  });
  return (key, values) => {
    const exists = i18n.exists(key, values);
    const text: unknown = exists ? i18n.t(key, values as never) : undefined;
    if (typeof text !== "string" || text.trim() === "") throw new MissingTranslationError(bundle.language, key);
    return text;
  };
}
