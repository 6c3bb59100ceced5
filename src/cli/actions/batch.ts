// The work of `leaflets batch`, loaded only when that command runs (its options: ../commands/batch.ts).
import { availableParallelism } from "node:os";
import { REPORT_FORMATS, type ReportFormat } from "../../batch/reportDialect.ts";
import { type FailedRow, runBatch } from "../../batch/runBatch.ts";
import { UsageError } from "../../core/errors.ts";
import { parsePaper } from "../../order/documentOptions.ts";
import { createProgressDisplay } from "../shared/batchProgress.ts";
import { type BatchFlags, parseKinds, parseTimeout } from "../shared/commandFlags.ts";
import { EXIT } from "../shared/exitCodes.ts";
import { flagOption } from "../shared/flagOption.ts";
import { openQueueBatchRenderer } from "./queueBatch.ts";

export async function batch(input: string, flags: BatchFlags): Promise<number> {
  const workers = flags.workers === undefined ? availableParallelism() : Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new UsageError(`--workers takes a whole number from 1 to 64 (got "${flags.workers}")`);
  }
  const paper = flagOption("--paper", flags.paper, parsePaper);
  if (flags.format !== undefined && flags.format !== "fhir") {
    throw new UsageError(`--format takes fhir (got "${flags.format}"); CSV and JSON Lines are told by the extension`);
  }
  const timeoutMs = flags.timeout === undefined ? undefined : parseTimeout(flags.timeout);
  const generate = {
    kinds: parseKinds(flags.kinds),
    paper,
    pdfa: Boolean(flags.pdfa),
    ...(flags.tags === false ? { tags: false } : {}),
  };
  const renderer = flags.queue ? await openQueueBatchRenderer(flags.queue, input, flags.out, generate) : undefined;
  if (!REPORT_FORMATS.includes(flags.reportFormat as ReportFormat)) {
    throw new UsageError(`--report-format must be ${REPORT_FORMATS.join(", ")} (got "${flags.reportFormat}")`);
  }
  const display = createProgressDisplay();
  let result: Awaited<ReturnType<typeof runBatch>>;
  try {
    result = await runBatch({
      ...(renderer ? { renderer } : {}),
      input,
      ...(flags.format === "fhir" ? { format: "fhir" as const } : {}),
      outDir: flags.out,
      workers,
      resume: Boolean(flags.resume),
      merge: Boolean(flags.merge),
      generate,
      ...(timeoutMs === undefined ? {} : { jobTimeoutMs: timeoutMs }),
      reportFormat: flags.reportFormat as ReportFormat,
      onProgress: (p) => display.update(p),
    });
  } finally {
    display.stop();
    await renderer?.close();
  }
  const { totals, seconds } = result;
  if (flags.data)
    (await import("../../service/commandAudit.ts")).auditBatch(
      flags.data,
      result.report.json,
      totals.failed === 0 ? "ok" : "failed",
    );
  if (flags.json) {
    const json = {
      ok: totals.failed === 0,
      totals,
      seconds: Number(seconds.toFixed(1)),
      report: result.report,
      printJobs: result.printJobs,
      ...(result.stopped.length > 0 ? { stopped: result.stopped } : {}),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    const rate = seconds > 0 ? (totals.rows / seconds).toFixed(1) : "–";
    process.stdout.write(
      `${totals.ok} printed, ${totals.skipped} already complete, ${totals.failed} failed, of ${totals.rows} rows in ${seconds.toFixed(1)} s (${rate} rows/s)\n` +
        `Report: ${result.report.json}\n        ${result.report.csv}\n`,
    );
    for (const job of result.printJobs) process.stdout.write(`Print job: ${job}\n`);
    for (const { row, patientId, message } of result.stopped) {
      process.stderr.write(`row ${row} (${patientId}): ${message}\n`);
    }
    if (totals.failed > 0) process.stdout.write(failedRowsSummary(result.failedRows, totals.failed, result.report.csv));
  }
  return totals.failed === 0 ? EXIT.ok : EXIT.refused;
}

const PATIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The failed rows the batch listed (at most 20): row, patient id and the fields to correct; where the rest are. */
function failedRowsSummary(rows: FailedRow[], failed: number, csv: string): string {
  // A patient id that failed its own check may be anything typed into that column (a name): not shown.
  const shownId = (r: FailedRow) =>
    r.patientId && !r.fields.includes("patientId") && PATIENT_ID.test(r.patientId) ? ` (${r.patientId})` : "";
  const lines = rows.map((r) => `  row ${r.row}${shownId(r)}: ${r.fields.join(", ") || "(row)"}`);
  const rest =
    failed > rows.length
      ? `…and ${failed - rows.length} more: all ${failed} failed rows are in ${csv} (status "failed").`
      : `Each row's problem is described in ${csv}.`;
  return `Failed rows${failed > rows.length ? ` (the first ${rows.length} of ${failed})` : ""}:\n${lines.join("\n")}\n${rest}\n`;
}
