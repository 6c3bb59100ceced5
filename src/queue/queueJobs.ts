// What goes on the render queue: the queue's name, the two kinds of job (a batch row, written to the
// output folder by a worker; a page render, whose bytes come back), their data and results, and the
// job ids (batch id + row, so adding a row twice is a no-op). The order is in the job data only: ids,
// events and logs never hold it. Jobs leave Redis when they finish (removeOnComplete/removeOnFail).
import type { JobsOptions } from "bullmq";
import type { FieldProblem } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";

export const QUEUE_NAME = "leaflets-render";
export const BATCH_ROW_JOB = "batch-row";
export const PAGE_RENDER_JOB = "page-render";

/** A failure for the machine's reasons (timeout, out of memory, a worker that died) is tried this often. */
export const ATTEMPTS = 3;

/** How often workers look for jobs whose worker stopped (kill -9, power cut) and how long a job's lock
 * lasts without being renewed; a stalled job goes to another worker after about this long. */
export const STALLED_MS = Number(process.env.LEAFLETS_QUEUE_STALLED_MS ?? 30_000);

export const JOB_OPTIONS = {
  attempts: ATTEMPTS,
  backoff: { type: "fixed", delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: true,
} satisfies JobsOptions;

export interface BatchRowData {
  batchId: string;
  row: number;
  order: Order;
  options: GenerateOptions;
  /** The batch's output folder as the batch's machine sees it (a worker's --out replaces it). */
  outDir: string;
}

export interface WrittenFileResult {
  /** Relative to the output folder, so each machine can mount it where it likes. */
  file: string;
  kind: string;
  language: string;
  pages: number;
  sha256: string;
  notes?: string[];
}

export interface BatchRowResult {
  files: WrittenFileResult[];
  notes: string[];
}

export interface PageRenderData {
  order: Order;
  options: GenerateOptions;
}

/** A page render's result: the problems that refused the order, or where the documents wait (a Redis key
 * that expires soon and is deleted when read: PDF bytes never go into the event stream). */
export type PageRenderResult = { problems: FieldProblem[] } | { resultKey: string };

export function batchRowJobId(batchId: string, row: number): string {
  return `${batchId}-row-${row}`;
}

/** The reason a job failed, as the batch reads it back: an order's own problems are kept as they are. */
export function encodeProblems(problems: FieldProblem[]): string {
  return JSON.stringify({ problems });
}

export function decodeFailure(reason: string | undefined): FieldProblem[] {
  try {
    const parsed = JSON.parse(reason ?? "") as { problems?: FieldProblem[] };
    if (Array.isArray(parsed.problems)) return parsed.problems;
  } catch {
    // a machine's failure: plain text
  }
  return [{ field: "(document)", message: reason || "the render queue gave no reason" }];
}
