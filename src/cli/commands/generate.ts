// `leaflets generate`: one order (a JSON file, or the demo patient) → its PDFs in DIR/<patientId>/.
import type { Command } from "commander";
import { DOCUMENT_KINDS } from "../../order/documentOptions.ts";
import { PAPER_SIZES } from "../../order/orderTypes.ts";
import type { GenerateFlags } from "../shared/commandFlags.ts";
import type { Runner } from "../shared/runner.ts";

export function registerGenerate(program: Command, run: Runner): void {
  program
    .command("generate")
    .summary("print the leaflet and card for one patient")
    .description(
      "Print the personalised leaflet and patient card for one patient's order. The order is a JSON file with the fields " +
        "patientId, name, drug, regimen, doseMg, startDate (YYYY-MM-DD), cycles, pppCategory, language, and " +
        "optionally dateOfBirth, brand and contact.nurseLine / contact.emergency (see the README). Files are " +
        "written to DIR/<patientId>/<drug>-leaflet-<lang>.pdf and <drug>-card-<lang>.pdf and their paths printed.",
    )
    .option("--demo", "use the built-in demo patient (fictional)")
    .option("--patient <order.json>", "the order file (- reads it from standard input)")
    .option(
      "--fhir <bundle.json>",
      "the order from the hospital's record: a FHIR R4 Bundle, or a MedicationRequest with its Patient contained (docs/fhir.md)",
    )
    .option("--regimen <id>", "with --fhir: the regimen, when the record names no protocol")
    .option("--cycles <n>", "with --fhir: the number of cycles, when the record does not give it")
    .option(
      "--ppp <category>",
      "with --fhir: the pregnancy prevention category (woman-childbearing, woman-not-childbearing, man)",
    )
    .option(
      "--select <id>",
      "with --fhir: the id of the MedicationRequest to print, when the Bundle holds more than one",
    )
    .option(
      "--ics",
      "also write <drug>-calendar-<lang>.ics: the days with doses (or the visits) for the patient's phone",
    )
    .option("--lang <code>", "print in this language instead of the order's (see `leaflets list`)")
    .option(
      "--second-lang <code>",
      "bilingual leaflet: each section also in this language (the nurse's), after the patient's",
    )
    .option("--large-print", "large print for partially sighted readers: 16 pt text, the calendar as a list of days")
    .option("--out <dir>", "where to write", "output")
    .option("--paper <size>", `paper size: ${PAPER_SIZES.join(" or ")}`, "A4")
    .option(
      "--kinds <list>",
      `which documents, comma-separated: ${DOCUMENT_KINDS.join(", ")}`,
      DOCUMENT_KINDS.join(","),
    )
    .option(
      "--card-format <format>",
      "id1: one ID-1 card (85.60 × 53.98 mm), front and back page, for card printers; sheet: the card and its mirrored back on a sheet of the --paper size (A4 or Letter) for duplex printing and cutting by hand",
      "id1",
    )
    .option(
      "--bleed <mm>",
      "for a print shop: bleed around an id1 card in mm (0–5), with crop marks and TrimBox/BleedBox set",
    )
    .option(
      "--duplex",
      "for double-sided printing: a leaflet with an odd page count gets a back page saying it is intentionally left blank (with the patient number)",
    )
    .option(
      "--pdfa",
      "archival PDF/A-2a files (tagged; every font embedded, XMP metadata, sRGB output intent; 2b with --no-tags)",
    )
    .option("--no-tags", "untagged PDFs (no structure for screen readers): only for measuring what tagging costs")
    .option("--timeout <seconds>", "stop a render that takes longer (default 60, or LEAFLETS_RENDER_TIMEOUT_S)")
    .option("--json", "print one JSON object with the files written, or the problems")
    .option("--data <dir>", "also record what was printed in this service data folder's audit trail")
    .addHelpText(
      "after",
      "\nExamples:\n  leaflets generate --demo\n  leaflets generate --patient order.json --lang nl --paper Letter\n" +
        "  leaflets generate --patient order.json --kinds card --card-format sheet\n" +
        "  leaflets generate --patient order.json --kinds card --bleed 3        (for a print shop)\n" +
        "  leaflets generate --fhir bundle.json --ppp man --ics                 (from the hospital's record)\n\n" +
        "Exit codes: 0 written, 1 the order was refused (each problem is named), 2 bad invocation.",
    )
    .action((flags: GenerateFlags) =>
      run(async () => (await import("../actions/generate.ts")).generate(flags), flags.json),
    );
}
