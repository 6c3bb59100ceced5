// The review records: append-only JSON Lines files beside the locales, one line per decision, history
// kept (a new decision is a new line; the newest line for a section counts). locales/reviews/<lang>.jsonl
// holds section decisions; locales/reviews/sources.jsonl the versions of sources as a person checked them.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ConfigProblem } from "../core/configProblem.ts";
import { appendLineLocked } from "./appendLineLocked.ts";

export const REVIEWS_DIR = "reviews";
export const SOURCES_FILE = "sources.jsonl";
export const ROLES = ["pharmacist", "physician", "nurse"] as const;
export type ReviewRole = (typeof ROLES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sha = z.string().regex(/^[0-9a-f]{64}$/);
/** 1–100 printable characters (no control characters, not only spaces). */
export const reviewerName = z
  .string()
  .trim()
  .min(1, "is required (1–100 printable characters)")
  .max(100, "is longer than 100 characters")
  .refine((name) => !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u.test(name), "may hold printable characters only");

export const sectionDecisionSchema = z.strictObject({
  kind: z.literal("section"),
  decision: z.enum(["approved", "rejected"]),
  language: z.string().regex(/^[a-z]{2}$/),
  /** "common" or the medicine's id. */
  namespace: z.string().min(1),
  section: z.string().min(1),
  by: reviewerName,
  role: z.enum(ROLES),
  date: isoDate,
  note: z.string().max(10_000),
  /** Given when a pharmacist approved despite the validator's findings: why. */
  override: z.string().min(1).max(500).optional(),
  /** SHA-256 of the exact strings reviewed (see hashStrings). */
  textSha256: sha,
  /** The language of the strings they were checked against (the file's own for a section in its source's wording). */
  sourceLanguage: z.string().regex(/^[a-z]{2}$/),
  sourceSha256: sha,
});

export const sourceVersionSchema = z.strictObject({
  kind: z.literal("source"),
  source: z.string().min(1),
  version: z.string().trim().min(1).max(120),
  by: reviewerName,
  role: z.enum(ROLES),
  date: isoDate,
});

export type SectionDecision = z.infer<typeof sectionDecisionSchema>;
export type SourceVersion = z.infer<typeof sourceVersionSchema>;

export interface ReviewLedger {
  /** language → decisions in file order (oldest first). */
  decisions: Map<string, SectionDecision[]>;
  /** source id → newest recorded version. */
  sources: Map<string, SourceVersion>;
  problems: ConfigProblem[];
}

/** The SHA-256 of a section's strings: sorted keys and their exact texts, so key order in the file does not count. */
export function hashStrings(strings: Map<string, string>): string {
  const entries = [...strings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}

export function reviewsDir(root: string): string {
  return join(root, "locales", REVIEWS_DIR);
}

const cache = new Map<string, { stamp: string; ledger: ReviewLedger }>();

/** Every record under the project's locales/reviews/, read again only when a file changed. */
export function readReviewLedger(root: string, languages: Iterable<string>): ReviewLedger {
  const files = [...languages].map((l) => ({ language: l, path: join(reviewsDir(root), `${l}.jsonl`) }));
  const sourcesPath = join(reviewsDir(root), SOURCES_FILE);
  const stamp = [...files.map((f) => f.path), sourcesPath].map(stampOf).join("|");
  const known = cache.get(root);
  if (known && known.stamp === stamp) return known.ledger;
  const problems: ConfigProblem[] = [];
  const decisions = new Map<string, SectionDecision[]>();
  for (const { language, path } of files) {
    const list = readLines(path, sectionDecisionSchema, problems).filter((d) => {
      if (d.language === language) return true;
      problems.push({ file: relative(path), key: "", message: `a record for ${d.language} in the ${language} file` });
      return false;
    });
    decisions.set(language, list);
  }
  const sources = new Map<string, SourceVersion>();
  for (const record of readLines(sourcesPath, sourceVersionSchema, problems)) sources.set(record.source, record);
  const ledger = { decisions, sources, problems };
  cache.set(root, { stamp, ledger });
  return ledger;
}

export function appendSectionDecision(root: string, decision: SectionDecision): void {
  const record = sectionDecisionSchema.parse(decision);
  appendLineLocked(join(reviewsDir(root), `${record.language}.jsonl`), JSON.stringify(record));
}

export function appendSourceVersion(root: string, version: SourceVersion): void {
  const record = sourceVersionSchema.parse(version);
  appendLineLocked(join(reviewsDir(root), SOURCES_FILE), JSON.stringify(record));
}

function stampOf(path: string): string {
  if (!existsSync(path)) return "-";
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

function relative(path: string): string {
  const at = path.lastIndexOf(`locales/${REVIEWS_DIR}/`);
  return at < 0 ? path : path.slice(at);
}

function readLines<T>(path: string, schema: z.ZodType<T>, problems: ConfigProblem[]): T[] {
  if (!existsSync(path)) return [];
  const result: T[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const file = relative(path);
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push({ file, key: `line ${index + 1}`, message: "not valid JSON (a record is one line)" });
      continue;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ file, key: `line ${index + 1}`, message: `${issue?.path.join(".")}: ${issue?.message}` });
      continue;
    }
    result.push(parsed.data);
  }
  return result;
}
