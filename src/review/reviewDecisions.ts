// Recording decisions: approve or reject sections of a medicine's text in a language, and record the
// version of a source as a named person checked it. Every name is checked against the catalog (the
// known ones are listed when it is not), and an approval the validator objects to needs an override.
import type { Catalog } from "../catalog/catalogTypes.ts";
import { parseIsoDate } from "../core/dates.ts";
import { ReviewInputError, ReviewRefusedError } from "../core/errors.ts";
import {
  appendSectionDecision,
  appendSourceVersion,
  type ReviewRole,
  ROLES,
  reviewerName,
  type SectionDecision,
  type SourceVersion,
} from "./reviewRecords.ts";
import { ledgerFor, reviewStatus, type SectionStatus } from "./reviewStatus.ts";
import { sectionFindings } from "./sectionFindings.ts";

export interface Reviewer {
  by: string;
  role?: string;
  /** YYYY-MM-DD: the day of the decision (the command line's --date, or today). */
  date: string;
}

export interface DecisionInput extends Reviewer {
  language: string;
  drug: string;
  /** One section; none: every section not yet approved (approve only). */
  section?: string;
  note?: string;
  override?: string;
}

/** The languages and medicines a review can name, checked, with the known ones listed when wrong. */
export function checkTarget(catalog: Catalog, language: string | undefined, drug: string | undefined): void {
  if (language !== undefined && !catalog.locales.has(language)) {
    throw new ReviewInputError(`unknown language "${language}"; known: ${[...catalog.locales.keys()].join(", ")}`);
  }
  if (drug !== undefined && !catalog.drugs.has(drug)) {
    throw new ReviewInputError(`unknown medicine "${drug}"; known: ${[...catalog.drugs.keys()].join(", ")}`);
  }
}

/** The sections named (or all), each with its state; an unknown section is refused with the known ones. */
export function selectSections(catalog: Catalog, language: string, drug: string, section?: string): SectionStatus[] {
  checkTarget(catalog, language, drug);
  const all = reviewStatus(catalog, language, drug);
  if (section === undefined) return all;
  const found = all.filter((s) => s.section === section);
  if (found.length === 0) {
    throw new ReviewInputError(
      `unknown section "${section}" of ${drug} in ${language}; known: ${all.map((s) => s.section).join(", ")}`,
    );
  }
  return found;
}

export function approve(catalog: Catalog, input: DecisionInput): SectionDecision[] {
  const who = checkReviewer(input);
  const selected = selectSections(catalog, input.language, input.drug, input.section);
  const targets = input.section === undefined ? selected.filter((s) => s.state !== "approved") : selected;
  const override = input.override?.trim() || undefined;
  const findings = sectionFindings(catalog, targets);
  if (findings.length > 0 && !override) {
    throw new ReviewRefusedError(
      `Not approved: the validator finds ${findings.length} difference${findings.length === 1 ? "" : "s"} with the source in ${input.drug} (${input.language}):`,
      findings,
    );
  }
  return targets.map((s) =>
    record(catalog, s, "approved", who, input.note ?? "", findings.length > 0 ? override : undefined),
  );
}

export function reject(catalog: Catalog, input: DecisionInput): SectionDecision[] {
  const who = checkReviewer(input);
  if (input.section === undefined) throw new ReviewInputError("name the section to reject (--section)");
  const note = input.note?.trim() ?? "";
  if (note === "") throw new ReviewInputError("a rejection needs a note saying what is wrong (--note)");
  return selectSections(catalog, input.language, input.drug, input.section).map((s) =>
    record(catalog, s, "rejected", who, note, undefined),
  );
}

/** Every source id any medicine's text names (in any language). */
export function knownSources(catalog: Catalog): string[] {
  const ids = new Set<string>();
  for (const bundle of catalog.locales.values())
    for (const meta of Object.values(bundle.drugMeta)) for (const id of Object.keys(meta.sources)) ids.add(id);
  return [...ids].sort();
}

export function recordSourceVersion(
  catalog: Catalog,
  input: Reviewer & { source: string; version: string },
): SourceVersion {
  const who = checkReviewer(input);
  const known = knownSources(catalog);
  if (!known.includes(input.source)) {
    throw new ReviewInputError(`unknown source "${input.source}"; known: ${known.join(", ")}`);
  }
  const version = input.version.trim();
  if (version === "" || version.length > 120 || /[\p{Cc}]/u.test(version)) {
    throw new ReviewInputError("the version must be 1–120 printable characters, as the source states it");
  }
  const record: SourceVersion = { kind: "source", source: input.source, version, ...who };
  appendSourceVersion(catalog.root, record);
  return record;
}

function checkReviewer(input: Reviewer): { by: string; role: ReviewRole; date: string } {
  const name = reviewerName.safeParse(input.by ?? "");
  if (!name.success) throw new ReviewInputError(`the reviewer's name (--by) ${name.error.issues[0]?.message}`);
  const role = (input.role ?? "pharmacist") as ReviewRole;
  if (!ROLES.includes(role)) throw new ReviewInputError(`unknown role "${input.role}"; known: ${ROLES.join(", ")}`);
  if (!parseIsoDate(input.date)) throw new ReviewInputError(`the date must be YYYY-MM-DD (a real day)`);
  return { by: name.data, role, date: input.date };
}

function record(
  catalog: Catalog,
  status: SectionStatus,
  decision: SectionDecision["decision"],
  who: { by: string; role: ReviewRole; date: string },
  note: string,
  override: string | undefined,
): SectionDecision {
  const entry: SectionDecision = {
    kind: "section",
    decision,
    language: status.language,
    namespace: status.namespace,
    section: status.section,
    ...who,
    note,
    ...(override ? { override } : {}),
    textSha256: status.textSha256,
    sourceLanguage: status.sourceLanguage,
    sourceSha256: status.sourceSha256,
  };
  appendSectionDecision(catalog.root, entry);
  ledgerFor(catalog);
  return entry;
}
