// One language's text as a strict lookup: i18next with no fallback language, so a key missing in the
// requested language refuses the document instead of printing another language's sentence.
import i18next from "i18next";
import type { LocaleBundle } from "../catalog/loadLocales.ts";
import { firstStrongDirection, isolated } from "../core/bidi.ts";
import { MissingTranslationError } from "../core/errors.ts";

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
  // Every leaflet asks for the same few hundred texts, most without values or with the same ones: each
  // answer is remembered under its key and values (plain values only; bounded, dropped whole when full).
  const answers = new Map<string, string>();
  return (key, values) => {
    const memo = memoKey(key, values);
    const known = memo === undefined ? undefined : answers.get(memo);
    if (known !== undefined) return known;
    const exists = i18n.exists(key, values);
    const text: unknown = exists ? i18n.t(key, values as never) : undefined;
    if (typeof text !== "string" || text.trim() === "") throw new MissingTranslationError(bundle.language, key);
    if (memo !== undefined) {
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(memo, text);
    }
    return text;
  };
}

const MAX_ANSWERS = 5_000;

/** The key an answer is remembered under, or undefined when a value is not a plain string, number or
 * boolean (nothing else is remembered). */
function memoKey(key: string, values: Record<string, unknown> | undefined): string | undefined {
  if (!values) return key;
  let memo = key;
  for (const name of Object.keys(values)) {
    const value = values[name];
    const kind = typeof value;
    if (kind !== "string" && kind !== "number" && kind !== "boolean") return undefined;
    memo += `\u0000${name}\u0000${kind[0]}${String(value)}`;
  }
  return memo;
}
