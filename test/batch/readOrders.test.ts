// Reading a batch of orders from CSV and JSON Lines: fields shaped like a JSON order, spreadsheet row numbers,
// row errors that name the row (and the patient id) but never a name or a date of birth, InputError for a file
// that cannot be read at all, and memory that stays flat for a large file. Fixtures: test/fixtures/batch/.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countOrders, type InputRow, readOrders } from "../../src/batch/readOrders.ts";
import { InputError } from "../../src/core/errors.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/batch");
const fixture = (name: string) => join(FIXTURES, name);

async function readAll(path: string): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const row of readOrders(path)) rows.push(row);
  return rows;
}

/** The InputError that reading `path` throws (the test fails when it throws nothing or something else). */
async function inputErrorFor(path: string): Promise<InputError> {
  try {
    await readAll(path);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`reading ${path} did not throw`);
}

function fieldsOf(row: InputRow | undefined): Record<string, unknown> {
  if (!row || !("fields" in row)) throw new Error(`expected fields, got ${JSON.stringify(row)}`);
  return row.fields;
}

describe("readOrders: CSV", () => {
  it("reads a semicolon file with a BOM: the BOM is not part of the first column's name", async () => {
    const rows = await readAll(fixture("semicolon-bom.csv"));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(fieldsOf(rows[0])).toEqual({
      patientId: "MRN-001",
      name: "Zoë de Vries",
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: 4,
      startDate: "2026-12-01",
      cycles: 3,
      pppCategory: "woman-childbearing",
      language: "nl",
      dateOfBirth: "1958-04-30",
      brand: "default",
      contact: { nurseLine: "+31 20 555 0101", emergency: "+31 20 555 0199" },
    });
  });

  it("leaves empty values out, and keeps '4,5' and '01-12-2026' as the text they are", async () => {
    const rows = await readAll(fixture("semicolon-bom.csv"));
    expect(fieldsOf(rows[1])).toEqual({
      patientId: "MRN-002",
      name: "Jan Jansen",
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: "4,5",
      startDate: "01-12-2026",
      pppCategory: "man",
      language: "nl",
    });
  });

  it("trims values, turns months into a number and nests a lone contact.emergency", async () => {
    const fields = fieldsOf((await readAll(fixture("semicolon-bom.csv")))[2]);
    expect(fields.name).toBe("Ğül Öztürk");
    expect(fields.months).toBe(6);
    expect(fields.contact).toEqual({ emergency: "+31 20 555 0199" });
    expect(fields).not.toHaveProperty("doseMg");
    expect(Object.keys(fields)).not.toContain("contact.emergency");
  });

  it("turns a short record into a row error with its patient id, without the name", async () => {
    const rows = await readAll(fixture("semicolon-bom.csv"));
    expect(rows[3]).toEqual({ row: 5, error: "has 3 values, the header has 14 columns", patientId: "MRN-004" });
    expect(JSON.stringify(rows[3])).not.toContain("Short Row");
  });

  it("reads a comma file with Windows line ends, quoted quotes and a quoted line break", async () => {
    const bytes = await readFile(fixture("comma-crlf-quoted.csv"), "latin1");
    expect(bytes).toContain("\r\n"); // the fixture must really have Windows line ends (see .gitattributes)
    const rows = await readAll(fixture("comma-crlf-quoted.csv"));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(fieldsOf(rows[0]).name).toBe('Anna "Annie" Smit');
    expect(fieldsOf(rows[1]).name).toBe("Line one\r\nLine two");
    expect(fieldsOf(rows[0]).language).toBe("en"); // no "\r" left on the last column
  });

  it("numbers the record after a quoted line break by records, not by physical lines", async () => {
    const rows = await readAll(fixture("comma-crlf-quoted.csv"));
    expect(rows[2]?.row).toBe(4);
    expect(fieldsOf(rows[2])).toMatchObject({ patientId: "MRN-012", doseMg: 3.5, cycles: -1 });
  });

  it("counts blank lines and empty rows as rows but gives nothing for them", async () => {
    const rows = await readAll(fixture("blank-rows-unnamed-column.csv"));
    expect(rows.map((r) => r.row)).toEqual([2, 4, 6]);
    expect(fieldsOf(rows[2]).patientId).toBe("MRN-032");
  });

  it("ignores columns without a name while they are empty, and refuses a row with a value in one", async () => {
    const rows = await readAll(fixture("blank-rows-unnamed-column.csv"));
    expect(Object.keys(fieldsOf(rows[0]))).toEqual(["patientId", "name", "drug", "regimen", "startDate", "language"]);
    expect(rows[1]).toEqual({
      row: 4,
      error: "has a value in column 8, which has no name in the header",
      patientId: "MRN-031",
    });
  });

  it("gives no rows for an empty file or a file with only a header", async () => {
    expect(await readAll(fixture("empty.csv"))).toEqual([]);
    expect(await readAll(fixture("header-only.csv"))).toEqual([]);
  });
});

