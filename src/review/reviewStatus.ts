// Where each section of a medicine's text stands in one language: the source's own wording, a translation
// unreviewed, approved (by whom, role, date), rejected (with the note), or stale: approved, but the text
// or the source it was checked against has changed by a character since (the hashes no longer match).
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { LocaleBundle } from "../catalog/loadLocales.ts";
import { hashStrings, type ReviewLedger, readReviewLedger, type SectionDecision } from "./reviewRecords.ts";
import { type SectionText, sectionsOf, sectionText, translatedFrom } from "./reviewSections.ts";

export type ReviewState = "source" | "unreviewed" | "approved" | "rejected" | "stale";

export interface SectionStatus {
  language: string;
  drug: string;
  namespace: string;
  section: string;
  /** Where the section sits in its file ("" for common.json as a whole). */
  keyPrefix: string;
  wording: "source" | "translation";
  state: ReviewState;
  /** The newest decision on the section, whatever it says. */
  decision?: SectionDecision;
  /** For stale: what changed ("text", "source" or both). */
  changed?: ("text" | "source")[];
  /** The language the section is checked against, and the current hashes of both sides. */
  sourceLanguage: string;
  textSha256: string;
  sourceSha256: string;
}

/** The strings a section is checked against: the same section of the file it was translated from, or its own. */
export function sourceOf(
  catalog: Catalog,
  bundle: LocaleBundle,
  section: SectionText,
): {
  language: string;
  strings: Map<string, string>;
} {
  const from = translatedFrom(bundle, section.namespace);
  const fromBundle = from ? catalog.locales.get(from) : undefined;
  const source = fromBundle ? sectionText(fromBundle, section) : undefined;
  return source && from
    ? { language: from, strings: source.strings }
    : { language: bundle.language, strings: section.strings };
}

export function ledgerFor(catalog: Catalog): ReviewLedger {
  return readReviewLedger(catalog.root, catalog.locales.keys());
}

/** Every section of the medicine's text in the language, with its state. */
export function reviewStatus(
  catalog: Catalog,
  language: string,
  drug: string,
  ledger: ReviewLedger = ledgerFor(catalog),
): SectionStatus[] {
  // A catalog's texts do not change once loaded, and a ledger is a new object when a review file changed:
  // the answer is remembered per catalog, language, medicine and ledger (every leaflet asks).
  let known = remembered.get(catalog);
  if (!known) {
    known = new Map();
    remembered.set(catalog, known);
  }
  const key = `${language}\0${drug}`;
  const hit = known.get(key);
  if (hit && hit.ledger === ledger) return hit.statuses;
  const statuses = computeStatus(catalog, language, drug, ledger);
  known.set(key, { ledger, statuses });
  return statuses;
}

const remembered = new WeakMap<Catalog, Map<string, { ledger: ReviewLedger; statuses: SectionStatus[] }>>();

function computeStatus(catalog: Catalog, language: string, drug: string, ledger: ReviewLedger): SectionStatus[] {
  const bundle = catalog.locales.get(language);
  if (!bundle) return [];
  const decisions = ledger.decisions.get(language) ?? [];
  return sectionsOf(bundle, drug).map((section) => {
    const source = sourceOf(catalog, bundle, section);
    const textSha256 = hashStrings(section.strings);
    const sourceSha256 = hashStrings(source.strings);
    const decision = newest(decisions, section.namespace, section.section);
    const base = {
      language,
      drug,
      namespace: section.namespace,
      section: section.section,
      keyPrefix: section.keyPrefix,
      wording: section.wording,
      sourceLanguage: source.language,
      textSha256,
      sourceSha256,
    };
    if (!decision) return { ...base, state: section.wording === "source" ? "source" : "unreviewed" };
    if (decision.decision === "rejected") return { ...base, state: "rejected", decision };
    const changed: ("text" | "source")[] = [];
    if (decision.textSha256 !== textSha256) changed.push("text");
    if (decision.sourceSha256 !== sourceSha256 || decision.sourceLanguage !== source.language) changed.push("source");
    return changed.length ? { ...base, state: "stale", decision, changed } : { ...base, state: "approved", decision };
  });
}

/** A section a leaflet may print without the unreviewed notice: the source's wording, or approved and current. */
export function isSignedOff(status: SectionStatus): boolean {
  return status.state === "source" || status.state === "approved";
}

/** One word for a medicine in a language: "approved" (all signed off, at least one approval), "source"
 * (all the source's wording, nothing to approve), or the worst state among its sections. */
export function overallState(statuses: SectionStatus[]): ReviewState {
  for (const state of ["stale", "rejected", "unreviewed"] as const) {
    if (statuses.some((s) => s.state === state)) return state;
  }
  return statuses.some((s) => s.state === "approved") ? "approved" : "source";
}

function newest(decisions: SectionDecision[], namespace: string, section: string): SectionDecision | undefined {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i] as SectionDecision;
    if (d.namespace === namespace && d.section === section) return d;
  }
  return undefined;
}
