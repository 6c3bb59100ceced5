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
    /** `machineFault`: the worker died, ran out of memory or timed out; not the order's fault (worth retrying). */
    | { id: number; ok: false; errors: FieldProblem[]; machineFault?: true }
  ) & {
    /** Shared parts of leaflets the worker rendered for this job, for the pool to pass to the other workers. */
    shared?: SharedPartSeed[];
  };

/** From the pool to a worker: shared parts another worker rendered (also a new worker's `workerData`). */
export interface SeedMessage {
  seed: SharedPartSeed[];
}

/** What renders a batch's rows: the local pool of worker threads, or a render queue (src/queue/). */
export interface BatchRenderer {
  /** Renders and writes one job. Never rejects: failures come back as results. */
  run(job: RenderJob): Promise<RenderResult>;
  close(): Promise<void>;
  /** Rows handed over at once (default: four per worker). */
  readonly inFlight?: number;
}
