// The messages between the batch runner and its render workers: one job is one validated order to
// render and write; the result lists the files or says why it failed (field and message, no patient data).
import type { FieldProblem } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { WrittenFile } from "../output/writeDocuments.ts";
import type { DocumentKind, GenerateOptions } from "../pipeline/generateDocuments.ts";
import type { SharedPartSeed } from "../render/leaflet/sharedPart.tsx";

export interface RenderJob {
  id: number;
  order: Order;
  options: GenerateOptions;
  /** Where to write the files (a batch); without it, nothing is written and the bytes come back (the page). */
  outDir?: string;
  /** The content state the order prints with (printedContentState.ts), for a resumed batch's manifest check. */
  contentState?: string;
}

/** A document rendered but not written (a job without `outDir`). */
export interface RenderedDocument {
  kind: DocumentKind;
  language: string;
  /** A bilingual leaflet's second language. */
  secondLanguage?: string;
  pages: number;
  bytes: Uint8Array;
}

/** Why a job failed when it was not the order: it took too long (its worker was stopped), its worker died,
 * the request that wanted it went away, or an internal error. Absent: the order was refused (problems). */
export type RenderFailure = "timeout" | "worker" | "cancelled" | "internal";

export type RenderResult =
  /** `notes`: what the pharmacist should know, e.g. that the second language did not fit on the card. */
  (
    | { id: number; ok: true; files: WrittenFile[]; notes: string[]; documents?: RenderedDocument[] }
    | { id: number; ok: false; errors: FieldProblem[]; failure?: RenderFailure }
  ) & {
    /** Shared parts of leaflets the worker rendered for this job, for the pool to pass to the other workers. */
    shared?: SharedPartSeed[];
  };

/** From the pool to a worker: shared parts another worker rendered (also a new worker's `workerData`). */
export interface SeedMessage {
  seed: SharedPartSeed[];
}

/** What a worker is started with: the shared parts so far, and whether to render a warm-up document first. */
export interface WorkerStart extends SeedMessage {
  warmUp?: boolean;
}

/** What renders a batch's rows: the local pool of worker threads, or a render queue (src/queue/). */
export interface BatchRenderer {
  /** Renders and writes one job. Never rejects: failures come back as results. */
  run(job: RenderJob): Promise<RenderResult>;
  close(): Promise<void>;
  /** Rows handed over at once (default: four per worker). */
  readonly inFlight?: number;
}

/** A failure that was the machine's, not the order's (its worker timed out or died): worth retrying elsewhere. */
export function isMachineFault(result: RenderResult): boolean {
  return !result.ok && (result.failure === "timeout" || result.failure === "worker");
}
