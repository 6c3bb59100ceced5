// Reads a batch of orders from a spreadsheet export (.csv) or a JSON Lines file (.jsonl, .ndjson), one record at
// a time, so memory stays flat for any file size. Each record becomes the raw fields of one order, ready for
// validateOrder, or a row error naming the row; only a file that cannot be read at all throws (InputError).
// Messages name rows, columns and patient ids, never a value that could be a name or a date of birth.
import { type FileHandle, open } from "node:fs/promises";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { type FieldProblem, InputError, InternalError } from "../core/errors.ts";
import { fhirRowReader } from "../fhir/fhirBatchRows.ts";
import { parseOrderJson } from "../input/parseOrderJson.ts";
import { fieldSchemas, REQUIRED_FIELDS } from "../order/fieldSchemas.ts";
import { type OrderColumns, orderColumns, shippedOrderColumns } from "./orderColumns.ts";

export { InputError } from "../core/errors.ts";

/** One input record: its row number (as a person would find it) and either the order's fields or why it could not be read. */
export type InputRow =
  | { row: number; fields: Record<string, unknown> } // fields shaped like a JSON order (contact nested), ready for validateOrder
  | { row: number; error: string; patientId?: string; problems?: FieldProblem[] };

/** "fhir": one FHIR R4 Bundle per line (--format fhir); otherwise told by the file's extension. */
type InputFormat = "csv" | "jsonl" | "fhir";

const FORMAT_BY_EXTENSION = new Map<string, InputFormat>([
  [".csv", "csv"],
  [".jsonl", "jsonl"],
  [".ndjson", "jsonl"],
]);

/** The file's first bytes: enough for the header line (delimiter) and to catch a wrong encoding early. */
const HEAD_BYTES = 64 * 1024;
/** A record longer than this is a quote that was never closed, not an order; stops one field swallowing the file. */
const MAX_RECORD_CHARS = 100_000;
const REPLACEMENT_CHARACTER = "\uFFFD";
const NOT_UTF8 = 'holds bytes that are not UTF-8 text (save the spreadsheet as "CSV UTF-8")';
const BYTE_ORDER_MARK = "\uFEFF";
const BOM_INSIDE =
  "holds a byte order mark (U+FEFF) inside a value; a BOM may only begin the file (two files joined together?)";

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

const HEADER_HINT = `The first row must name the order's fields, e.g. ${REQUIRED_FIELDS.join(";")}; contact numbers go in contact.nurseLine and contact.emergency.`;
const CSV_ROW_HINT = 'Open the file in a spreadsheet, correct that row and save it again as "CSV UTF-8".';

/**
 * Streams the orders of a .csv or .jsonl/.ndjson file, in file order. Memory stays flat for any file size.
 * FHIR lines are mapped with the batch's catalog (`catalog`, which "fhir" needs); `known`: the order
 * fields a CSV header may name (orderColumns.ts): the catalog's when one is given, else the shipped medicines'.
 */
export async function* readOrders(
  path: string,
  given?: "fhir",
  catalog?: Catalog,
  known: OrderColumns = catalog ? orderColumns(catalog) : shippedOrderColumns(),
): AsyncGenerator<InputRow> {
  const format = given ?? formatOf(path);
  if (format === "fhir" && !catalog) throw new InternalError("FHIR rows are read with the batch's catalog");
  const input = await openInput(path);
  if (format === "fhir" && catalog) {
    const toRow = fhirRowReader(catalog);
    for await (const line of jsonLines(path, input)) yield toRow(line);
  } else if (format === "csv") {
    for await (const { columns, record } of csvDataRecords(path, input, known)) {
      yield csvRecordToRow(columns, record, known);
    }
  } else {
    for await (const line of jsonLines(path, input)) yield jsonLineToRow(line);
  }
}

/** How the file writes CSV: its delimiter, whether it starts with a byte order mark (Excel's "CSV UTF-8"),
 * and its line ending; for report.csv to open the same way (reportDialect.ts). A JSON Lines file has none. */
