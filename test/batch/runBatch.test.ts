// `leaflets batch` end to end: the real command as a child process (node bin/leaflets.js, cwd the project), its
// render workers as worker threads (bin/render-worker.js), writing into temporary folders. Exit codes, the
// report (JSON and CSV) row by row, what is written and what is not, `--resume` after a simulated crash,
// `--merge` print jobs, and that no patient name or date of birth reaches the terminal.
// The reader's CSV dialects are tested in readOrders.test.ts and not repeated here. All dates are fixed.
//
// The heavy batch runs are started once (lazily) and shared by the tests that look at their results; every
// run writes into its own temporary folder, so the tests run concurrently.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { BatchTotals, ReportEntry } from "../../src/batch/reportWriter.ts";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { Manifest } from "../../src/output/manifest.ts";
import { type CliRun, runCli } from "../helpers/cli.ts";
import { extractText, flat, pageSizes, textItems } from "../helpers/pdf.ts";

// ---------------------------------------------------------------------------------------------------------------
// Running the command

const cli = runCli;

function batch(input: string, out: string, ...flags: string[]): Promise<CliRun> {
  return cli(["batch", input, "--out", out, "--workers", "2", ...flags]);
}

// ---------------------------------------------------------------------------------------------------------------
// Folders, inputs and outputs

let root: string;
let counter = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "leaflets-batch-test-"));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder for one scenario (under the temporary root). */
function freshDir(label: string): string {
  const dir = join(root, `${label}-${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One CSV row: column → value; a missing or undefined value is an empty cell. */
type Row = Record<string, string | number | undefined>;

const COLUMNS = [
  "patientId",
  "name",
  "drug",
  "regimen",
  "doseMg",
  "startDate",
  "cycles",
  "pppCategory",
  "language",
  "dateOfBirth",
  "months",
  "contact.nurseLine",
  "contact.emergency",
];

function writeCsv(path: string, rows: Row[], columns: string[] = COLUMNS): string {
  writeFileSync(path, stringify([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ""))]));
  return path;
}

/** A CSV row as the JSON order `generate --patient` takes: empty cells left out, contact.* nested. */
function orderJson(row: Row): Record<string, unknown> {
  const order: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (value === undefined || value === "") continue;
    if (column.startsWith("contact.")) {
      const contact = (order.contact ?? {}) as Record<string, unknown>;
      contact[column.slice("contact.".length)] = value;
      order.contact = contact;
    } else order[column] = value;
  }
  return order;
}

/** A good pomalidomide order, one cycle (fixed dates). */
function pomalidomide(patientId: string, name: string, extra: Row = {}): Row {
  return {
    patientId,
    name,
    drug: "pomalidomide",
    regimen: "pd-28",
    doseMg: 4,
    startDate: "2026-12-01",
    cycles: 1,
    pppCategory: "man",
    language: "en",
    ...extra,
  };
}

/** A good Imlygic order (fixed dates). */
function imlygic(patientId: string, name: string, extra: Row = {}): Row {
  return {
    patientId,
    name,
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-11-24",
    months: 6,
    language: "en",
    ...extra,
  };
}

interface Report {
  input: string;
  rows: ReportEntry[];
  totals: BatchTotals;
  seconds: number;
}

function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;
}

/** Every file below `dir` (relative paths, folders left out), sorted; [] when `dir` does not exist. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** A report path as the command meant it (relative paths are relative to the command's cwd). */
function absolute(path: string): string {
  return resolve(PROJECT_ROOT, path);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readManifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as Manifest;
}

async function pageCount(path: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(path), { updateMetadata: false })).getPageCount();
}

/** Stdout must be exactly one line holding one JSON object. */
function singleJson(stdout: string): Record<string, unknown> {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got:\n${stdout}`);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

/** The tests that wait for a shared batch run: its runs take ~20 s on a quiet 2-core machine, more when busy. */
const HEAVY_TIMEOUT = 120_000;

/** Starts `make` the first time it is asked for, and gives every later caller the same promise. */
function shared<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= make();
    return promise;
  };
}

// Temporary names a run may use while it writes: report.*.partial, writeFileWhole's <file>.<digits>, the
// print-job lists .print-*.list.
const TEMPORARY = /(\.partial$)|(\.\d+$)|(^|\/)\.print-/;

// ---------------------------------------------------------------------------------------------------------------
// Scenario: good and bad rows in one CSV

const MIXED_ROWS: Row[] = [
  pomalidomide("B-001", "Wilhelmina Quartermaine", {
    dateOfBirth: "1950-01-02",
    "contact.nurseLine": "+31 20 555 0101",
    "contact.emergency": "+31 20 555 0199",
  }),
  pomalidomide("B-002", "Bartholomew Oyelaran", { startDate: "01-12-2026", dateOfBirth: "1951-03-04" }),
  pomalidomide("B-003", "Cordelia Vanterpool", { doseMg: 5 }),
  pomalidomide("B-004", "Desmond Ekwueme", { drug: "aspirin" }),
  pomalidomide("B-001", "Evangeline Thistlewood"), // the patient id of row 2 again
  imlygic("B-006", "Fenella Zabriskie", { pppCategory: "man" }),
  pomalidomide("B-007", "Gulliver Abernathy", { dateOfBirth: "30-04-1958" }),
  imlygic("B-008", "Ğül Öztürkoğlu", { language: "nl", dateOfBirth: "1947-06-15" }),
];

