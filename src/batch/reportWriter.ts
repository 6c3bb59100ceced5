// The batch report, written as the batch goes (constant memory): DIR/report.json and DIR/report.csv,
// one entry per input row in input order, then the totals and time taken. Both are written under
// temporary names and renamed when complete. Entries carry row numbers and patient ids, never names.

import { once } from "node:events";
import { createWriteStream, renameSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import type { FieldProblem } from "../errors.ts";
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
  /** Records in report.csv's dialect. */
  private readonly line: (records: unknown[][]) => string;
  readonly totals: BatchTotals = { rows: 0, ok: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly outDir: string,
    input: string,
    /** report.csv's delimiter, byte order mark and line ending (reportDialect.ts); plain CSV if not given. */
    dialect: CsvDialect = { delimiter: ",", bom: false, lineEnding: "\n" },
  ) {
    this.line = (records) => stringify(records, { delimiter: dialect.delimiter, record_delimiter: dialect.lineEnding });
    this.json = createWriteStream(join(outDir, "report.json.partial"));
    this.csv = createWriteStream(join(outDir, "report.csv.partial"));
    this.json.write(`{\n"input": ${JSON.stringify(input)},\n"rows": [\n`);
    if (dialect.bom) this.csv.write("\uFEFF");
    this.csv.write(this.line([["row", "patientId", "status", "files", "errors", "notes"]]));
  }

  /** Adds one row's outcome; call in input order. */
  async add(entry: ReportEntry): Promise<void> {
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
        ],
      ]),
    );
    if (!okJson) await once(this.json, "drain");
    if (!okCsv) await once(this.csv, "drain");
  }

  /** Writes the totals and time, closes both files and gives them their final names. */
  async finish(seconds: number): Promise<{ json: string; csv: string }> {
    this.json.end(`\n],\n"totals": ${JSON.stringify(this.totals)},\n"seconds": ${seconds.toFixed(1)}\n}\n`);
    this.csv.end();
    await Promise.all([once(this.json, "finish"), once(this.csv, "finish")]);
    const paths = { json: join(this.outDir, "report.json"), csv: join(this.outDir, "report.csv") };
    renameSync(join(this.outDir, "report.json.partial"), paths.json);
    renameSync(join(this.outDir, "report.csv.partial"), paths.csv);
    return paths;
  }
}