export interface CsvDialect {
  delimiter: ";" | ",";
  bom: boolean;
  lineEnding: "\r\n" | "\n";
}

export async function csvDialectOf(path: string): Promise<CsvDialect | undefined> {
  if (formatOf(path) !== "csv") return undefined;
  const input = await openInput(path);
  try {
    const head = input.head;
    const text = head.toString("utf8");
    return {
      delimiter: detectDelimiter(text),
      bom: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf,
      lineEnding: /\r\n/.test(text) ? "\r\n" : "\n",
    };
  } finally {
    await input.handle.close();
  }
}

/** How many records the file holds (a fast first pass, for progress bars). */
export async function countOrders(
  path: string,
  given?: "fhir",
  known: OrderColumns = shippedOrderColumns(),
): Promise<number> {
  const format = given ?? formatOf(path);
  const input = await openInput(path);
  const records = format === "csv" ? csvDataRecords(path, input, known) : jsonLines(path, input);
  let count = 0;
  for await (const _record of records) count += 1;
  return count;
}

function formatOf(path: string): InputFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION.get(extension);
  if (format) return format;
  const what = extension ? `a "${extension}" file` : "a file without an extension";
  throw new InputError(
    `${path}: cannot read orders from ${what}; use .csv, .jsonl or .ndjson`,
    'Save the spreadsheet as "CSV UTF-8" (.csv), or write one JSON order per line (.jsonl or .ndjson).',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Opening the file

interface OpenInput {
  handle: FileHandle;
  head: Buffer;
}

/** Opens the file and reads its first bytes; anything that makes the whole file unreadable is an InputError here. */
async function openInput(path: string): Promise<OpenInput> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputError(`cannot read ${path}: it is a folder, not a file`);
    if (!stats.isFile()) throw new InputError(`cannot read ${path}: it is not a regular file`);
    const head = await readHead(handle);
    rejectWrongEncoding(path, head);
    return { handle, head };
  } catch (error) {
    await handle.close();
    throw error instanceof InputError ? error : cannotRead(path, error);
  }
}

async function readHead(handle: FileHandle): Promise<Buffer> {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
  return buffer.subarray(0, bytesRead);
}

/** UTF-16 ("Unicode text") or a legacy code page would turn names into wrong characters: refuse the file. */
function rejectWrongEncoding(path: string, head: Buffer): void {
  const hint = 'Save the spreadsheet as "CSV UTF-8", or write the JSON Lines file as UTF-8.';
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) throw new InputError(`${path} is UTF-16 text; orders must be UTF-8`, hint);
  try {
    // stream: true lets a character cut in two at the end of the head pass.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new InputError(`${path} is not UTF-8 text (accented names would print wrongly)`, hint);
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EMFILE: "too many open files",
};

function cannotRead(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ? `${FS_REASONS[code] ?? "the system refused"} (${code})` : String((error as Error).message);
  return new InputError(`cannot read ${path}: ${reason}`, "Check the path, and that the file exists and can be read.");
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** One CSV record that is not blank; `row` is the spreadsheet row (blank records and the header count too). */
interface CsvRecord {
  row: number;
  values: string[];
}

/** The data records after a header that names the order's fields (checked before the first record is given). */
async function* csvDataRecords(
  path: string,
  input: OpenInput,
  known: OrderColumns,
): AsyncGenerator<{ columns: string[]; record: CsvRecord }> {
  let columns: string[] | undefined;
  for await (const record of csvRecords(path, input)) {
    if (columns === undefined) columns = readHeader(path, record.values, known);
    else yield { columns, record };
  }
}

async function* csvRecords(path: string, input: OpenInput): AsyncGenerator<CsvRecord> {
  const source = input.handle.createReadStream({ start: 0 });
  const parser = parse({
    delimiter: detectDelimiter(input.head.toString("utf8")),
    bom: true,
    trim: true,
    relax_quotes: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!values.every((value) => value.trim() === "")) yield { row, values };
    }
  } catch (error) {
    throw csvUnreadable(path, error);
  } finally {
    parser.destroy();
    source.destroy();
  }
}

