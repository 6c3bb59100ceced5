// The batch's side of the queue: each validated row becomes a job (id = batch id + row), and its result
// (files, or the order's problems) comes back through the queue's events, in place of the local worker
// pool. A batch that was interrupted and started again attaches to its jobs still queued, takes the rows
// whose files a worker finished meanwhile from their manifests, and adds only the rest. A check every few
// seconds re-adds a job that vanished (Redis restarted without persistence) so a batch never waits for ever.
import { resolve as absolutePath, join } from "node:path";
import { type Job, Queue, QueueEvents } from "bullmq";
import { InternalError } from "../core/errors.ts";
import { patientFolderName } from "../output/fileNames.ts";
import { documentNotes, jobHash, upToDateFiles } from "../output/manifest.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";
import type { BatchRenderer, RenderJob, RenderResult } from "../workers/renderJobs.ts";
import { batchIdFor } from "./batchId.ts";
import { connectionOptions } from "./queueConnection.ts";
import {
  BATCH_ROW_JOB,
  type BatchRowData,
  type BatchRowResult,
  batchRowJobId,
  decodeFailure,
  JOB_OPTIONS,
  QUEUE_NAME,
} from "./queueJobs.ts";

/** Rows on the queue at once: enough to keep many machines busy, few enough to hold little memory. */
const ROWS_IN_FLIGHT = Number(process.env.LEAFLETS_QUEUE_WINDOW ?? 256);
/** How often jobs that have not reported are looked up. */
const CHECK_EVERY_MS = Number(process.env.LEAFLETS_QUEUE_CHECK_MS ?? 10_000);
/** Marks a batch that has started and not finished (no patient data: a state and a row count). */
const RUNNING_FOR_S = 7 * 24 * 3600;

export interface QueueBatchOptions {
  url: string;
  input: string;
  outDir: string;
  generate: GenerateOptions;
}

/** Commands of the Redis client (ioredis) beneath BullMQ's typed view of it. */
interface RedisStreamsAndKeys {
  xrevrange(key: string, end: string, start: string, count: "COUNT", n: number): Promise<[string, string[]][]>;
}

interface Waiting {
  job: RenderJob;
  resolve: (result: RenderResult) => void;
  submitted: boolean;
}

export async function openQueueBatch(options: QueueBatchOptions): Promise<QueueBatchRenderer> {
  const batchId = await batchIdFor(options.input, options.outDir, options.generate);
  const connection = connectionOptions(options.url);
  const queue = new Queue<BatchRowData, BatchRowResult>(QUEUE_NAME, { connection });
  const client = await queue.backend.client;
  // Events from this moment on: none is missed between here and the first job.
  const last = await (client as unknown as RedisStreamsAndKeys).xrevrange(
    queue.keys.events ?? `bull:${QUEUE_NAME}:events`,
    "+",
    "-",
    "COUNT",
    1,
  );
  const events = new QueueEvents(QUEUE_NAME, { connection, lastEventId: last[0]?.[0] ?? "0" });
  await events.waitUntilReady();
  const runningKey = `leaflets:batch:${batchId}`;
  const attaching = (await client.get(runningKey)) !== null;
  await client.set(runningKey, "running", { EX: RUNNING_FOR_S });
  return new QueueBatchRenderer(batchId, queue, events, runningKey, attaching);
}

export class QueueBatchRenderer implements BatchRenderer {
  readonly inFlight = ROWS_IN_FLIGHT;
  private readonly waiting = new Map<string, Waiting>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    readonly batchId: string,
    private readonly queue: Queue<BatchRowData, BatchRowResult>,
    private readonly events: QueueEvents,
    private readonly runningKey: string,
    /** The batch was started before and did not finish: its jobs may still be queued or done. */
    readonly attaching: boolean,
  ) {
    events.on("completed", ({ jobId, returnvalue }) => {
      const waiting = this.waiting.get(jobId);
      if (waiting) this.settle(jobId, okResult(waiting.job, returnvalue as unknown as BatchRowResult));
    });
    events.on("failed", ({ jobId, failedReason }) => {
      const waiting = this.waiting.get(jobId);
      if (waiting) this.settle(jobId, { id: waiting.job.id, ok: false, errors: decodeFailure(failedReason) });
    });
    this.timer = setInterval(() => void this.checkMissing(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  run(job: RenderJob): Promise<RenderResult> {
    const jobId = batchRowJobId(this.batchId, job.id);
    return new Promise((resolve) => {
      const waiting: Waiting = { job, resolve, submitted: false };
      this.waiting.set(jobId, waiting);
      this.submit(jobId, job, this.attaching).then(
        () => {
          waiting.submitted = true;
        },
        (error: Error) =>
          this.settle(jobId, { id: job.id, ok: false, errors: [{ field: "(queue)", message: error.message }] }),
      );
    });
  }

  /** Closes the connections; a batch whose every row came back is no longer "running". */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (this.waiting.size === 0) await (await this.queue.backend.client).del(this.runningKey);
    await Promise.all([this.events.close(), this.queue.close()]);
  }

  private async submit(jobId: string, job: RenderJob, attaching: boolean): Promise<void> {
    if (attaching) {
      if (await this.queue.getJob(jobId)) return; // still queued or being rendered: its event will come
      const done = fromManifest(job);
      if (done) return this.settle(jobId, done);
    }
    const data: BatchRowData = {
      batchId: this.batchId,
      row: job.id,
      order: job.order,
      options: job.options,
      outDir: absolutePath(outDirOf(job)), // a worker elsewhere has another working folder
    };
    // A job id already on the queue is not added again (BullMQ keeps one job per id).
    await this.queue.add(BATCH_ROW_JOB, data, { ...JOB_OPTIONS, jobId });
  }

  private settle(jobId: string, result: RenderResult): void {
    const waiting = this.waiting.get(jobId);
    if (!waiting) return;
    this.waiting.delete(jobId);
    waiting.resolve(result);
  }

  /** A job that is gone without an event we saw: finished (its manifest says so) or lost (added again). */
  private async checkMissing(): Promise<void> {
    for (const [jobId, waiting] of [...this.waiting]) {
      if (this.closed) return;
      if (!waiting.submitted) continue;
      try {
        const job: Job | undefined = await this.queue.getJob(jobId);
        if (job || !this.waiting.has(jobId)) continue;
        waiting.submitted = false;
        await this.submit(jobId, waiting.job, true);
        waiting.submitted = true;
      } catch {
        // Redis is away: the next check tries again.
      }
    }
  }
}

function okResult(job: RenderJob, result: BatchRowResult): RenderResult {
  return {
    id: job.id,
    ok: true,
    files: result.files.map(({ file, ...rest }) => ({ path: join(outDirOf(job), file), ...rest })),
    notes: result.notes,
  };
}

function fromManifest(job: RenderJob): RenderResult | undefined {
  const folder = join(outDirOf(job), patientFolderName(job.order.patientId));
  const files = upToDateFiles(folder, jobHash(job.order, job.options, job.contentState));
  if (!files) return undefined;
  return {
    id: job.id,
    ok: true,
    files: files.map(({ file, ...rest }) => ({ path: join(folder, file), ...rest })),
    notes: documentNotes(files),
  };
}

/** A batch row always names its output folder (only the page's renders come back as bytes). */
function outDirOf(job: RenderJob): string {
  if (job.outDir === undefined) throw new InternalError("a queued batch row has no output folder");
  return job.outDir;
}
