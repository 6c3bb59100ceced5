// The messages between the batch runner and its render workers: one job is one validated order to
// render and write; the result lists the files or says why it failed (field and message, no patient data).
import type { FieldProblem } from "../errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { WrittenFile } from "../output/writeDocuments.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";

export interface RenderJob {
  id: number;
  order: Order;
  options: GenerateOptions;
  outDir: string;
}

export type RenderResult =
  /** `notes`: what the pharmacist should know, e.g. that the second language did not fit on the card. */
  { id: number; ok: true; files: WrittenFile[]; notes: string[] } | { id: number; ok: false; errors: FieldProblem[] };
