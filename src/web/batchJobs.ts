// The page's batch jobs: each upload gets its own temporary folder (os.tmpdir), runs through the library's
// runBatch one job at a time, and is deleted when its results are downloaded or an hour after the upload,
// whichever comes first (folders a stopped server left behind are swept on start). Jobs live in memory.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countOrders } from "../batch/readOrders.ts";
import type { ReportEntry } from "../batch/reportWriter.ts";
import type { BatchOptions, BatchProgress, BatchResult } from "../batch/runBatch.ts";
import { type FieldProblem, InputError } from "../core/errors.ts";
import type { PaperSize } from "../order/orderTypes.ts";
import type { RenderPool } from "../workers/renderPool.ts";
import type { BatchResponse, BatchRow, BatchStatus } from "./apiTypes.ts";
import { relativePaths } from "./zipResults.ts";

export const JOB_FOLDER_PREFIX = "leaflets-web-batch-";
const HOUR_MS = 60 * 60 * 1000;
/** Uploads waiting or running at once; more are refused until one finishes. */
export const MAX_OPEN_JOBS = 10;

export interface BatchJobSettings {
  paper: PaperSize;
  merge: boolean;
}

export interface BatchJob {
  id: string;
  fileName: string;
  dir: string;
  input: string;
  outDir: string;
  settings: BatchJobSettings;
  /** Who uploaded it (the signed-in user's name); only they, or an admin, may see or download it. */
  owner?: string;
  status: BatchStatus;
  progress: BatchProgress;
  rows?: BatchRow[];
  printJobs?: string[];
  errors?: FieldProblem[];
  expiresAt: number;
  timer?: NodeJS.Timeout;
}

export interface JobStoreOptions {
  workers: number;
  ttlMs?: number;
  root?: string;
  runBatch: (options: BatchOptions) => Promise<BatchResult>;
  /** The page's render pool, shared with its previews; without it each batch starts workers of its own. */
  pool?: () => RenderPool | undefined;
}

export class BatchJobStore {
  private readonly jobs = new Map<string, BatchJob>();
  private chain: Promise<void> = Promise.resolve();
  private readonly ttlMs: number;
  private readonly root: string;

  constructor(private readonly options: JobStoreOptions) {
    this.ttlMs = options.ttlMs ?? HOUR_MS;
    this.root = options.root ?? tmpdir();
  }

  /** A new job's folder; the caller saves the upload to `job.input` and then calls `start`. */
  prepare(fileName: string, format: "csv" | "jsonl", settings: BatchJobSettings, owner?: string): BatchJob {
    const dir = mkdtempSync(join(this.root, JOB_FOLDER_PREFIX));
    const job: BatchJob = {
      id: randomUUID(),
      fileName,
      dir,
      input: join(dir, `input.${format}`),
      outDir: join(dir, "results"),
      settings,
      ...(owner === undefined ? {} : { owner }),
      status: "queued",
      progress: { total: 0, done: 0, ok: 0, failed: 0, skipped: 0, seconds: 0 },
      expiresAt: Date.now() + this.ttlMs,
    };
    return job;
  }

  openJobs(): number {
    return [...this.jobs.values()].filter((j) => j.status === "queued" || j.status === "running").length;
  }

  /**
   * Checks that the saved upload can be read as orders (header, encoding) and queues it. An unreadable
   * file is refused here, with the library's message, and its folder deleted at once.
   */
  async start(job: BatchJob): Promise<{ ok: true } | { ok: false; errors: FieldProblem[] }> {
    try {
      job.progress.total = await countOrders(job.input);
    } catch (error) {
      this.remove(job);
      if (error instanceof InputError) return { ok: false, errors: [inputProblem(job, error)] };
      throw error;
    }
    this.jobs.set(job.id, job);
    job.timer = setTimeout(() => this.expire(job), this.ttlMs);
    job.timer.unref();
    this.chain = this.chain.then(() => this.run(job));
    return { ok: true };
  }

