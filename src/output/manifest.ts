// The manifest in each patient folder: which files were written for which order (by hash, never the
// order itself) and their contents' hashes. `batch --resume` trusts a folder only if all of it matches.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Order } from "../order/orderTypes.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";

export const MANIFEST = "manifest.json";

export interface ManifestFile {
  file: string;
  kind: string;
  language: string;
  pages: number;
  sha256: string;
  /** What the pharmacist should know about this document (e.g. the card's second language did not fit);
   * kept so that a row skipped by `--resume` reports it again. Never patient data. */
  notes?: string[];
  /** SHA-256 of every text and template the document was made from (its content version's full hash). */
  contentSha256?: string;
}

/** A row's notes for the report, each named by its document: "card: the Nederlands (nl) text …". */
export function documentNotes(files: { kind: string; notes?: string[] }[]): string[] {
  return files.flatMap((file) => (file.notes ?? []).map((note) => `${file.kind}: ${note}`));
}

export interface Manifest {
  patientId: string;
  /** Hash of the validated order and the options it was printed with: a changed order never matches. */
  jobSha256: string;
  files: ManifestFile[];
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The hash that identifies one job: the order, every option that changes the output and, when known, the
 * state of the content it prints (texts, review decisions: src/review/printedContentState.ts), so that an
 * approval or an edited text makes `--resume` print the patient's files again.
 */
export function jobHash(order: Order, options: GenerateOptions, contentState?: string): string {
  return sha256(
    JSON.stringify({ order, options: normalised(options), ...(contentState ? { content: contentState } : {}) }),
  );
}

function normalised(
  options: GenerateOptions,
): Required<Omit<GenerateOptions, "duplex" | "tags">> & { duplex?: true; tags: boolean } {
  return {
    // Only when asked for, so the jobs of earlier runs keep their hashes (and `--resume` skips them).
    ...(options.duplex ? { duplex: true as const } : {}),
    paper: options.paper ?? "A4",
    kinds: options.kinds ?? ["leaflet", "card"],
    cardFormat: options.cardFormat ?? "id1",
    bleedMm: options.bleedMm ?? 0,
    pdfa: options.pdfa ?? false,
    // Tagged files differ from the untagged ones earlier runs wrote: those are made again.
    tags: options.tags ?? true,
  };
}

/** The files of the folder's manifest if every one is present and unchanged and the job is the same; else undefined. */
export function upToDateFiles(folder: string, job: string): ManifestFile[] | undefined {
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) return undefined;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.jobSha256 !== job || !Array.isArray(manifest.files) || manifest.files.length === 0) return undefined;
  for (const file of manifest.files) {
    const filePath = join(folder, file.file);
    if (!existsSync(filePath) || sha256(readFileSync(filePath)) !== file.sha256) return undefined;
  }
  return manifest.files;
}

/** Removes temporary files a killed run left behind (src/output/writeFileWhole.ts names them `<file>.<number>`). */
export function removeStaleTemporaryFiles(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (/\.(pdf|json|ics)\.\d+$/.test(name)) rmSync(join(folder, name), { force: true });
  }
}
