// `leaflets batch`: a whole CSV or JSONL file of orders → each patient's documents, a report of every
// row, optionally merged print jobs. Bad rows are reported and skipped; the batch goes on.
import type { Command } from "commander";
import { PAPER_SIZES } from "../../order/orderTypes.ts";
import type { BatchFlags } from "../shared/commandFlags.ts";
import type { Runner } from "../shared/runner.ts";

export function registerBatch(program: Command, run: Runner): void {
  program
    .command("batch")
    .summary("print the documents for every order in a CSV or JSONL file")
    .description(
      "Print the leaflet and card of every order in a CSV file (UTF-8, comma or semicolon, headers = the order's " +
        "field names, contact.nurseLine for nested ones) or a JSON Lines file. Every row is checked with the same " +
        "rules as `generate`; a bad row is reported with its row number and patient id and the rest go on. " +
        "DIR/report.json and DIR/report.csv list every row.",
    )
    .argument("<orders>", "orders.csv or orders.jsonl")
    .option("--out <dir>", "where to write", "output")
    .option("--workers <n>", "render threads (default: one per CPU core)")
    .option(
      "--merge",
      "also write print jobs: all leaflets per language, and sheets of patients' cards (ten on A4, eight on Letter: --paper)",
    )
    .option("--resume", "skip rows whose files are complete and match their order (after an interrupted run)")
    .option("--kinds <list>", "which documents, comma-separated: leaflet, card", "leaflet,card")
    .option(
      "--paper <size>",
      `paper size of the leaflets and the merged card sheets: ${PAPER_SIZES.join(" or ")}`,
      "A4",
    )
    .option("--pdfa", "archival PDF/A files (PDF/A-2a, tagged; PDF/A-2b with --no-tags)")
    .option("--no-tags", "untagged PDFs (no structure for screen readers): only for measuring what tagging costs")
    .option("--format <format>", "fhir: one FHIR R4 Bundle per line (docs/fhir.md); otherwise the extension tells")
    .option("--timeout <seconds>", "a row whose render takes longer fails and its worker is replaced (default 120)")
    .option(
      "--report-format <format>",
      "report.csv's dialect: input (the orders file's own delimiter and byte order mark), excel-nl (semicolons, BOM, for Excel set to Dutch) or csv (commas, plain UTF-8)",
      "input",
    )
    .option("--json", "print one JSON object with the totals and report paths")
    .option("--data <dir>", "also record the batch (its patient ids) in this service data folder's audit trail")
    .option("--queue <url>", "render on `leaflets worker` machines through this Redis queue (redis://, rediss://)")
    .addHelpText(
      "after",
      "\nExamples:\n  leaflets batch clinic.csv --out /srv/print/2026-12-01 --merge\n  leaflets batch clinic.csv --out /srv/print/2026-12-01 --resume\n\n" +
        "Exit codes: 0 every row printed (or already complete with --resume), 1 some rows failed (see the report),\n" +
        "2 the input could not be read at all (missing file, not CSV/JSONL, missing or unknown columns).",
    )
    .action((input: string, flags: BatchFlags) =>
      run(async () => (await import("../actions/batch.ts")).batch(input, flags), flags.json),
    );
}
