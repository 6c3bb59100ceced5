// The batch report, written as the batch goes (constant memory): DIR/report.json and DIR/report.csv,
// one entry per input row in input order, then the totals and time taken. Both are written under
// temporary names and renamed when complete. Entries carry row numbers and patient ids, never names.

import { once } from "node:events";
import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { type FieldProblem, OutputError } from "../core/errors.ts";
import { neutraliseCsvCell } from "./csvCell.ts";
import type { CsvDialect } from "./readOrders.ts";

export type RowStatus = "ok" | "failed" | "skipped";

export interface ReportEntry {
  row: number;
  patientId: string | null;
  status: RowStatus;
  files: string[];
  errors: FieldProblem[];
  /** What to know about a printed row, e.g. "card: the Nederlands (nl) text does not fit on the back …". */
  notes: string[];
}

export interface BatchTotals {
  rows: number;
  ok: number;
  failed: number;
  skipped: number;
}

export class ReportWriter {
  private readonly json: WriteStream;
  private readonly csv: WriteStream;
  private first = true;
  /** A write that failed (a full disk): the next add or finish throws it. */
  private failure: OutputError | undefined;
  /** Records in report.csv's dialect. */
  private readonly line: (records: unknown[][]) => string;
  readonly totals: BatchTotals = { rows: 0, ok: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly outDir: string,
    input: string,
    /** report.csv's delimiter, byte order mark and line ending (reportDialect.ts); plain CSV if not given. */
    dialect: CsvDialect = { delimiter: ",", bom: false, lineEnding: "\n" },
  ) {
    // Opened here, so that a folder that cannot be written stops the batch before any row is rendered.
    this.json = createWriteStream("", { fd: openForWriting(join(outDir, "report.json.partial")) });
    this.csv = createWriteStream("", { fd: openForWriting(join(outDir, "report.csv.partial")) });
    this.line = (records) => stringify(records, { delimiter: dialect.delimiter, record_delimiter: dialect.lineEnding });
    for (const stream of [this.json, this.csv]) {
      stream.on("error", (error: NodeJS.ErrnoException) => {
        this.failure ??= new OutputError(join(outDir, "report.json"), error.code ?? error.message);
      });
    }
    this.json.write(`{\n"input": ${JSON.stringify(input)},\n"rows": [\n`);
    if (dialect.bom) this.csv.write("\uFEFF");
    this.csv.write(this.line([["row", "patientId", "status", "files", "errors", "notes"]]));
  }

  /** Adds one row's outcome; call in input order. */
  async add(entry: ReportEntry): Promise<void> {
    if (this.failure) throw this.failure;
    this.totals.rows += 1;
    this.totals[entry.status] += 1;
    const okJson = this.json.write(`${this.first ? "" : ",\n"}${JSON.stringify(entry)}`);
    this.first = false;
    const okCsv = this.csv.write(
      this.line([
        [
          entry.row,
          entry.patientId ?? "",
          entry.status,
          entry.files.join(" | "),
          entry.errors.map((e) => `${e.field}: ${e.message}`).join("; "),
          entry.notes.join("; "),
        ].map(neutraliseCsvCell),
      ]),
    );
    if (!okJson) await this.drained(this.json);
    if (!okCsv) await this.drained(this.csv);
  }

  private async drained(stream: WriteStream): Promise<void> {
    await Promise.race([once(stream, "drain"), once(stream, "close")]);
    if (this.failure) throw this.failure;
  }

  private async finished(stream: WriteStream): Promise<void> {
    if (stream.writableFinished) return;
    await Promise.race([once(stream, "finish"), once(stream, "close")]);
  }

  /** The batch stopped before its end (the input broke off, a disk filled): the partial reports are removed. */
  async abandon(): Promise<void> {
    this.json.destroy();
    this.csv.destroy();
    rmSync(join(this.outDir, "report.json.partial"), { force: true });
    rmSync(join(this.outDir, "report.csv.partial"), { force: true });
  }

  /** Writes the totals and time, closes both files and gives them their final names. */
  async finish(seconds: number): Promise<{ json: string; csv: string }> {
    this.json.end(`\n],\n"totals": ${JSON.stringify(this.totals)},\n"seconds": ${seconds.toFixed(1)}\n}\n`);
    this.csv.end();
    await Promise.all([this.finished(this.json), this.finished(this.csv)]);
    if (this.failure) throw this.failure;
    const paths = { json: join(this.outDir, "report.json"), csv: join(this.outDir, "report.csv") };
    renameSync(join(this.outDir, "report.json.partial"), paths.json);
    renameSync(join(this.outDir, "report.csv.partial"), paths.csv);
    return paths;
  }
}

function openForWriting(path: string): number {
  try {
    return openSync(path, "w");
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new OutputError(path, code ?? message);
  }
}
