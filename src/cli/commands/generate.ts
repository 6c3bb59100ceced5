// `leaflets generate`: one order (a JSON file, or the demo patient) → its PDFs in DIR/<patientId>/.
import type { Command } from "commander";
import { generateCalendar } from "../../calendar/generateCalendar.ts";
import { loadCatalogOrThrow } from "../../catalog/loadCatalog.ts";
import { OrderRefusedError } from "../../errors.ts";
import { locateProblems } from "../../fhir/orderFromFhir.ts";
import { ORDER_LIMIT_BYTES, parseOrderJson } from "../../input/parseOrderJson.ts";
import { FileReadProblem, readLimitedFile, readLimitedStream } from "../../input/readLimitedFile.ts";
import { DEMO_ORDER } from "../../order/demoOrder.ts";
import { PAPER_SIZES, type PaperSize } from "../../order/orderTypes.ts";
import { validateOrder } from "../../order/validateOrder.ts";
import { writeDocuments } from "../../output/writeDocuments.ts";
import { DOCUMENT_KINDS, generateDocuments } from "../../pipeline/generateDocuments.ts";
import { RenderTimeoutError, withRenderTimeout } from "../../pipeline/renderTimeout.ts";
import { CARD_FORMATS, type CardFormat } from "../../render/card/renderCardPdf.tsx";
import { EXIT } from "../exitCodes.ts";
import type { Runner } from "../runner.ts";
import { UsageError } from "../usageError.ts";
import { parseKinds, renderTimeoutMs } from "./documentOptions.ts";
import { type FhirCliFlags, readFhirOrder, rejectFhirFlagsWithoutFhir } from "./fhirOptions.ts";

interface GenerateFlags extends FhirCliFlags {
  demo?: boolean;
  patient?: string;
  lang?: string;
  secondLang?: string;
  largePrint?: boolean;
  out: string;
  paper: string;
  kinds: string;
  cardFormat: string;
  bleed?: string;
  pdfa?: boolean;
  duplex?: boolean;
  json?: boolean;
  ics?: boolean;
  timeout?: string;
  data?: string;
}

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
      "id1: one ID-1 card (85.60 × 53.98 mm), front and back page, for card printers; sheet: A4 with the card and its mirrored back for duplex printing and cutting by hand",
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
    .option("--pdfa", "archival PDF/A-2b files (every font embedded, XMP metadata, sRGB output intent)")
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
    .action((flags: GenerateFlags) => run(() => generate(flags), flags.json));
}

async function generate(flags: GenerateFlags): Promise<number> {
  if ([flags.demo, flags.patient, flags.fhir].filter(Boolean).length !== 1)
    throw new UsageError("give one of --demo, --patient <order.json> or --fhir <bundle.json>");
  rejectFhirFlagsWithoutFhir(flags);
  if (!PAPER_SIZES.includes(flags.paper as PaperSize)) {
    throw new UsageError(`--paper must be ${PAPER_SIZES.join(" or ")} (got "${flags.paper}")`);
  }
  const kinds = parseKinds(flags.kinds);
  if (!CARD_FORMATS.includes(flags.cardFormat as CardFormat)) {
    throw new UsageError(`--card-format must be ${CARD_FORMATS.join(" or ")} (got "${flags.cardFormat}")`);
  }
  const bleedMm = parseBleed(flags.bleed, flags.cardFormat as CardFormat);
  const catalog = loadCatalogOrThrow();
  const timeoutMs = renderTimeoutMs(flags.timeout);
  const fhir = flags.fhir ? readFhirOrder({ ...flags, fhir: flags.fhir }, catalog) : undefined;
  const input: Record<string, unknown> = fhir
    ? fhir.fields
    : flags.demo
      ? { ...DEMO_ORDER }
      : await readOrderFile(flags.patient as string);
  if (flags.lang) input.language = flags.lang;
  if (flags.secondLang) input.secondLanguage = flags.secondLang;
  if (flags.largePrint) input.largePrint = true;
  const validation = validateOrder(input, catalog);
  if (!validation.ok)
    throw new OrderRefusedError(fhir ? locateProblems(validation.problems, fhir.paths) : validation.problems);
  const options = {
    paper: flags.paper as PaperSize,
    kinds,
    cardFormat: flags.cardFormat as CardFormat,
    bleedMm,
    pdfa: Boolean(flags.pdfa),
    ...(flags.duplex ? { duplex: true } : {}),
  };
  let documents: Awaited<ReturnType<typeof generateDocuments>>;
  try {
    documents = await withRenderTimeout(generateDocuments(validation.order, catalog, options), timeoutMs);
  } catch (error) {
    // A render still under way must not keep the command alive: exit once the message is out.
    if (error instanceof RenderTimeoutError) setTimeout(() => process.exit(EXIT.refused), 1000).unref();
    throw error;
  }
  const calendar = flags.ics ? [await generateCalendar(validation.order, catalog, new Date())] : [];
  const files = await writeDocuments(flags.out, validation.order, [...documents, ...calendar], options);
  if (flags.data)
    (await import("../../service/commandAudit.ts")).auditGenerated(
      flags.data,
      validation.order.patientId,
      validation.order.drug,
      documents,
    );
  // What the nurse should know, e.g. that the second language did not fit on the card's back.
  const notes = documents.flatMap((doc) => (doc.notes ?? []).map((note) => `${doc.kind}: ${note}`));
  if (flags.json) {
    const result = {
      ok: true,
      files: files.map(({ path, kind, language, pages }) => ({ path, kind, language, pages })),
      ...(notes.length > 0 ? { notes } : {}),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const file of files) process.stdout.write(`${file.path}\n`);
    for (const note of notes) process.stderr.write(`note: ${note}\n`);
  }
  return EXIT.ok;
}

function parseBleed(text: string | undefined, format: CardFormat): number {
  if (text === undefined) return 0;
  const mm = Number(text);
  if (!Number.isFinite(mm) || mm < 0 || mm > 5)
    throw new UsageError(`--bleed takes millimetres from 0 to 5 (got "${text}")`);
  if (mm > 0 && format !== "id1") {
    throw new UsageError("--bleed is for print-shop files of single cards (--card-format id1); a sheet is cut by hand");
  }
  return mm;
}

/** The order file (or standard input for "-"), at most 1 MB, strictly decoded and parsed. */
async function readOrderFile(path: string): Promise<Record<string, unknown>> {
  let bytes: Buffer;
  try {
    bytes =
      path === "-"
        ? await readLimitedStream(process.stdin, ORDER_LIMIT_BYTES)
        : readLimitedFile(path, ORDER_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem)
      throw new UsageError(`cannot read the order file ${error.path}: ${error.reason}`);
    throw error;
  }
  const parsed = parseOrderJson(bytes, path === "-" ? "standard input" : path);
  if (!parsed.ok) throw new OrderRefusedError(parsed.problems);
  return parsed.fields;
}
