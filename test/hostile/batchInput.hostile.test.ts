// Hostile spreadsheets and JSON Lines files through the batch reader and validateOrder, in process: a bad
// file is refused whole (InputError) or a bad row on its own, naming the row and field, never a name or a
// date of birth; report.csv never hands a spreadsheet a formula.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, type InputRow, readOrders } from "../../src/batch/readOrders.ts";
import { ReportWriter } from "../../src/batch/reportWriter.ts";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { HOSTILE_ORDERS, leaksSecret, SECRET_BIRTH, SECRET_NAME, secretOrder } from "./hostileInputs.ts";

let dir: string;
let catalog: Catalog;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "leaflets-hostile-batch-"));
  catalog = loadCatalogOrThrow();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(extension: string, bytes: Buffer | string): string {
  const path = join(dir, `input-${++files}${extension}`);
  writeFileSync(path, bytes);
  return path;
}

async function readAll(path: string): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const row of readOrders(path)) rows.push(row);
  return rows;
}

/** Each row's problems as the batch reports them: the reader's row error, else validateOrder's. */
async function rowProblems(path: string) {
  return (await readAll(path)).map((row) => {
    if ("error" in row) return { row: row.row, problems: [{ field: "(row)", message: row.error }] };
    const validation = validateOrder(row.fields, catalog);
    return { row: row.row, problems: validation.ok ? [] : validation.problems };
  });
}

const HEADER = "patientId,name,drug,regimen,doseMg,startDate,cycles,pppCategory,language,dateOfBirth";
const csvRow = (values: Record<string, string> = {}) => {
  const order = { ...secretOrder(), ...values } as Record<string, unknown>;
  return HEADER.split(",")
    .map((column) => `"${String(order[column] ?? "").replaceAll('"', '""')}"`)
    .join(",");
};

describe("JSON Lines: every hostile order on its own line is refused on its row", () => {
  // Bytes that are not UTF-8 in the first 64 kB refuse the whole file (a legacy code page); see below.
  const lines = HOSTILE_ORDERS.filter(
    (c) =>
      !c.bytes.includes(0x0a) &&
      c.bytes.length > 0 &&
      !c.title.includes("BOM") &&
      !c.message.source.includes("not UTF-8"),
  );
  it(`${lines.length} hostile lines between two good ones: each refused naming its field; the good ones pass`, async () => {
    const good = Buffer.from(JSON.stringify(secretOrder({ patientId: "GOOD-1" })));
    const bytes = Buffer.concat(
      [good, ...lines.map((c) => c.bytes), Buffer.from(JSON.stringify(secretOrder({ patientId: "GOOD-2" })))].flatMap(
        (b) => [b, Buffer.from("\n")],
      ),
    );
    const results = await rowProblems(file(".jsonl", bytes));
    expect(results).toHaveLength(lines.length + 2);
    expect(results[0]?.problems).toEqual([]);
    expect(results.at(-1)?.problems).toEqual([]);
    for (const [index, hostile] of lines.entries()) {
      const result = results[index + 1];
      expect(result?.row).toBe(index + 2);
      const text = JSON.stringify(result?.problems);
      expect(result?.problems.length, `${hostile.title}: ${text}`).toBeGreaterThan(0);
      const named = result?.problems.some((p) =>
        hostile.field === "(order)"
          ? p.field === "(row)" || p.field === "(order)"
          : p.field === hostile.field || p.message.startsWith(hostile.field),
      );
      expect(named, `${hostile.title}: ${text}`).toBe(true);
      expect(leaksSecret(text), `${hostile.title}: ${text}`).toBe(false);
    }
  });

  it("a duplicate key in a JSON Lines row names the key and its columns", async () => {
    const line = JSON.stringify(secretOrder()).replace(/}$/, ',"doseMg":3}');
    const [result] = await rowProblems(file(".jsonl", `${line}\n`));
    expect(result?.problems[0]?.message).toMatch(
      /^doseMg is given twice \(on line 1, columns \d+ and \d+\); keep one$/,
    );
  });

  it("a BOM in the middle of a JSON Lines file refuses that row only", async () => {
    const bytes = `${JSON.stringify(secretOrder())}\n\uFEFF${JSON.stringify(secretOrder({ patientId: "H-2" }))}\n`;
    const results = await rowProblems(file(".jsonl", bytes));
    expect(results[0]?.problems).toEqual([]);
    expect(results[1]?.problems[0]?.message).toMatch(/byte order mark/);
  });
});

