import { loadCatalogOrThrow } from "../../catalog/loadCatalog.ts";
import { FileReadProblem, OrderRefusedError, RenderTimeoutError, UsageError } from "../../core/errors.ts";
import { locateProblems } from "../../fhir/orderFromFhir.ts";
import { ORDER_LIMIT_BYTES, parseOrderJson } from "../../input/parseOrderJson.ts";
import { readLimitedFile, readLimitedStream } from "../../input/readLimitedFile.ts";
import { DEMO_ORDER } from "../../order/demoOrder.ts";
import { type CardFormat, parseCardFormat, parsePaper } from "../../order/documentOptions.ts";
import { validateOrder } from "../../order/validateOrder.ts";
import type { GeneratedDocument } from "../../pipeline/generateDocuments.ts";
import { withRenderTimeout } from "../../workers/renderTimeout.ts";
import { type GenerateFlags, parseKinds, rejectFhirFlagsWithoutFhir, renderTimeoutMs } from "../shared/commandFlags.ts";
import { EXIT } from "../shared/exitCodes.ts";
import { flagOption } from "../shared/flagOption.ts";
import { readFhirOrder } from "./fhirOrder.ts";

export async function generate(flags: GenerateFlags): Promise<number> {
  if ([flags.demo, flags.patient, flags.fhir].filter(Boolean).length !== 1)
    throw new UsageError("give one of --demo, --patient <order.json> or --fhir <bundle.json>");
  rejectFhirFlagsWithoutFhir(flags);
  const paper = flagOption("--paper", flags.paper, parsePaper);
  const kinds = parseKinds(flags.kinds);
  const cardFormat = flagOption("--card-format", flags.cardFormat, parseCardFormat);
  const bleedMm = parseBleed(flags.bleed, cardFormat);
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
    paper,
    kinds,
    cardFormat,
    bleedMm,
    pdfa: Boolean(flags.pdfa),
    ...(flags.tags === false ? { tags: false } : {}),
    ...(flags.duplex ? { duplex: true } : {}),
  };
  // The renderer loads only now, for an order that passed its checks.
  const { generateDocuments } = await import("../../pipeline/generateDocuments.ts");
  const { writeDocuments } = await import("../../output/writeDocuments.ts");
  let documents: GeneratedDocument[];
  try {
    documents = await withRenderTimeout(generateDocuments(validation.order, catalog, options), timeoutMs);
  } catch (error) {
    // A render still under way must not keep the command alive: exit once the message is out.
    if (error instanceof RenderTimeoutError) setTimeout(() => process.exit(EXIT.refused), 1000).unref();
    throw error;
  }
  const { generateCalendar } = await import("../../calendar/generateCalendar.ts");
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
