// Writes one order's documents to DIR/<patientId>/ with a manifest, each file atomically (temporary
// name, then rename), so a crash never leaves a half-written PDF under the real name.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { OutputError } from "../errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { GeneratedDocument } from "../pipeline/generateDocuments.ts";
import { documentFileName, patientFolderName } from "./fileNames.ts";

export interface WrittenFile {
  path: string;
  kind: string;
  language: string;
  pages: number;
  sha256: string;
}

export async function writeDocuments(
  outDir: string,
  order: Order,
  documents: GeneratedDocument[],
): Promise<WrittenFile[]> {
  const folder = join(outDir, patientFolderName(order.patientId));
  try {
    return await writeAll(folder, order, documents);
  } catch (error) {
    const { code, message, path } = error as NodeJS.ErrnoException;
    throw new OutputError(path ?? folder, code ?? message);
  }
}

async function writeAll(folder: string, order: Order, documents: GeneratedDocument[]): Promise<WrittenFile[]> {
  mkdirSync(folder, { recursive: true });
  const written: WrittenFile[] = [];
  for (const doc of documents) {
    const path = join(folder, documentFileName(doc.drug, doc.kind, doc.language));
    await writeFileAtomic(path, Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength));
    written.push({ path, kind: doc.kind, language: doc.language, pages: doc.pages, sha256: sha256(doc.bytes) });
  }
  const manifest = {
    patientId: order.patientId,
    orderSha256: sha256(Buffer.from(JSON.stringify(order))),
    files: written.map(({ path, ...rest }) => ({ file: path.slice(folder.length + 1), ...rest })),
  };
  await writeFileAtomic(join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
