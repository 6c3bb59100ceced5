// Which CSV dialect report.csv is written in: by default the input's own (a Dutch Excel export, with
// semicolons and a byte order mark, gets a report Excel opens the same way), or one asked for with
// `--report-format`: excel-nl (";", BOM, CRLF) or csv (",", no BOM, LF). A JSON Lines input gets plain csv.
import { type CsvDialect, csvDialectOf } from "./readOrders.ts";

export const REPORT_FORMATS = ["input", "excel-nl", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const NAMED: Record<Exclude<ReportFormat, "input">, CsvDialect> = {
  "excel-nl": { delimiter: ";", bom: true, lineEnding: "\r\n" },
  csv: { delimiter: ",", bom: false, lineEnding: "\n" },
};

export async function reportDialect(format: ReportFormat, input: string): Promise<CsvDialect> {
  if (format !== "input") return NAMED[format];
  return (await csvDialectOf(input)) ?? NAMED.csv;
}
