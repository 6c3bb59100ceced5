// A render machine's side of the queue (`leaflets worker`): takes jobs from Redis, renders batch rows
// with the same pool of worker threads a local batch uses (heap cap, timeout, replacement) and writes
// them with the same atomic writes and manifests; renders the nurses' page's orders and leaves their
// bytes under a short-lived key. An order's own problem fails its job once (UnrecoverableError); a
// machine's (timeout, out of memory, a dead thread) is retried. Logs job ids and counts, never an order.
import { randomUUID } from "node:crypto";
import { relative } from "node:path";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { RenderFailedError } from "../core/errors.ts";
import { isMachineFault } from "../workers/renderJobs.ts";
import { RenderPool } from "../workers/renderPool.ts";
import { RenderService } from "../workers/renderService.ts";
import { connectionOptions, safeQueueUrl } from "./queueConnection.ts";
import {
  BATCH_ROW_JOB,
  type BatchRowData,
  type BatchRowResult,
  encodeProblems,
  PAGE_RENDER_JOB,
  type PageRenderData,
  type PageRenderResult,
  QUEUE_NAME,
  STALLED_MS,
} from "./queueJobs.ts";

/** A page render's documents wait this long for the server to take them. */
const PAGE_RESULT_TTL_MS = 120_000;

export interface QueueWorkerOptions {
  url: string;
  /** Jobs rendered at once (render threads). */
  concurrency: number;
  /** Where this machine sees the batches' output folder; default: the folder the batch was given. */
  outDir?: string;
  log: (line: string) => void;
}

export interface RunningQueueWorker {
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunningQueueWorker> {
  const { log } = options;
  const pool = new RenderPool(options.concurrency);
  let pages: RenderService | undefined;
  const worker = new Worker<BatchRowData | PageRenderData, BatchRowResult | PageRenderResult>(
    QUEUE_NAME,
    async (job) => {
      if (job.name === BATCH_ROW_JOB) return renderRow(job as Job<BatchRowData>);
      if (job.name === PAGE_RENDER_JOB) return renderPage(job as Job<PageRenderData>);
      throw new UnrecoverableError(`unknown kind of job "${job.name.slice(0, 40)}"`);
    },
    {
      connection: connectionOptions(options.url),
      concurrency: options.concurrency,
      lockDuration: STALLED_MS,
      stalledInterval: STALLED_MS,
      maxStalledCount: 3,
      autorun: false,
    },
  );

  async function renderRow(job: Job<BatchRowData>): Promise<BatchRowResult> {
    const { row, order, options: generate } = job.data;
    const outDir = options.outDir ?? job.data.outDir;
    const result = await pool.run({ id: row, order, options: generate, outDir });
    if (result.ok) {
      return {
        files: result.files.map(({ path, ...rest }) => ({ file: relative(outDir, path), ...rest })),
        notes: result.notes,
      };
    }
    // The messages name fields and rules, never the order's values.
    if (isMachineFault(result)) throw new RenderFailedError(result.errors.map((e) => e.message).join("; "));
    throw new UnrecoverableError(encodeProblems(result.errors));
  }

  async function renderPage(job: Job<PageRenderData>): Promise<PageRenderResult> {
    pages ??= new RenderService();
    const outcome = await pages.render(job.data.order, job.data.options);
    if (!outcome.ok) return { problems: outcome.problems };
    const resultKey = `leaflets:page-result:${randomUUID()}`;
    const documents = outcome.documents.map(({ bytes, ...rest }) => ({
      ...rest,
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
    }));
    await (await worker.backend.client).set(resultKey, JSON.stringify(documents), { PX: PAGE_RESULT_TTL_MS });
    return { resultKey };
  }

  worker.on("completed", (job) => log(`${job.id}: done`));
  worker.on("failed", (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    const what = error instanceof UnrecoverableError ? "refused (the order's problem, not retried)" : error.message;
    log(`${job.id}: attempt ${job.attemptsMade} failed: ${what}${final ? "" : "; it will be tried again"}`);
  });
  worker.on("stalled", (jobId) => log(`${jobId}: its worker stopped; handed to the next free worker`));
  let lastError = "";
  worker.on("error", (error) => {
    // Redis away: ioredis reconnects by itself; say so once, not once a second.
    if (error.message !== lastError) log(`queue: ${error.message} (reconnecting)`);
    lastError = error.message;
  });
  worker.on("ready", () => {
    if (lastError) log("queue: connected again");
    lastError = "";
  });
  worker.run().catch((error: Error) => log(`queue: worker stopped: ${error.message}`));
  await worker.waitUntilReady();
  log(`worker: taking jobs from ${safeQueueUrl(options.url)}, ${options.concurrency} at a time`);
  return {
    async close() {
      await worker.close();
      await Promise.all([pool.close(), pages?.close()]);
    },
  };
}