  get(id: string): BatchJob | undefined {
    return this.jobs.get(id);
  }

  /** Deletes a job's folder (after its download, or when it expires); the report stays viewable until expiry. */
  markDownloaded(job: BatchJob): void {
    rmSync(job.dir, { recursive: true, force: true });
    job.status = "downloaded";
  }

  describe(job: BatchJob): BatchResponse {
    return {
      id: job.id,
      status: job.status,
      fileName: job.fileName,
      progress: { ...job.progress, seconds: Number(job.progress.seconds.toFixed(1)) },
      ...(job.rows ? { rows: job.rows } : {}),
      ...(job.printJobs ? { printJobs: job.printJobs } : {}),
      ...(job.errors ? { errors: job.errors } : {}),
      expiresAt: job.expiresAt,
    };
  }

  /** Deletes every job's folder (the server is stopping). */
  close(): void {
    for (const job of this.jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
      if (job.status !== "running") this.remove(job);
    }
    this.jobs.clear();
  }

  /** Removes job folders older than the time to live, left by a server that was stopped or killed. */
  sweepStale(): number {
    let removed = 0;
    for (const name of safeReaddir(this.root)) {
      if (!name.startsWith(JOB_FOLDER_PREFIX)) continue;
      const path = join(this.root, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > this.ttlMs) {
          rmSync(path, { recursive: true, force: true });
          removed += 1;
        }
      } catch {
        // Gone already, or not ours to remove.
      }
    }
    return removed;
  }

  private async run(job: BatchJob): Promise<void> {
    if (!this.jobs.has(job.id)) return;
    job.status = "running";
    const pool = this.options.pool?.();
    try {
      const result = await this.options.runBatch({
        input: job.input,
        outDir: job.outDir,
        workers: this.options.workers,
        ...(pool ? { pool } : {}),
        resume: false,
        merge: job.settings.merge,
        generate: { paper: job.settings.paper, kinds: ["leaflet", "card"] },
        onProgress: (progress) => {
          job.progress = progress;
        },
      });
      job.rows = readRows(job, result.report.json);
      job.printJobs = result.printJobs.map((path) => relativePaths(path, job.outDir, job.input, job.fileName));
      job.progress = {
        total: result.totals.rows,
        done: result.totals.rows,
        ...counts(result),
        seconds: result.seconds,
      };
      job.status = "done";
    } catch (error) {
      job.status = "failed";
      job.errors =
        error instanceof InputError
          ? [inputProblem(job, error)]
          : [{ field: "(batch)", message: `the batch stopped: internal error (${(error as Error).name})` }];
    } finally {
      // The upload holds names and dates of birth; once read it is not kept.
      rmSync(job.input, { force: true });
      if (job.status === "failed" || !this.jobs.has(job.id) || Date.now() >= job.expiresAt) this.remove(job);
    }
  }

  private expire(job: BatchJob): void {
    // A running batch is removed when it finishes (see run).
    if (job.status !== "running") this.remove(job);
    this.jobs.delete(job.id);
  }

  private remove(job: BatchJob): void {
    rmSync(job.dir, { recursive: true, force: true });
  }
}

function counts(result: BatchResult) {
  return { ok: result.totals.ok, failed: result.totals.failed, skipped: result.totals.skipped };
}

function readRows(job: BatchJob, reportPath: string): BatchRow[] {
  const text = relativePaths(readFileSync(reportPath, "utf8"), job.outDir, job.input, job.fileName);
  const report = JSON.parse(text) as { rows: ReportEntry[] };
  return report.rows.map(({ row, patientId, status, files, errors }) => ({ row, patientId, status, files, errors }));
}

/** The library's message for an unreadable file, naming the uploaded file rather than the temporary copy. */
function inputProblem(job: BatchJob, error: InputError): FieldProblem {
  const message = error.message.split(job.input).join(job.fileName);
  return { field: "(input)", message: error.hint ? `${message}. ${error.hint}` : message };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
