// Writes one order's documents to DIR/<patientId>/ with a manifest, each file atomically (temporary
// name, then rename), so a crash never leaves a half-written PDF under the real name.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { OutputError } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { GeneratedDocument, GenerateOptions } from "../pipeline/generateDocuments.ts";
import { documentFileName, patientFolderName } from "./fileNames.ts";
import { jobHash, MANIFEST, type Manifest, removeStaleTemporaryFiles, sha256 } from "./manifest.ts";
import { writeFileWhole } from "./writeFileWhole.ts";

export interface WrittenFile {
  path: string;
  kind: string;
  language: string;
  pages: number;
  sha256: string;
  notes?: string[];
  contentSha256?: string;
}

/** A PDF from the pipeline, or another file for the patient (the calendar, .ics) that names itself. */
export type OutputDocument = GeneratedDocument | (Omit<GeneratedDocument, "kind"> & { kind: string; fileName: string });

export async function writeDocuments(
  outDir: string,
  order: Order,
  documents: OutputDocument[],
  options: GenerateOptions = {},
): Promise<WrittenFile[]> {
  const folder = join(outDir, patientFolderName(order.patientId));
  try {
    const contentState = documents.find((doc) => doc.contentStateSha256)?.contentStateSha256;
    return await writeAll(folder, order, documents, jobHash(order, options, contentState));
  } catch (error) {
    const { code, message, path } = error as NodeJS.ErrnoException;
    throw new OutputError(path ?? folder, code ?? message);
  }
}

async function writeAll(
  folder: string,
  order: Order,
  documents: OutputDocument[],
  job: string,
): Promise<WrittenFile[]> {
  mkdirSync(folder, { recursive: true });
  removeStaleTemporaryFiles(folder);
  const written: WrittenFile[] = [];
  for (const doc of documents) {
    const name =
      "fileName" in doc ? doc.fileName : documentFileName(doc.drug, doc.kind, doc.language, doc.secondLanguage);
    const path = join(folder, name);
    await writeFileWhole(path, doc.bytes);
    written.push({
      path,
      kind: doc.kind,
      language: doc.language,
      pages: doc.pages,
      sha256: sha256(doc.bytes),
      ...(doc.notes?.length ? { notes: doc.notes } : {}),
      ...(doc.contentSha256 ? { contentSha256: doc.contentSha256 } : {}),
    });
  }
  // Written last: a folder whose manifest matches was completely written.
  const manifest: Manifest = {
    patientId: order.patientId,
    jobSha256: job,
    files: written.map(({ path, ...rest }) => ({ file: path.slice(folder.length + 1), ...rest })),
  };
  await writeFileWhole(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}
