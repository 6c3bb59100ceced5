// Hostile input through the real command line, a few spawns only (each costs about 1.5 s): `generate` from
// a file and from standard input, a 50 MB file, a FIFO, a render past its --timeout, and a `batch` of
// hostile rows and of renders that are stopped. Each: the exit code, the field named, no name or date of
// birth in any output or report, no file left behind.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/loadCatalog.ts";
import { runCli } from "../helpers/cli.ts";
import { projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";
import { leaksSecret, SECRET_NAME, secretOrder } from "./hostileInputs.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "leaflets-hostile-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => removeProjectCopies());

/** Every file under `root`, relative. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe("leaflets generate", () => {
  it("a duplicate doseMg in the order file: exit 1, the key and both lines named, nothing written", async () => {
    const order = join(dir, "duplicate.json");
    const text = JSON.stringify(secretOrder(), null, 1).replace(/\n}$/, ',\n "doseMg": 3\n}');
    writeFileSync(order, text);
    const out = join(dir, "out-duplicate");
    const run = await runCli(["generate", "--patient", order, "--out", out, "--json"]);
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { ok: boolean; errors: { field: string; message: string }[] };
    expect(answer.errors).toEqual([
      { field: "doseMg", message: expect.stringMatching(/^is given twice \(lines 6 and 12\)/) },
    ]);
    expect(leaksSecret(run.stdout + run.stderr)).toBe(false);
    expect(filesUnder(out)).toEqual([]);
  });

  it("bytes that are not UTF-8 on standard input: exit 1, refused, the name not printed", async () => {
    const text = JSON.stringify(secretOrder());
    const at = text.indexOf(SECRET_NAME) + SECRET_NAME.length;
    const input = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(text.slice(at)),
    ]);
    const out = join(dir, "out-stdin");
    const run = await runCli(["generate", "--patient", "-", "--out", out], { input });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\(order\): standard input holds bytes that are not UTF-8 text at line 1/);
    expect(leaksSecret(run.stdout + run.stderr)).toBe(false);
    expect(run.stderr).not.toContain("\uFFFD");
    expect(filesUnder(out)).toEqual([]);
  });

  it("a 50 MB order file and a FIFO: exit 2 at once, naming why, nothing read or written", async () => {
    const big = join(dir, "big.json");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const fifo = join(dir, "order.fifo");
    execFileSync("mkfifo", [fifo]);
    const out = join(dir, "out-big");
    const [tooBig, pipe] = await Promise.all([
      runCli(["generate", "--patient", big, "--out", out]),
      runCli(["generate", "--patient", fifo, "--out", out]),
    ]);
    unlinkSync(big);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/it is 50 MB, more than the 1 MB allowed/);
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toMatch(/a pipe \(FIFO\), not a regular file/);
    expect(filesUnder(out)).toEqual([]);
  });

  it("a render past --timeout: exit 1, 'was stopped', nothing written", async () => {
    const order = join(dir, "order.json");
    writeFileSync(order, JSON.stringify(secretOrder()));
    const out = join(dir, "out-timeout");
    const run = await runCli(["generate", "--patient", order, "--out", out, "--timeout", "0.001"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/rendering took longer than 0.001 s and was stopped; nothing was written/);
    expect(filesUnder(out)).toEqual([]);
  });
});

describe("leaflets batch", () => {
  const HEADER = "patientId,name,drug,regimen,doseMg,startDate,cycles,pppCategory,language,dateOfBirth";
  const row = (id: string, name = SECRET_NAME, startDate = "2026-12-01") =>
    `${id},${name},pomalidomide,pd-28,4,${startDate},1,man,en,1961-07-19`;

  it("hostile rows fail on their own, the good row prints: exit 1, reports without patient data or formulas, nothing partial", async () => {
    const input = join(dir, "hostile.csv");
    writeFileSync(
      input,
      [
        HEADER,
        row("GOOD-1"),
        row("=HYPERLINK(1)"),
        row("H-3", `Wilhelmína \u202eQuaxley`),
        row("H-4", "王小明"),
        row("H-5", SECRET_NAME, "9999-06-01"),
        "",
      ].join("\n"),
    );
    const out = join(dir, "out-batch");
    const run = await runCli(["batch", input, "--out", out, "--kinds", "card", "--workers", "1"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      rows: { row: number; status: string; errors: { field: string }[] }[];
    };
    expect(report.rows.map((r) => [r.row, r.status, r.errors.map((e) => e.field)])).toEqual([
      [2, "ok", []],
      [3, "failed", ["patientId"]],
      [4, "failed", ["name"]],
      [5, "failed", ["name"]],
      [6, "failed", ["startDate"]],
    ]);
    const csv = readFileSync(join(out, "report.csv"), "utf8");
    for (const text of [run.stdout, run.stderr, csv, readFileSync(join(out, "report.json"), "utf8")]) {
      expect(leaksSecret(text)).toBe(false);
      expect(text).not.toMatch(/[王小明\u202e]/);
    }
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(filesUnder(out)).toEqual([
      "GOOD-1/manifest.json",
      "GOOD-1/pomalidomide-card-en.pdf",
      "report.csv",
      "report.json",
    ]);
  });

  it("renders stopped at --timeout: the batch finishes its report, exit 1, each row named, no partial or temporary file", async () => {
    const input = join(dir, "slow.csv");
    writeFileSync(input, [HEADER, row("S-1"), row("S-2"), ""].join("\n"));
    const out = join(dir, "out-slow");
    const run = await runCli(["batch", input, "--out", out, "--kinds", "card", "--workers", "1", "--timeout", "0.001"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 2 \(S-1\): rendering took longer than 0.001 s and was stopped/);
    expect(run.stderr).toMatch(/row 3 \(S-2\): rendering took longer/);
    const files = filesUnder(out);
    expect(files.filter((f) => /partial|\.\d+$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".pdf"))).toEqual([]);
    expect(files).toContain("report.json");
  });
});

describe("brand and template files are read once, at load, and only when they are regular files", () => {
  it("a logo that is a FIFO, a logo over 2 MB and a template that is a FIFO are problems of the catalog, not a hang", () => {
    const root = projectCopy();
    const logo = join(root, "templates/brands/default/logo.png");
    unlinkSync(logo);
    execFileSync("mkfifo", [logo]);
    const template = join(root, "templates/partials", readdirSync(join(root, "templates/partials"))[0] as string);
    unlinkSync(template);
    execFileSync("mkfifo", [template]);
    const { problems } = loadCatalog(root);
    const text = JSON.stringify(problems);
    expect(text).toMatch(/logo\.png cannot be used: it is a pipe \(FIFO\)/);
    expect(text).toMatch(/templates\/partials\/[^"]+\.hbs","key":"","message":"cannot be used: it is a pipe \(FIFO\)/);

    const other = projectCopy();
    writeFileSync(join(other, "templates/brands/default/logo.png"), Buffer.alloc(3 * 1024 * 1024));
    expect(JSON.stringify(loadCatalog(other).problems)).toMatch(
      /logo\.png cannot be used: it is 3 MB, more than the 2 MB allowed/,
    );
  });
});