/** Spreadsheet rows: the header is row 1, so the first order is row 2. */
const MIXED_EXPECTED: { row: number; patientId: string; status: "ok" | "failed"; field?: string }[] = [
  { row: 2, patientId: "B-001", status: "ok" },
  { row: 3, patientId: "B-002", status: "failed", field: "startDate" },
  { row: 4, patientId: "B-003", status: "failed", field: "doseMg" },
  { row: 5, patientId: "B-004", status: "failed", field: "drug" },
  { row: 6, patientId: "B-001", status: "failed", field: "patientId" },
  { row: 7, patientId: "B-006", status: "failed", field: "pppCategory" },
  { row: 8, patientId: "B-007", status: "failed", field: "dateOfBirth" },
  { row: 9, patientId: "B-008", status: "ok" },
];

const mixedBatch = shared(async () => {
  const dir = freshDir("mixed");
  const input = writeCsv(join(dir, "orders.csv"), MIXED_ROWS);
  const out = join(dir, "out");
  const run = await batch(input, out);
  return { dir, input, out, run };
});

describe.concurrent("leaflets batch: a CSV with good and bad rows", { timeout: HEAVY_TIMEOUT }, () => {
  test("exit code 1; report.json has one entry per row, in input order, with spreadsheet row numbers", async ({
    expect,
  }) => {
    const { out, run } = await mixedBatch();
    expect(run.code).toBe(1);
    const report = readReport(out);
    expect(report.rows.map(({ row, patientId, status }) => ({ row, patientId, status }))).toEqual(
      MIXED_EXPECTED.map(({ row, patientId, status }) => ({ row, patientId, status })),
    );
    expect(report.totals).toEqual({ rows: 8, ok: 2, failed: 6, skipped: 0 });
    expect(report.totals.rows).toBe(report.rows.length);
    expect(typeof report.seconds).toBe("number");
  });

  test("ok rows list their leaflet and card, which exist and are PDFs; failed rows list no files", async ({
    expect,
  }) => {
    const { out } = await mixedBatch();
    const report = readReport(out);
    for (const entry of report.rows) {
      if (entry.status === "failed") {
        expect(entry.files, `row ${entry.row}`).toEqual([]);
        continue;
      }
      expect(entry.errors, `row ${entry.row}`).toEqual([]);
      const drug = entry.patientId === "B-001" ? "pomalidomide" : "imlygic";
      const language = entry.patientId === "B-001" ? "en" : "nl";
      expect(entry.files.map((file) => relative(out, absolute(file))).sort()).toEqual(
        [
          join(entry.patientId as string, `${drug}-card-${language}.pdf`),
          join(entry.patientId as string, `${drug}-leaflet-${language}.pdf`),
        ].sort(),
      );
      for (const file of entry.files) {
        expect(existsSync(absolute(file)), file).toBe(true);
        expect(readFileSync(absolute(file)).subarray(0, 5).toString("latin1"), file).toBe("%PDF-");
      }
    }
  });

  test("failed rows name the field that is wrong, with a message", async ({ expect }) => {
    const { out } = await mixedBatch();
    const report = readReport(out);
    for (const [index, expected] of MIXED_EXPECTED.entries()) {
      const entry = report.rows[index];
      if (!entry || expected.status !== "failed") continue;
      expect(
        entry.errors.map((e) => e.field),
        `row ${expected.row}`,
      ).toContain(expected.field);
      for (const error of entry.errors) expect(error.message.trim(), `row ${expected.row}`).not.toBe("");
    }
    const duplicate = report.rows.find((entry) => entry.row === 6);
    expect(duplicate?.errors).toEqual([{ field: "patientId", message: expect.stringContaining("row 2") }]);
  });

  test("the terminal lists the failed rows: row, patient id and the fields to correct", async ({ expect }) => {
    const { out, run } = await mixedBatch();
    const csv = join(out, "report.csv");
    const listed = run.stdout.slice(run.stdout.indexOf("Failed rows:"));
    expect(listed).toBe(
      [
        "Failed rows:",
        "  row 3 (B-002): startDate",
        "  row 4 (B-003): doseMg",
        "  row 5 (B-004): drug",
        "  row 6: patientId", // an id that failed its own check is not echoed
        "  row 7 (B-006): pppCategory",
        "  row 8 (B-007): dateOfBirth",
        `Each row's problem is described in ${csv}.`,
        "",
      ].join("\n"),
    );
  });

  test("report.csv has the same rows as report.json", async ({ expect }) => {
    const { out } = await mixedBatch();
    const report = readReport(out);
    const records = parse(readFileSync(join(out, "report.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(records).toEqual(
      report.rows.map((entry) => ({
        row: String(entry.row),
        patientId: entry.patientId ?? "",
        status: entry.status,
        files: entry.files.join(" | "),
        errors: entry.errors.map((e) => `${e.field}: ${e.message}`).join("; "),
        notes: entry.notes.join("; "),
      })),
    );
  });

  test("DIR holds the ok rows' folders and the report, nothing for failed rows, no temporary files", async ({
    expect,
  }) => {
    const { out } = await mixedBatch();
    const files = listFiles(out);
    expect(files.filter((file) => TEMPORARY.test(file))).toEqual([]);
    expect(files).toEqual(
      [
        "report.csv",
        "report.json",
        join("B-001", "manifest.json"),
        join("B-001", "pomalidomide-card-en.pdf"),
        join("B-001", "pomalidomide-leaflet-en.pdf"),
        join("B-008", "manifest.json"),
        join("B-008", "imlygic-card-nl.pdf"),
        join("B-008", "imlygic-leaflet-nl.pdf"),
      ].sort(),
    );
    // The duplicated id's folder holds the files of its first row (row 2), not those of row 6.
    const leaflet = await extractText(readFileSync(join(out, "B-001", "pomalidomide-leaflet-en.pdf")));
    expect(flat(leaflet)).toContain("For Wilhelmina Quartermaine (B-001)");
    expect(flat(leaflet)).not.toContain("Thistlewood");
  });

  test("no patient name or date of birth on stdout or stderr", async ({ expect }) => {
    const { run } = await mixedBatch();
    expect(run.code).toBe(1);
    const terminal = `${run.stdout}\n${run.stderr}`;
    for (const row of MIXED_ROWS) {
      const name = String(row.name);
      expect(terminal).not.toContain(name);
      for (const part of name.split(" ")) expect(terminal).not.toContain(part);
      if (row.dateOfBirth) expect(terminal).not.toContain(String(row.dateOfBirth));
    }
    for (const dob of ["1950", "1951", "1958", "1947"]) expect(terminal).not.toContain(dob);
    // It does say that rows failed and where to look.
    expect(run.stdout).toContain("6 failed");
    expect(run.stdout).toContain("report.json");
  });

  test("the report holds patient ids, never names or dates of birth", async ({ expect }) => {
    const { out } = await mixedBatch();
    for (const file of ["report.json", "report.csv"]) {
      const text = readFileSync(join(out, file), "utf8");
      for (const row of MIXED_ROWS) {
        for (const part of String(row.name).split(" ")) expect(text, file).not.toContain(part);
        if (row.dateOfBirth) expect(text, file).not.toContain(String(row.dateOfBirth));
      }
      expect(text, file).toContain("B-003");
    }
  });

  test("without a terminal, progress lines go to stderr", async ({ expect }) => {
    const { run } = await mixedBatch();
    const lines = run.stderr.split("\n").filter((line) => line.startsWith("batch: "));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^batch: \d+ of 8 rows \(\d+ failed\)/);
    expect(lines.at(-1)).toMatch(/^batch: 8 of 8 rows \(6 failed\)/);
    // stderr holds progress lines only (the outcome goes to stdout).
    expect(run.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("batch: "))).toEqual([]);
  });

  test("the batch's leaflet and card are byte-identical to what `generate --patient` writes for the same order", async ({
    expect,
  }) => {
    const { out, dir } = await mixedBatch();
    const row = MIXED_ROWS[0] as Row; // pomalidomide, with a date of birth and both contact numbers
    const id = String(row.patientId);
    const genDir = join(dir, "generate");
    mkdirSync(genDir, { recursive: true });
    const orderPath = join(genDir, "order.json");
    writeFileSync(orderPath, JSON.stringify(orderJson(row), null, 2));
    const run = await cli(["generate", "--patient", orderPath, "--out", join(genDir, "out")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const file of ["pomalidomide-leaflet-en.pdf", "pomalidomide-card-en.pdf"]) {
      const fromBatch = readFileSync(join(out, id, file));
      const fromGenerate = readFileSync(join(genDir, "out", id, file));
      expect(fromBatch.subarray(0, 5).toString("latin1"), file).toBe("%PDF-");
      expect(sha256(fromBatch), file).toBe(sha256(fromGenerate));
      expect(fromBatch.equals(fromGenerate), file).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Scenario: input that cannot be read at all

describe.concurrent("leaflets batch: input that cannot be read exits with code 2 and writes nothing", () => {
  const header = COLUMNS.slice(0, 9);
  const good = pomalidomide("U-001", "Ulrika Nettlefold");

  async function refused(label: string, makeInput: (dir: string) => string) {
    const dir = freshDir(label);
    const input = makeInput(dir);
    const out = join(dir, "out");
    const run = await batch(input, out);
    // Nothing on stdout: the reason goes to stderr.
    if (run.stdout !== "") throw new Error(`expected nothing on stdout, got:\n${run.stdout}`);
    return { run, out, dir };
  }

  test("a file that does not exist", async ({ expect }) => {
    const { run, out } = await refused("missing", (dir) => join(dir, "no-such-orders.csv"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no-such-orders.csv");
    expect(run.stderr).toMatch(/no such file/i);
    expect(listFiles(out)).toEqual([]);
    expect(existsSync(join(out, "report.json"))).toBe(false);
  });

  test("a .txt file", async ({ expect }) => {
    const { run, out } = await refused("txt", (dir) => {
      const path = join(dir, "orders.txt");
      writeFileSync(path, readFileSync(writeCsv(join(dir, "orders.csv"), [good], header)));
      return path;
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".txt");
    expect(run.stderr).toMatch(/\.csv/);
    expect(listFiles(out)).toEqual([]);
  });

  test("a CSV without the column startDate: the message names startDate", async ({ expect }) => {
    const { run, out } = await refused("no-start-date", (dir) =>
      writeCsv(
        join(dir, "orders.csv"),
        [good],
        header.filter((column) => column !== "startDate"),
      ),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required column/);
    expect(run.stderr).toContain("startDate");
    expect(run.stderr).not.toContain("Ulrika");
    expect(listFiles(out)).toEqual([]);
  });

  test("a CSV with an unknown column: the message names it", async ({ expect }) => {
    const { run, out } = await refused("unknown-column", (dir) =>
      writeCsv(join(dir, "orders.csv"), [{ ...good, favouriteColour: "teal" }], [...header, "favouriteColour"]),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown column/);
    expect(run.stderr).toContain("favouriteColour");
    expect(run.stderr).not.toContain("Ulrika");
    expect(listFiles(out)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Scenario: all rows good, then a simulated crash, then --resume; then a changed order

const RESUME_ROWS: Row[] = [
  pomalidomide("R-001", "Rosalind Featherstonehaugh"), // card deleted
  pomalidomide("R-002", "Ruairi Pennyfeather"), // a temporary file left behind, its own files intact; later its dose changes
  pomalidomide("R-003", "Ramona Kittredge"), // leaflet corrupted
];
const LEAFLET = "pomalidomide-leaflet-en.pdf";
const CARD = "pomalidomide-card-en.pdf";
const STALE = `${LEAFLET}.123456789`;

interface FolderState {
  files: string[];
  manifest: Manifest;
  /** Each manifest file: does the file on disk have the manifest's sha256? */
  matches: Record<string, boolean>;
  mtimes: Record<string, number>;
}

function folderState(out: string, id: string): FolderState {
  const folder = join(out, id);
  const manifest = readManifest(folder);
  const matches: Record<string, boolean> = {};
  const mtimes: Record<string, number> = {};
  for (const file of manifest.files) {
    const path = join(folder, file.file);
    matches[file.file] = existsSync(path) && sha256(readFileSync(path)) === file.sha256;
    if (existsSync(path)) mtimes[file.file] = statSync(path).mtimeMs;
  }
  return { files: listFiles(folder), manifest, matches, mtimes };
}

function states(out: string): Record<string, FolderState> {
  return Object.fromEntries(RESUME_ROWS.map((row) => [String(row.patientId), folderState(out, String(row.patientId))]));
}

const resumeScenario = shared(async () => {
  const dir = freshDir("resume");
  const input = writeCsv(join(dir, "orders.csv"), RESUME_ROWS);
  const out = join(dir, "out");

  const first = await batch(input, out, "--json");
  const afterFirst = { report: readReport(out), states: states(out) };

  // A simulated kill: one card gone, a half-written temporary file, one leaflet with bytes overwritten.
  rmSync(join(out, "R-001", CARD));
  writeFileSync(join(out, "R-002", STALE), "garbage, half written");
  const corrupted = join(out, "R-003", LEAFLET);
  const bytes = readFileSync(corrupted);
  bytes.write("CORRUPTED-BY-A-CRASH", Math.floor(bytes.length / 2), "latin1");
  writeFileSync(corrupted, bytes);
  const beforeResume = { tree: listFiles(out), states: states(out) };

  const resumed = await batch(input, out, "--resume", "--json");
  const afterResume = { tree: listFiles(out), report: readReport(out), states: states(out) };

  // A manifest from an earlier run with a different order: R-002's dose changes from 4 to 2 mg (its files are
  // complete and match that manifest).
  const changedRows = RESUME_ROWS.map((row) => (row.patientId === "R-002" ? { ...row, doseMg: 2 } : row));
  writeCsv(input, changedRows);
  const changed = await batch(input, out, "--resume", "--json");
  const afterChange = {
    tree: listFiles(out),
    report: readReport(out),
    states: states(out),
    leafletText: flat(await extractText(readFileSync(join(out, "R-002", LEAFLET)))),
  };
  return { out, first, afterFirst, beforeResume, resumed, afterResume, changed, afterChange };
});

describe.concurrent("leaflets batch: all rows good, then --resume after a simulated crash", {
  timeout: HEAVY_TIMEOUT,
}, () => {
  test("all rows good: exit code 0, --json prints one object with ok:true and the totals", async ({ expect }) => {
    const { first, afterFirst, out } = await resumeScenario();
    expect(first.code).toBe(0);
    const json = singleJson(first.stdout);
    expect(json.ok).toBe(true);
    expect(json.totals).toEqual({ rows: 3, ok: 3, failed: 0, skipped: 0 });
    expect(json.report).toEqual({ json: join(out, "report.json"), csv: join(out, "report.csv") });
    expect(afterFirst.report.rows.map((entry) => entry.status)).toEqual(["ok", "ok", "ok"]);
    expect(afterFirst.report.totals).toEqual({ rows: 3, ok: 3, failed: 0, skipped: 0 });
  });

  test("the crash was simulated as intended", async ({ expect }) => {
    const { beforeResume } = await resumeScenario();
    expect(beforeResume.tree).not.toContain(join("R-001", CARD));
    expect(beforeResume.tree).toContain(join("R-002", STALE));
    expect(beforeResume.states["R-002"]?.matches).toEqual({ [LEAFLET]: true, [CARD]: true });
    expect(beforeResume.states["R-003"]?.matches).toEqual({ [LEAFLET]: false, [CARD]: true });
  });

  test("--resume: rows whose files match are skipped, the others are written again", async ({ expect }) => {
    const { out, resumed, afterResume, beforeResume } = await resumeScenario();
    expect(resumed.code).toBe(0);
    expect(singleJson(resumed.stdout).totals).toEqual({ rows: 3, ok: 2, failed: 0, skipped: 1 });
    expect(afterResume.report.rows.map(({ row, patientId, status }) => ({ row, patientId, status }))).toEqual([
      { row: 2, patientId: "R-001", status: "ok" },
      { row: 3, patientId: "R-002", status: "skipped" },
      { row: 4, patientId: "R-003", status: "ok" },
    ]);
    // A skipped row still lists its files, and they were not rewritten.
    const skipped = afterResume.report.rows.find((e) => e.patientId === "R-002");
    expect(skipped?.files.map((file) => relative(out, absolute(file))).sort()).toEqual(
      [join("R-002", CARD), join("R-002", LEAFLET)].sort(),
    );
    expect(afterResume.states["R-002"]?.mtimes).toEqual(beforeResume.states["R-002"]?.mtimes);
  });

  test("--resume: every file now matches its manifest's sha256, and the regenerated files are the originals", async ({
    expect,
  }) => {
    const { afterResume, afterFirst } = await resumeScenario();
    for (const row of RESUME_ROWS) {
      const id = String(row.patientId);
      const state = afterResume.states[id];
      expect(state?.matches, id).toEqual({ [LEAFLET]: true, [CARD]: true });
      // The same order renders the same bytes: the regenerated files are what the first run wrote.
      expect(state?.manifest.files.map((f) => f.sha256)).toEqual(
        afterFirst.states[id]?.manifest.files.map((f) => f.sha256),
      );
    }
  });

  test("--resume: the temporary file a killed run left behind is gone", async ({ expect }) => {
    const { afterResume } = await resumeScenario();
    expect(afterResume.tree.filter((file) => TEMPORARY.test(file))).toEqual([]);
    expect(afterResume.tree).not.toContain(join("R-002", STALE));
    for (const row of RESUME_ROWS) {
      const id = String(row.patientId);
      expect(afterResume.states[id]?.files, id).toEqual(["manifest.json", CARD, LEAFLET].sort());
    }
  });

  test("--resume with a changed order: that row is written again with the new dose, never kept", async ({ expect }) => {
    const { changed, afterChange, afterResume } = await resumeScenario();
    expect(changed.code).toBe(0);
    expect(afterChange.report.rows.map(({ patientId, status }) => ({ patientId, status }))).toEqual([
      { patientId: "R-001", status: "skipped" },
      { patientId: "R-002", status: "ok" },
      { patientId: "R-003", status: "skipped" },
    ]);
    expect(afterChange.report.totals).toEqual({ rows: 3, ok: 1, failed: 0, skipped: 2 });
    const before = afterResume.states["R-002"];
    const after = afterChange.states["R-002"];
    expect(after?.manifest.jobSha256).not.toBe(before?.manifest.jobSha256);
    expect(after?.manifest.files.find((f) => f.file === LEAFLET)?.sha256).not.toBe(
      before?.manifest.files.find((f) => f.file === LEAFLET)?.sha256,
    );
    expect(after?.matches).toEqual({ [LEAFLET]: true, [CARD]: true });
    expect(afterChange.leafletText).toContain("Your dose 2 mg");
    expect(afterChange.leafletText).not.toContain("Your dose 4 mg");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Scenario: a Dutch Excel export (semicolons, byte order mark, CRLF) whose 22 rows all fail: report.csv
// comes back in the same dialect (or the one --report-format names) and the terminal lists 20 of them.

const EXCEL_ROWS: Row[] = Array.from({ length: 22 }, (_, i) =>
  pomalidomide(`X-${String(i + 1).padStart(3, "0")}`, `Excelpatiënt Nummer${i + 1}`, { startDate: "01-12-2026" }),
);

const excelBatch = shared(async () => {
  const dir = freshDir("excel-nl");
  const input = join(dir, "orders.csv");
  const records = [COLUMNS, ...EXCEL_ROWS.map((row) => COLUMNS.map((column) => row[column] ?? ""))];
  writeFileSync(input, `\uFEFF${stringify(records, { delimiter: ";", record_delimiter: "\r\n" })}`);
  const asInput = await batch(input, join(dir, "out"));
  const asCsv = await batch(input, join(dir, "out-csv"), "--report-format", "csv");
  return { dir, asInput, asCsv };
});

describe.concurrent("leaflets batch: report.csv in the input's dialect", { timeout: HEAVY_TIMEOUT }, () => {
  test("a Dutch Excel export gets a report with semicolons, a byte order mark and CRLF, same rows as report.json", async ({
    expect,
  }) => {
    const { dir, asInput } = await excelBatch();
    expect(asInput.code).toBe(1);
    const bytes = readFileSync(join(dir, "out", "report.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.startsWith("row;patientId;status;files;errors;notes\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const records = parse(text, { columns: true, delimiter: ";" }) as Record<string, string>[];
    const report = readReport(join(dir, "out"));
    expect(records.map((r) => [r.row, r.patientId, r.status])).toEqual(
      report.rows.map((e) => [String(e.row), e.patientId, e.status]),
    );
    expect(records[0]?.errors).toMatch(/^startDate: /);
  });

  test("--report-format csv: commas, no byte order mark, LF", async ({ expect }) => {
    const { dir, asCsv } = await excelBatch();
    expect(asCsv.code).toBe(1);
    const text = readFileSync(join(dir, "out-csv", "report.csv"), "utf8");
    expect(text.startsWith("row,patientId,status,files,errors,notes\n")).toBe(true);
    expect(text).not.toContain("\r");
    expect(parse(text, { columns: true })).toHaveLength(22);
  });

  test("the terminal lists the first 20 failed rows and says where all 22 are; no names", async ({ expect }) => {
    const { dir, asInput } = await excelBatch();
    const csv = join(dir, "out", "report.csv");
    const listed = asInput.stdout.slice(asInput.stdout.indexOf("Failed rows"));
    const lines = listed.trimEnd().split("\n");
    expect(lines[0]).toBe("Failed rows (the first 20 of 22):");
    expect(lines.slice(1, 21)).toEqual(
      EXCEL_ROWS.slice(0, 20).map((row, i) => `  row ${i + 2} (${row.patientId}): startDate`),
    );
    expect(lines[21]).toBe(`…and 2 more: all 22 failed rows are in ${csv} (status "failed").`);
    expect(lines).toHaveLength(22);
    expect(asInput.stdout + asInput.stderr).not.toContain("Excelpatiënt");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Scenario: --merge print jobs

// Twelve English orders (one of them Imlygic, so the leaflets differ in length), one failed row in between
// and one Dutch order. Names are distinct and none is part of another.
const MERGE_EN: Row[] = [
  pomalidomide("M-001", "Agatha Brightwater"),
  pomalidomide("M-002", "Benedikt Cromwell"),
  pomalidomide("M-003", "Clementine Dufresne"),
  pomalidomide("M-004", "Dorian Eastwood"),
  pomalidomide("M-005", "Esmeralda Fairbanks"),
  imlygic("M-006", "Florian Galbraith"),
  pomalidomide("M-007", "Griselda Hawthorne"),
  pomalidomide("M-008", "Horatio Inglewood"),
  pomalidomide("M-009", "Isadora Jellicoe"),
  pomalidomide("M-010", "Jasper Kingsley"),
  pomalidomide("M-011", "Katarina Lindqvist"),
  pomalidomide("M-012", "Leopold Montague"),
];
const MERGE_ROWS: Row[] = [
  ...MERGE_EN.slice(0, 4),
  pomalidomide("M-BAD", "Nobody Printed", { startDate: "01-12-2026" }),
  pomalidomide("M-NL1", "Noor van Oosterhout", { language: "nl" }),
  ...MERGE_EN.slice(4),
  pomalidomide("M-TR1", "Tuba Yıldırım", { language: "tr", secondLanguage: "nl" }),
];

/** The note for M-TR1's card: its back has no room for the Dutch text. */
const DUTCH_DID_NOT_FIT = /^card: the Nederlands \(nl\) text does not fit on the back/;

const mergeBatch = shared(async () => {
  const dir = freshDir("merge");
  const input = writeCsv(join(dir, "orders.csv"), MERGE_ROWS, [...COLUMNS, "secondLanguage"]);
  const out = join(dir, "out");
  const run = await batch(input, out, "--merge", "--json");
  return { out, run };
});

/** The card grid on an A4 sheet (render/card/cardGeometry.ts): 2 columns of 85.6 mm, 5 rows of 53.98 mm, 3 mm apart. */
const MM_PT = 72 / 25.4;
const CARD_PITCH_Y = (53.98 + 3) * MM_PT;
const SHEET_CENTRE_X = (210 * MM_PT) / 2;
const SHEET_TOP_Y = 297 * MM_PT - (297 * MM_PT - (5 * 53.98 + 4 * 3) * MM_PT) / 2;

function leafletOf(row: Row): string {
  return `${row.drug}-leaflet-${row.language}.pdf`;
}

/** Pages a leaflet takes in a print job: every leaflet starts on a front page, so an odd count gets a back page. */
function sheetSides(pages: number): number {
  return pages + (pages % 2);
}

/** Whose page it is: the header's "(<id>)" on a leaflet page, the footer's "…: <id>" on a blank back page. */
function patientIdOn(page: string): string | undefined {
  return /\((M-[A-Z0-9]+)\)/.exec(page)?.[1] ?? /: (M-[A-Z0-9]+)$/m.exec(page)?.[1];
}

const BLANK_BACK = {
  en: "This page is intentionally left blank.",
  nl: "Deze pagina is bewust leeg gelaten.",
  tr: "Bu sayfa bilerek boş bırakılmıştır.",
};

describe.concurrent("leaflets batch --merge", { timeout: HEAVY_TIMEOUT }, () => {
  test("writes one leaflet and one card print job per language; no list files are left", async ({ expect }) => {
    const { out, run } = await mergeBatch();
    expect(run.code).toBe(1); // the bad row
    const json = singleJson(run.stdout);
    expect(json.totals).toEqual({ rows: 15, ok: 14, failed: 1, skipped: 0 });
    // A bilingual leaflet (Turkish with Dutch) is a print job of its own; its card is Turkish.
    expect((json.printJobs as string[]).map((path) => relative(out, absolute(path))).sort()).toEqual([
      "print-cards-en-001.pdf",
      "print-cards-nl-001.pdf",
      "print-cards-tr-001.pdf",
      "print-leaflets-en-001.pdf",
      "print-leaflets-nl-001.pdf",
      "print-leaflets-tr-nl-001.pdf",
    ]);
    expect(listFiles(out).filter((file) => TEMPORARY.test(file))).toEqual([]);
  });

  test("print-leaflets-en-001.pdf: every English leaflet's pages, in input order", async ({ expect }) => {
    const { out } = await mergeBatch();
    const counts = await Promise.all(
      MERGE_EN.map((row) => pageCount(join(out, String(row.patientId), leafletOf(row)))),
    );
    const merged = readFileSync(join(out, "print-leaflets-en-001.pdf"));
    const pages = await extractText(merged);
    expect(pages.length).toBe(counts.reduce((sum, n) => sum + sheetSides(n), 0));
    expect(counts.some((n) => n % 2 === 1)).toBe(true); // the padding is exercised
    // The first page of each leaflet names its patient in the header: "For <name> (<id>)".
    const firstPageIds: string[] = [];
    let offset = 0;
    for (const count of counts) {
      const header = flat(pages[offset] ?? "");
      firstPageIds.push(/\((M-[A-Z0-9]+)\)/.exec(header)?.[1] ?? "(none)");
      offset += sheetSides(count);
    }
    expect(firstPageIds).toEqual(MERGE_EN.map((row) => row.patientId));
    // Every page belongs to the leaflet it should, and no page of the Dutch or the failed row is in it.
    const expectedIds = MERGE_EN.flatMap((row, i) =>
      Array<string>(sheetSides(counts[i] ?? 0)).fill(String(row.patientId)),
    );
    expect(pages.map(patientIdOn)).toEqual(expectedIds);
    // A padded leaflet's back page says it is blank on purpose and names no patient.
    offset = 0;
    for (const [i, count] of counts.entries()) {
      offset += sheetSides(count);
      if (count % 2 === 0) continue;
      const back = pages[offset - 1] ?? "";
      expect(back).toContain(BLANK_BACK.en);
      expect(back).toContain(`Patient number: ${MERGE_EN[i]?.patientId}`);
      expect(back).not.toContain(String(MERGE_EN[i]?.name).split(" ")[1]);
    }
  });

  test("in every merged leaflet job, the two faces of every sheet carry the same patient id", async ({ expect }) => {
    const { out } = await mergeBatch();
    for (const job of ["en", "nl", "tr-nl"]) {
      const pages = await extractText(readFileSync(join(out, `print-leaflets-${job}-001.pdf`)));
      expect(pages.length % 2, job).toBe(0);
      for (let front = 0; front < pages.length; front += 2) {
        const id = patientIdOn(pages[front] ?? "");
        expect(id, `${job} sheet ${front / 2 + 1}`).toMatch(/^M-/);
        expect(patientIdOn(pages[front + 1] ?? ""), `${job} sheet ${front / 2 + 1}`).toBe(id);
      }
    }
  });

  test("print-leaflets-nl-001.pdf: only the Dutch leaflet", async ({ expect }) => {
    const { out } = await mergeBatch();
    const expected = await pageCount(join(out, "M-NL1", "pomalidomide-leaflet-nl.pdf"));
    const pages = await extractText(readFileSync(join(out, "print-leaflets-nl-001.pdf")));
    expect(pages.length).toBe(sheetSides(expected));
    for (const page of pages) expect(patientIdOn(page)).toBe("M-NL1");
    if (expected % 2 === 1) expect(pages.at(-1)).toContain(BLANK_BACK.nl);
  });

  test("the report notes that the Dutch text did not fit on the Turkish card's back; other rows have no notes", async ({
    expect,
  }) => {
    const { out } = await mergeBatch();
    const rows = readReport(out).rows;
    const turkish = rows.find((entry) => entry.patientId === "M-TR1");
    expect(turkish?.notes).toEqual([expect.stringMatching(DUTCH_DID_NOT_FIT)]);
    for (const entry of rows.filter((e) => e.patientId !== "M-TR1")) expect(entry.notes).toEqual([]);
  });

  test("--resume: a row skipped because its files are complete reports its notes again (kept in the manifest)", async ({
    expect,
  }) => {
    const dir = freshDir("resume-notes");
    const row = MERGE_ROWS.find((r) => r.patientId === "M-TR1") as Row;
    const input = writeCsv(join(dir, "orders.csv"), [row], [...COLUMNS, "secondLanguage"]);
    const out = join(dir, "out");
    expect((await batch(input, out)).code).toBe(0);
    const printed = readReport(out).rows[0];
    expect((await batch(input, out, "--resume")).code).toBe(0);
    const skipped = readReport(out).rows[0];
    expect(skipped?.status).toBe("skipped");
    expect(printed?.notes).toEqual([expect.stringMatching(DUTCH_DID_NOT_FIT)]);
    expect(skipped?.notes).toEqual(printed?.notes);
  });

  test("print-leaflets-tr-nl-001.pdf: the bilingual leaflet, every page", async ({ expect }) => {
    const { out } = await mergeBatch();
    const expected = await pageCount(join(out, "M-TR1", "pomalidomide-leaflet-tr-nl.pdf"));
    const pages = await extractText(readFileSync(join(out, "print-leaflets-tr-nl-001.pdf")));
    expect(pages.length).toBe(sheetSides(expected));
    for (const page of pages) expect(patientIdOn(page)).toBe("M-TR1");
    // Padded in both languages: the patient's and the nurse's.
    if (expected % 2 === 1) {
      expect(pages.at(-1)).toContain(BLANK_BACK.tr);
      expect(pages.at(-1)).toContain(BLANK_BACK.nl);
    }
  });

  test("print-cards-en-001.pdf: 12 cards on 2 A4 sheets, front and back; the first front holds 10 patients", async ({
    expect,
  }) => {
    const { out } = await mergeBatch();
    const bytes = readFileSync(join(out, "print-cards-en-001.pdf"));
    const sizes = await pageSizes(bytes);
    expect(sizes.length).toBe(4);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(595.28, 0);
      expect(size.height).toBeCloseTo(841.89, 0);
    }
    const pages = (await extractText(bytes)).map(flat);
    const names = MERGE_EN.map((row) => String(row.name));
    const onFirstFront = names.filter((name) => pages[0]?.includes(name));
    expect(onFirstFront).toEqual(names.slice(0, 10));
    expect(new Set(onFirstFront).size).toBe(10);
    expect(names.filter((name) => pages[2]?.includes(name))).toEqual(names.slice(10));
    for (const page of pages) {
      expect(page).not.toContain("Nobody Printed");
      expect(page).not.toContain("Noor van Oosterhout");
    }
  });

  test("card sheets: each patient's card back is printed behind its own front (mirrored slot, long-edge duplex)", async ({
    expect,
  }) => {
    const { out } = await mergeBatch();
    const items = await textItems(readFileSync(join(out, "print-cards-en-001.pdf")));
    // The slot (row, column as seen from the front) a text item lies in; a back's column is mirrored.
    const slotOf = (x: number, y: number, back: boolean) => {
      const column = x < SHEET_CENTRE_X ? 0 : 1;
      return `${Math.floor((SHEET_TOP_Y - y) / CARD_PITCH_Y)}:${back ? 1 - column : column}`;
    };
    for (const sheet of [0, 1]) {
      const front = items.filter((i) => i.page === 2 * sheet + 1);
      const back = items.filter((i) => i.page === 2 * sheet + 2);
      // Which patient is in which slot: the name on the front.
      const patients = new Map<string, string>();
      for (const item of front) {
        const row = MERGE_EN.find((r) => item.str.includes(String(r.name)));
        if (row) patients.set(slotOf(item.x, item.y, false), String(row.patientId));
      }
      const expected = MERGE_EN.slice(sheet * 10, sheet * 10 + 10).map((row) => String(row.patientId));
      expect([...patients.values()].sort(), `sheet ${sheet + 1}`).toEqual(expected.sort());
      // Behind every front there is a back, and behind no empty slot.
      const backed = new Set(back.filter((i) => i.str.trim() !== "").map((i) => slotOf(i.x, i.y, true)));
      expect([...backed].sort(), `sheet ${sheet + 1}`).toEqual([...patients.keys()].sort());
    }
  });

  test("print-cards-nl-001.pdf: the Dutch card on one sheet (front and back)", async ({ expect }) => {
    const { out } = await mergeBatch();
    const bytes = readFileSync(join(out, "print-cards-nl-001.pdf"));
    expect((await pageSizes(bytes)).length).toBe(2);
    expect(flat((await extractText(bytes))[0] ?? "")).toContain("Noor van Oosterhout");
  });
});