/** ";" (Dutch spreadsheet exports) or ",": whichever the header line uses more, outside quotes. */
function detectDelimiter(head: string): ";" | "," {
  const headerLine =
    head
      .replace(/^\uFEFF/, "")
      .split(/\r\n|\n|\r/)
      .find((line) => line.trim() !== "") ?? "";
  return countOutsideQuotes(headerLine, ";") > countOutsideQuotes(headerLine, ",") ? ";" : ",";
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count += 1;
  }
  return count;
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is not closed (a " is missing)',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value has text after its closing " (write "" for a quote inside a value)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    'a quoted value has text after its closing " (write "" for a quote inside a value)',
  CSV_MAX_RECORD_SIZE: `a record is longer than ${MAX_RECORD_CHARS} characters (usually a " that is not closed)`,
};

/** A broken quote makes every later row doubtful, so it stops the file; csv-parse's own message may quote data. */
function csvUnreadable(path: string, error: unknown): InputError {
  const { code, records } = error as { code?: string; records?: number };
  if (code?.startsWith("CSV_") && typeof records === "number") {
    const problem = CSV_PROBLEMS[code] ?? "it is not valid CSV";
    return new InputError(
      `${path}: row ${records + 1} cannot be read: ${problem}; the rows after it cannot be trusted, so the file was not read further`,
      CSV_ROW_HINT,
    );
  }
  return cannotRead(path, error);
}

/** The header's column names, trimmed; throws naming every problem when they are not the order's fields. */
function readHeader(path: string, values: string[], known: OrderColumns): string[] {
  const columns = values.map((value) => value.trim());
  const problems = headerProblems(columns, known.names);
  if (problems.length > 0) throw new InputError(`${path}: ${problems.join("; ")}`, HEADER_HINT);
  return columns;
}

function headerProblems(columns: string[], known: string[]): string[] {
  const named = columns.filter((column) => column !== "");
  if (!named.some((column) => known.includes(column))) {
    // Probably a data row (no header): its values may be a name or a date of birth, so none is repeated.
    return [`the first row is not a header: none of its values is an order field (known columns: ${known.join(", ")})`];
  }
  const problems: string[] = [];
  const missing = REQUIRED_FIELDS.filter((field) => !columns.includes(field));
  if (missing.length > 0) {
    problems.push(
      `missing required ${plural(missing.length, "column", false)} ${missing.join(", ")} (the header has ${named.map(shown).join(", ")})`,
    );
  }
  const unknown = named.filter((column) => !known.includes(column));
  if (unknown.length > 0) {
    problems.push(
      `unknown ${plural(unknown.length, "column", false)} ${unknown.map((column) => describeUnknown(column, known)).join(", ")} (known columns: ${known.join(", ")})`,
    );
  }
  const repeated = [...new Set(named.filter((column, index) => named.indexOf(column) !== index))];
  if (repeated.length > 0) problems.push(`the header names ${repeated.map(shown).join(", ")} more than once`);
  return problems;
}

function describeUnknown(column: string, known: string[]): string {
  const suggestion = suggestColumn(column, known);
  return suggestion ? `${shown(column)} (did you mean ${suggestion}?)` : shown(column);
}

/** A known column that differs only in case, spaces or punctuation, or a contact field written without "contact.". */
function suggestColumn(column: string, known: string[]): string | undefined {
  const simplify = (text: string) => text.toLowerCase().replace(/[\s._-]/g, "");
  const wanted = simplify(column);
  return known.find((name) => simplify(name) === wanted || simplify(name.split(".").at(-1) ?? "") === wanted);
}

/** A header name as shown in a message: quoted, and cut short when it is long. */
function shown(column: string): string {
  return JSON.stringify(column.length > 40 ? `${column.slice(0, 40)}…` : column);
}