describe("readOrders: a CSV file that cannot be read", () => {
  it("names the missing required columns and the columns found", async () => {
    const error = await inputErrorFor(fixture("missing-columns.csv"));
    expect(error.code).toBe("INPUT_UNREADABLE");
    expect(error.message).toMatch(/missing required columns startDate, language/);
    expect(error.message).toMatch(/"patientId", "name", "drug", "regimen"/);
    expect(error.hint).toBeTruthy();
  });

  it("names unknown columns, suggests the right name, and lists the known ones", async () => {
    const error = await inputErrorFor(fixture("unknown-columns.csv"));
    expect(error.message).toMatch(/unknown columns "Dose", "nurseLine" \(did you mean contact\.nurseLine\?\)/);
    expect(error.message).toContain(
      "known columns: patientId, name, drug, regimen, months, doseMg, cycles, pppCategory",
    );
    expect(error.message).toContain("contact.emergency");
  });

  it("does not repeat a first row that is data rather than a header (it holds a name and a birth date)", async () => {
    const error = await inputErrorFor(fixture("no-header.csv"));
    expect(error.message).toMatch(/first row is not a header/);
    expect(error.message).not.toContain("Geheime Naam");
    expect(error.message).not.toContain("1958-04-30");
  });

  it("stops at a quote that is never closed, naming its row and not its content", async () => {
    const rows: InputRow[] = [];
    let thrown: unknown;
    try {
      for await (const row of readOrders(fixture("quote-not-closed.csv"))) rows.push(row);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toMatch(/row 3 cannot be read: a quoted value is not closed/);
    expect((thrown as InputError).message).not.toContain("Hans Vos");
  });

  it("refuses a file that is not UTF-8 (a spreadsheet's legacy 'CSV' export)", async () => {
    const error = await inputErrorFor(fixture("windows-1252.csv"));
    expect(error.message).toMatch(/is not UTF-8/);
    expect(error.hint).toMatch(/CSV UTF-8/);
  });
});

describe("readOrders: which files it accepts", () => {
  it("refuses a .txt file, naming the accepted extensions", async () => {
    const error = await inputErrorFor(fixture("orders.txt"));
    expect(error.message).toMatch(/"\.txt" file; use \.csv, \.jsonl or \.ndjson/);
  });

  it("refuses a missing file, naming the path and the reason", async () => {
    const path = fixture("no-such-orders.csv");
    const error = await inputErrorFor(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain("ENOENT");
  });

  it("refuses a folder", async () => {
    const folder = await mkdtemp(join(tmpdir(), "leaflets-batch-"));
    try {
      await mkdir(join(folder, "orders.csv"));
      expect((await inputErrorFor(join(folder, "orders.csv"))).message).toMatch(/is a folder/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("reads .ndjson as JSON Lines, with Windows line ends", async () => {
    const rows = await readAll(fixture("orders.ndjson"));
    expect(rows).toHaveLength(1);
    expect(fieldsOf(rows[0]).patientId).toBe("MRN-110");
  });
});

describe("readOrders: JSON Lines", () => {
  it("reads objects as they are, numbering rows by physical line (blank lines count, BOM ignored)", async () => {
    const rows = await readAll(fixture("orders.jsonl"));
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 5]);
    expect(fieldsOf(rows[0])).toMatchObject({ patientId: "MRN-101", doseMg: 4, cycles: 3 });
    expect(fieldsOf(rows[3]).contact).toEqual({ nurseLine: "+31 20 555 0101" });
  });

  it("turns a broken line into a row error with its patient id, never quoting the line", async () => {
    const rows = await readAll(fixture("orders.jsonl"));
    expect(rows[1]).toEqual({
      row: 3,
      error: "the row is not valid JSON at line 3, column 53: an unexpected character; check quotes and commas",
      patientId: "MRN-102",
    });
    expect(JSON.stringify(rows[1])).not.toContain("Secret Name");
  });

  it("turns valid JSON that is not an object into a row error", async () => {
    const rows = await readAll(fixture("orders.jsonl"));
    expect(rows[2]).toEqual({
      row: 4,
      error: "the row must hold one JSON object with the order's fields (got a JSON array)",
    });
  });
});

describe("countOrders", () => {
  it("counts CSV records, not lines (a quoted line break is one record)", async () => {
    expect(await countOrders(fixture("comma-crlf-quoted.csv"))).toBe(3);
  });

  it("counts JSON Lines records, skipping blank lines and counting broken ones", async () => {
    expect(await countOrders(fixture("orders.jsonl"))).toBe(4);
  });

  it("counts as many records as readOrders gives", async () => {
    for (const name of ["semicolon-bom.csv", "blank-rows-unnamed-column.csv", "header-only.csv", "orders.jsonl"]) {
      expect(await countOrders(fixture(name)), name).toBe((await readAll(fixture(name))).length);
    }
  });

  it("refuses the same files readOrders refuses", async () => {
    await expect(countOrders(fixture("orders.txt"))).rejects.toBeInstanceOf(InputError);
    await expect(countOrders(fixture("no-such-orders.jsonl"))).rejects.toBeInstanceOf(InputError);
    await expect(countOrders(fixture("missing-columns.csv"))).rejects.toBeInstanceOf(InputError);
  });
});

describe("a large file", () => {
  const ROWS = 20_000;
  let folder: string;
  let path: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "leaflets-batch-"));
    path = join(folder, "large.csv");
    await writeLargeCsv(path, ROWS);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("streams 20,000 rows with little heap growth, numbering the last one 20,001", async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    let lastRow = 0;
    for await (const row of readOrders(path)) {
      count += 1;
      lastRow = row.row;
      if (count % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(ROWS);
    expect(lastRow).toBe(ROWS + 1);
    // Loose on purpose (the garbage collector decides when to run): holding every row would take far more.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("counts the 20,000 rows", async () => {
    expect(await countOrders(path)).toBe(ROWS);
  });
});

/** A CSV of `rows` valid-looking orders, each with a long name so that keeping them all would show in the heap. */
async function writeLargeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("patientId;name;drug;regimen;doseMg;startDate;cycles;pppCategory;language\n");
  for (let i = 0; i < rows; i += 1) {
    const line = `MRN-${String(i).padStart(6, "0")};"Patiënt ${"x".repeat(80)} ${i}";pomalidomide;pd-28;4;2026-12-01;3;man;nl\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