describe("CSV files", () => {
  it("an empty file and a header-only file give no rows; a file of 1,000 columns is refused, naming none of its values", async () => {
    expect(await readAll(file(".csv", ""))).toEqual([]);
    expect(await readAll(file(".csv", `${HEADER}\n`))).toEqual([]);
    const wide = `${HEADER},${Array.from({ length: 990 }, (_, i) => `extra${i}`).join(",")}\n${csvRow()}\n`;
    const error = await readAll(file(".csv", wide)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/unknown columns/);
    expect(leaksSecret((error as Error).message)).toBe(false);
  });

  it("a row of 1,000 values under a header of 10 is refused on its row", async () => {
    const row = `${csvRow()},${Array.from({ length: 990 }, () => SECRET_NAME).join(",")}`;
    const results = await rowProblems(file(".csv", `${HEADER}\n${row}\n`));
    expect(results[0]?.problems[0]?.message).toMatch(/has 1000 values, the header has 10 columns/);
    expect(leaksSecret(JSON.stringify(results))).toBe(false);
  });

  const BAD_BYTES = [
    [0xff, 0xfe, 0xc3],
    [0xc0, 0xaf],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
  ];
  const badRow = (bytes: number[], i: number) =>
    Buffer.concat([
      Buffer.from(`"H-${i}","Wilhelmína `),
      Buffer.from(bytes),
      Buffer.from(`Quaxley",${csvRow().split(",").slice(2).join(",")}\n`),
    ]);

  it("bad UTF-8 near the start (stray bytes, overlong forms, CESU-8 surrogates) refuses the whole file, quoting nothing", async () => {
    for (const [i, bytes] of BAD_BYTES.entries()) {
      const error = await readAll(file(".csv", Buffer.concat([Buffer.from(`${HEADER}\n`), badRow(bytes, i)]))).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/is not UTF-8 text/);
      expect(leaksSecret((error as Error).message)).toBe(false);
    }
  });

  it("bad UTF-8 and a BOM further in (past 64 kB) refuse their row only", async () => {
    const goodRows = Array.from({ length: 800 }, (_, i) => `${csvRow({ patientId: `GOOD-${i}` })}\n`).join("");
    expect(goodRows.length).toBeGreaterThan(64 * 1024);
    const bom = Buffer.from(`${csvRow({ patientId: "H-BOM", name: "\uFEFFWilhelmína Quaxley" })}\n`);
    const bytes = Buffer.concat([Buffer.from(`\uFEFF${HEADER}\n${goodRows}`), ...BAD_BYTES.map(badRow), bom]);
    const results = (await rowProblems(file(".csv", bytes))).slice(800);
    for (const result of results.slice(0, 4)) expect(result.problems[0]?.message).toMatch(/not UTF-8/);
    expect(results[4]?.problems[0]?.message).toMatch(/byte order mark/);
    expect(leaksSecret(JSON.stringify(results))).toBe(false);
  });

  it("bad UTF-8 in a JSON Lines row past 64 kB refuses that row only", async () => {
    const goodLines = Array.from(
      { length: 1000 },
      (_, i) => `${JSON.stringify(secretOrder({ patientId: `G-${i}` }))}\n`,
    ).join("");
    const bad = HOSTILE_ORDERS.filter((c) => c.message.source.includes("not UTF-8")).map((c) =>
      Buffer.concat([c.bytes, Buffer.from("\n")]),
    );
    const results = (await rowProblems(file(".jsonl", Buffer.concat([Buffer.from(goodLines), ...bad])))).slice(1000);
    expect(results).toHaveLength(bad.length);
    for (const result of results) expect(result.problems[0]?.message).toMatch(/not UTF-8/);
    expect(leaksSecret(JSON.stringify(results))).toBe(false);
  });

  it("names with control, bidi override and zero-width characters, 10,000-character values and formula ids are refused by field", async () => {
    const rows = [
      csvRow({ patientId: "H-1", name: "Wilhelmína \u202eQuaxley" }),
      csvRow({ patientId: "H-2", name: "Wilhelmína\u200bQuaxley" }),
      csvRow({ patientId: "H-3", name: "Wilhelmína\u0007Quaxley" }),
      csvRow({ patientId: "H-4", name: "Quaxley".repeat(1429) }),
      csvRow({ patientId: "=HYPERLINK(1)" }),
      csvRow({ patientId: "@SUM(1)" }),
      csvRow({ patientId: "H-7", dateOfBirth: "1899-12-31" }),
      csvRow({ patientId: "H-8", startDate: "9999-06-01" }),
      csvRow({ patientId: "H-9", cycles: "1e400" }),
    ];
    const results = await rowProblems(file(".csv", `${HEADER}\n${rows.join("\n")}\n`));
    const fields = results.map((r) => r.problems.map((p) => p.field));
    expect(fields).toEqual([
      ["name"],
      ["name"],
      ["name"],
      ["name"],
      ["patientId"],
      ["patientId"],
      ["dateOfBirth"],
      ["startDate"],
      ["cycles"],
    ]);
    expect(leaksSecret(JSON.stringify(results))).toBe(false);
  });
});

describe("report.csv neutralises formulas", () => {
  it("a cell starting with =, +, -, @, tab or CR gets a leading quote; others are untouched", async () => {
    const out = mkdtempSync(join(dir, "report-"));
    const report = new ReportWriter(out, "clinic.csv");
    const starts = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"];
    for (const [index, start] of starts.entries()) {
      await report.add({
        row: index + 2,
        patientId: start,
        status: "failed",
        files: [],
        errors: [{ field: start, message: "m" }],
        notes: [start],
      });
    }
    await report.add({ row: 8, patientId: "MRN-1", status: "ok", files: ["a.pdf"], errors: [], notes: [] });
    const paths = await report.finish(0);
    expect(readdirSync(out).sort()).toEqual(["report.csv", "report.json"]);
    const { parse } = await import("csv-parse/sync");
    const records = parse(readFileSync(paths.csv, "utf8")) as string[][];
    for (const [index, start] of starts.entries()) {
      const record = records[index + 1] ?? [];
      expect(record[1]).toBe(`'${start}`);
      expect(record[4]).toBe(`'${start}: m`);
      expect(record[5]).toBe(`'${start}`);
    }
    expect(records[7]?.slice(0, 4)).toEqual(["8", "MRN-1", "ok", "a.pdf"]);
    // report.json keeps the values as they are (JSON is not run by a spreadsheet).
    expect(readFileSync(paths.json, "utf8")).toContain('"patientId":"=1+1"');
  });

  it("the date of birth planted in the rows is not in the report", () => {
    expect(SECRET_BIRTH).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
