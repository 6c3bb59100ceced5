// The messages between the batch runner and its render workers: one job is one validated order to
// render and write; the result lists the files or says why it failed (field and message, no patient data).
import type { FieldProblem } from "../errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { WrittenFile } from "../output/writeDocuments.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";
import type { SharedPartSeed } from "../render/sharedPart.tsx";

export interface RenderJob {
  id: number;
  order: Order;
  options: GenerateOptions;
  outDir: string;
}

export type RenderResult =
  /** `notes`: what the pharmacist should know, e.g. that the second language did not fit on the card. */
  (
    | { id: number; ok: true; files: WrittenFile[]; notes: string[] }
    | { id: number; ok: false; errors: FieldProblem[] }
  ) & {
    /** Shared parts of leaflets the worker rendered for this job, for the pool to pass to the other workers. */
    shared?: SharedPartSeed[];
  };

/** From the pool to a worker: shared parts another worker rendered (also a new worker's `workerData`). */
export interface SeedMessage {
  seed: SharedPartSeed[];
}
