// A batch's id on the queue: the same input file, options and output folder always give the same id, so
// running the same command again (or with --resume) finds the batch's jobs instead of adding new ones.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";

export async function batchIdFor(input: string, outDir: string, options: GenerateOptions): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(input)) hash.update(chunk as Buffer);
  hash.update(JSON.stringify({ outDir: resolve(outDir), options }));
  return `batch-${hash.digest("hex").slice(0, 20)}`;
}
