// One language's text as a strict lookup: i18next with no fallback language, so a key missing in the
// requested language refuses the document instead of printing another language's sentence.
import i18next from "i18next";
import { MissingTranslationError } from "../errors.ts";
import type { LocaleBundle } from "./loadLocales.ts";

export type Translate = (key: string, values?: Record<string, unknown>) => string;

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
    // The template escapes everything it prints, once; i18next must not escape a second time.
    interpolation: { escapeValue: false, skipOnVariables: true },
  });
  return (key, values) => {
    const exists = i18n.exists(key, values);
    const text: unknown = exists ? i18n.t(key, values as never) : undefined;
    if (typeof text !== "string" || text.trim() === "") throw new MissingTranslationError(bundle.language, key);
    return text;
  };
}
