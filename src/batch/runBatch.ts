// A batch: every row of a CSV/JSONL file validated with the same rules as `generate`, the valid ones
// rendered by a pool of worker threads, each outcome reported in input order. A bad row never stops the
// batch. With `resume`, rows whose files match their manifest are skipped; changed orders are redone.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCatalogOrThrow } from "../catalog/loadCatalog.ts";
import { validateOrder } from "../order/validateOrder.ts";
import { patientFolderName } from "../output/fileNames.ts";
import { documentNotes, jobHash, removeStaleTemporaryFiles, upToDateFiles } from "../output/manifest.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";
import { orderContentState } from "../review/printedContentState.ts";
import type { BatchRenderer } from "../workers/renderJobs.ts";
import { RenderPool } from "../workers/renderPool.ts";
import { mergePrintJobs, PrintJobCollector } from "./mergePrintJobs.ts";
import { orderColumns } from "./orderColumns.ts";
import { countOrders, type InputRow, readOrders } from "./readOrders.ts";
import { type ReportFormat, reportDialect } from "./reportDialect.ts";
import { type BatchTotals, type ReportEntry, ReportWriter } from "./reportWriter.ts";

export interface BatchOptions {
  input: string;
  /** "fhir": one FHIR R4 Bundle per line; otherwise the input's extension tells. */
  format?: "fhir";
  outDir: string;
  workers: number;
  resume: boolean;
  merge: boolean;
  generate: GenerateOptions;
  /** A render that takes longer fails its row and its worker is replaced (default: LEAFLETS_JOB_TIMEOUT_MS or 120 s). */
  jobTimeoutMs?: number;
  /** Render on this pool (the page's, shared with its previews) instead of a pool of the batch's own; it is
   * left open. `workers` then only sets how many rows are in flight. */
  pool?: RenderPool;
  /** report.csv's dialect: the input's (default), or excel-nl / csv. */
  reportFormat?: ReportFormat;
  onProgress?: (progress: BatchProgress) => void;
  /** Renders the rows instead of a local pool of `workers` threads (e.g. a render queue). */
  renderer?: BatchRenderer;
}

export interface BatchProgress {
  total: number;
  done: number;
  ok: number;
  failed: number;
  skipped: number;
  seconds: number;
}

export interface BatchResult {
  totals: BatchTotals;
  seconds: number;
  report: { json: string; csv: string };
  printJobs: string[];
  /** Rows whose render was stopped (it took too long, or its worker died): nothing was written for them. */
  stopped: { row: number; patientId: string; message: string }[];
  /** The first FAILED_ROWS_LISTED failed rows, for the terminal (the report has them all). */
  failedRows: FailedRow[];
}

/** A failed row as the terminal lists it: where it is and which fields are wrong (no values, no names). */
export interface FailedRow {
  row: number;
  patientId: string | null;
  fields: string[];
}