function csvRecordToRow(columns: string[], { row, values }: CsvRecord, known: OrderColumns): InputRow {
  const patientId = patientIdIn(columns, values);
  if (values.length !== columns.length) {
    return rowError(
      row,
      `has ${plural(values.length, "value")}, the header has ${plural(columns.length, "column")}`,
      patientId,
    );
  }
  if (values.some((value) => value.includes(REPLACEMENT_CHARACTER))) return rowError(row, NOT_UTF8, patientId);
  if (values.some((value) => value.includes(BYTE_ORDER_MARK))) return rowError(row, BOM_INSIDE, patientId);
  const fields: Record<string, unknown> = {};
  for (const [index, column] of columns.entries()) {
    const value = (values[index] ?? "").trim();
    if (value === "") continue;
    if (column === "") {
      return rowError(row, `has a value in column ${index + 1}, which has no name in the header`, patientId);
    }
    setField(fields, column, known.numeric.has(column) && PLAIN_NUMBER.test(value) ? Number(value) : value);
  }
  return { row, fields };
}

/** "contact.nurseLine" goes into fields.contact.nurseLine, as in a JSON order. */
function setField(fields: Record<string, unknown>, column: string, value: unknown): void {
  const dot = column.indexOf(".");
  if (dot < 0) {
    fields[column] = value;
    return;
  }
  const group = column.slice(0, dot);
  const nested = (fields[group] ?? {}) as Record<string, unknown>;
  nested[column.slice(dot + 1)] = value;
  fields[group] = nested;
}

/** The row's patient id, when its column holds something shaped like one (never a name or a date). */
function patientIdIn(columns: string[], values: string[]): string | undefined {
  const index = columns.indexOf("patientId");
  return index < 0 ? undefined : asPatientId(values[index]?.trim());
}

function asPatientId(value: string | undefined): string | undefined {
  return value !== undefined && fieldSchemas.patientId.safeParse(value).success ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Lines

/** One line that is not blank; `row` is its physical line number, blank lines included. */
interface JsonLine {
  row: number;
  text: string;
}

async function* jsonLines(path: string, input: OpenInput): AsyncGenerator<JsonLine> {
  const source = input.handle.createReadStream({ start: 0 });
  const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
  let row = 0;
  try {
    for await (const line of lines) {
      row += 1;
      const text = row === 1 ? line.replace(/^\uFEFF/, "") : line;
      if (text.trim() !== "") yield { row, text };
    }
  } catch (error) {
    throw cannotRead(path, error);
  } finally {
    lines.close();
    source.destroy();
  }
}

function jsonLineToRow({ row, text }: JsonLine): InputRow {
  if (text.includes(REPLACEMENT_CHARACTER)) return rowError(row, NOT_UTF8, patientIdInText(text));
  if (text.includes(BYTE_ORDER_MARK)) return rowError(row, BOM_INSIDE, patientIdInText(text));
  const parsed = parseOrderJson(text, "the row", row);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => (p.field === "(order)" ? p.message : `${p.field} ${p.message}`));
    return rowError(row, problems.join("; "), patientIdInText(text));
  }
  return { row, fields: parsed.fields };
}

/** The patient id of a line that is not valid JSON, when a "patientId": "…" pair can still be found in it. */
function patientIdInText(text: string): string | undefined {
  return asPatientId(/"patientId"\s*:\s*"([^"\\]*)"/.exec(text)?.[1]);
}

// ---------------------------------------------------------------------------------------------------------------

function rowError(row: number, error: string, patientId: string | undefined): InputRow {
  return patientId === undefined ? { row, error } : { row, error, patientId };
}

/** "1 value", "3 values"; without the count when `withCount` is false ("column", "columns"). */
function plural(count: number, noun: string, withCount = true): string {
  const word = count === 1 ? noun : `${noun}s`;
  return withCount ? `${count} ${word}` : word;
}