export const FAILED_ROWS_LISTED = 20;

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const catalog = loadCatalogOrThrow();
  const columns = orderColumns(catalog);
  const total = await countOrders(options.input, options.format, columns);
  mkdirSync(options.outDir, { recursive: true });
  const report = new ReportWriter(
    options.outDir,
    options.input,
    await reportDialect(options.reportFormat ?? "input", options.input),
  );
  const failedRows: FailedRow[] = [];
  const collector = new PrintJobCollector(options.outDir);
  const seen = new Map<string, number>();
  const ownPool = options.pool === undefined && options.renderer === undefined;
  const pool: BatchRenderer =
    options.renderer ??
    options.pool ??
    (options.jobTimeoutMs === undefined
      ? new RenderPool(options.workers)
      : new RenderPool(options.workers, undefined, undefined, options.jobTimeoutMs));
  const stopped: BatchResult["stopped"] = [];
  const inOrder = new InOrder(async (entry: ReportEntry) => {
    await report.add(entry);
    if (entry.status === "failed" && failedRows.length < FAILED_ROWS_LISTED) {
      const fields = [...new Set(entry.errors.map((e) => e.field))];
      failedRows.push({ row: entry.row, patientId: entry.patientId, fields });
    }
    if (entry.status !== "failed") collector.add(entry.files);
    options.onProgress?.({ total, done: report.totals.rows, ...counts(report.totals), seconds: elapsed(started) });
  });

  const handle = async (input: InputRow): Promise<ReportEntry> => {
    if ("error" in input)
      return failed(input.row, input.patientId ?? null, input.problems ?? [{ field: "(row)", message: input.error }]);
    const patientId = typeof input.fields.patientId === "string" ? input.fields.patientId : null;
    const validation = validateOrder(input.fields, catalog);
    if (!validation.ok) return failed(input.row, patientId, validation.problems);
    const { order } = validation;
    const firstRow = seen.get(order.patientId);
    if (firstRow !== undefined) {
      return failed(input.row, order.patientId, [
        {
          field: "patientId",
          message: `is also used in row ${firstRow}; every row needs its own patient id (the files would overwrite each other)`,
        },
      ]);
    }
    seen.set(order.patientId, input.row);
    const contentState = orderContentState(order, catalog);
    if (options.resume) {
      const folder = join(options.outDir, patientFolderName(order.patientId));
      // A killed run may have left temporary files, also beside files that are complete.
      removeStaleTemporaryFiles(folder);
      const files = upToDateFiles(folder, jobHash(order, options.generate, contentState));
      if (files) {
        return {
          row: input.row,
          patientId: order.patientId,
          status: "skipped",
          files: files.map((f) => join(folder, f.file)),
          errors: [],
          notes: documentNotes(files),
        };
      }
    }
    const result = await pool.run({
      id: input.row,
      order,
      options: options.generate,
      outDir: options.outDir,
      ...(contentState ? { contentState } : {}),
    });
    if (!result.ok && (result.failure === "timeout" || result.failure === "worker")) {
      // The worker was stopped mid-render: whatever it had begun to write goes (its files are never complete
      // without a manifest, and --resume redoes the row).
      removeStaleTemporaryFiles(join(options.outDir, patientFolderName(order.patientId)));
      stopped.push({ row: input.row, patientId: order.patientId, message: result.errors[0]?.message ?? "" });
    }
    return result.ok
      ? {
          row: input.row,
          patientId: order.patientId,
          status: "ok",
          files: result.files.map((f) => f.path),
          errors: [],
          notes: result.notes,
        }
      : failed(input.row, order.patientId, result.errors);
  };

  const window = new Set<Promise<void>>();
  const limit = pool.inFlight ?? Math.max(4, options.workers * 4);
  let index = 0;
  try {
    for await (const input of readOrders(options.input, options.format, catalog, columns)) {
      const position = index++;
      const task = handle(input).then((entry) => inOrder.put(position, entry));
      window.add(task);
      task.finally(() => window.delete(task)).catch(() => {}); // its failure is met by the race or Promise.all below
      if (window.size >= limit) await Promise.race(window);
    }
    await Promise.all(window);
    await inOrder.drained();
  } catch (error) {
    collector.dispose();
    await report.abandon();
    throw error;
  } finally {
    if (ownPool) await pool.close();
  }
  const printJobs = options.merge ? await mergePrintJobs(collector, catalog, options.generate.paper) : [];
  collector.dispose();
  const seconds = elapsed(started);
  return { totals: report.totals, seconds, report: await report.finish(seconds), printJobs, stopped, failedRows };
}

function failed(row: number, patientId: string | null, errors: ReportEntry["errors"]): ReportEntry {
  return { row, patientId, status: "failed", files: [], errors, notes: [] };
}

function counts(totals: BatchTotals) {
  return { ok: totals.ok, failed: totals.failed, skipped: totals.skipped };
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}

/** Takes results in any order and passes them on in input order, one at a time. */
class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deliver: (item: T) => Promise<void>) {}

  put(position: number, item: T): Promise<void> {
    this.waiting.set(position, item);
    this.chain = this.chain.then(async () => {
      for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
        this.waiting.delete(this.next);
        this.next += 1;
        await this.deliver(ready);
      }
    });
    return this.chain;
  }

  drained(): Promise<void> {
    return this.chain;
  }
}
