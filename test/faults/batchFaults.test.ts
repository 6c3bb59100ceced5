// Faults during a batch: kill -9 at seeded random points of `batch` and `batch --resume`, a full disk (a
// small tmpfs), an output folder that cannot be written (a read-only tmpfs) and render workers that die.
// Every time, after `--resume`: every expected file exists once, passes `qpdf --check` and matches its
// manifest, and no temporary or partial file is left. LEAFLETS_FAULT_POINTS sets the number of kill points
// (default 20); the tmpfs cases need root and skip, saying so, where mounting is refused.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { runCli } from "../helpers/cli.ts";
import { seededRandom } from "../helpers/seededRandom.ts";

const KILL_POINTS = Number(process.env.LEAFLETS_FAULT_POINTS ?? 20);
const ORDERS = 6;
const HEADER = "patientId,name,drug,regimen,doseMg,startDate,cycles,pppCategory,language";
const IDS = Array.from({ length: ORDERS }, (_, i) => `F-${i + 1}`);
const EXPECTED = IDS.flatMap((id) => [`${id}/manifest.json`, `${id}/pomalidomide-card-en.pdf`]);
const BATCH_ARGS = ["--kinds", "card", "--workers", "1"];
const haveQpdf = spawnSync("qpdf", ["--version"]).status === 0;

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "leaflets-faults-"));
  input = join(dir, "orders.csv");
  const rows = IDS.map((id, i) => `${id},Fault Patiënt ${i},pomalidomide,pd-28,4,2026-12-0${1 + (i % 9)},1,man,en`);
  writeFileSync(input, [HEADER, ...rows, ""].join("\n"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

/** Every PDF under its real name is whole (qpdf), and every manifest present matches its files' bytes. */
function expectNothingHalfWritten(out: string): void {
  const files = filesUnder(out);
  for (const file of files.filter((f) => f.endsWith(".pdf"))) {
    if (!haveQpdf) break;
    const check = spawnSync("qpdf", ["--check", join(out, file)], { encoding: "utf8" });
    expect(check.status, `${file}: ${check.stdout}${check.stderr}`).toBe(0);
  }
  for (const file of files.filter((f) => f.endsWith("manifest.json"))) {
    const folder = join(out, file, "..");
    const manifest = JSON.parse(readFileSync(join(out, file), "utf8")) as { files: { file: string; sha256: string }[] };
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(folder, entry.file));
      expect(createHash("sha256").update(bytes).digest("hex"), `${file}: ${entry.file}`).toBe(entry.sha256);
    }
  }
}

/** After a run that completed: exactly the expected files, each once, whole and as its manifest says. */
function expectComplete(out: string): void {
  expect(filesUnder(out)).toEqual([...EXPECTED, "report.csv", "report.json"].sort());
  expectNothingHalfWritten(out);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { rows: { status: string }[] };
  expect(report.rows).toHaveLength(ORDERS);
  expect(report.rows.every((r) => r.status === "ok" || r.status === "skipped")).toBe(true);
}

function startBatch(out: string, resume: boolean): ChildProcess {
  const args = [`${PROJECT_ROOT}/bin/leaflets.js`, "batch", input, "--out", out, ...BATCH_ARGS];
  return spawn(process.execPath, resume ? [...args, "--resume"] : args, { stdio: "ignore", cwd: PROJECT_ROOT });
}

/** Runs a batch and kills it with SIGKILL after `ms` (unless it ended first). */
function killAfter(out: string, resume: boolean, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = startBatch(out, resume);
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

describe("kill -9 at random points of batch and batch --resume", () => {
  it(`${KILL_POINTS} kill points (seeded): after each, nothing half-written; after --resume, every file once, whole, as its manifest says`, async () => {
    const rand = seededRandom(2121);
    const outcomes: string[] = [];
    const perRun = 10;
    for (let start = 0; start < KILL_POINTS; start += perRun) {
      const out = join(dir, `killed-${start}`);
      for (let point = start; point < Math.min(start + perRun, KILL_POINTS); point++) {
        // Anywhere from start-up to the end of a run of six cards (about 4 s on a 2-core machine).
        const ms = 200 + Math.floor(rand() * 3800);
        outcomes.push(await killAfter(out, point > start, ms));
        expectNothingHalfWritten(out);
      }
      const resumed = await runCli(["batch", input, "--out", out, ...BATCH_ARGS, "--resume"]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expectComplete(out);
    }
    // The seed must really have killed runs, not only watched them finish.
    expect(outcomes.filter((o) => o === "SIGKILL").length).toBeGreaterThanOrEqual(Math.ceil(KILL_POINTS / 2));
  }, 600_000);
});

describe("render workers that die", () => {
  it("every row whose worker died fails, named; --resume with working workers prints them all", async () => {
    const out = join(dir, "dying");
    const died = await runCli(["batch", input, "--out", out, ...BATCH_ARGS], { env: { LEAFLETS_WORKER_HEAP_MB: "4" } });
    expect(died.code).toBe(1);
    expect(died.stderr).toMatch(/row 2 \(F-1\): render worker (stopped|failed)/);
    expect(filesUnder(out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    expectNothingHalfWritten(out);
    const resumed = await runCli(["batch", input, "--out", out, ...BATCH_ARGS, "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expectComplete(out);
  }, 300_000);
});

/** A tmpfs of `size` mounted at a new folder (root only); undefined where mounting is refused. */
function mountTmpfs(options: string): string | undefined {
  const point = join(dir, `mnt-${Math.random().toString(36).slice(2)}`);
  mkdirSync(point);
  const result = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", point]);
  if (result.status !== 0) {
    console.warn(`skipped: cannot mount a tmpfs here (${String(result.stderr).trim() || "not root"})`);
    return undefined;
  }
  mounts.push(point);
  return point;
}
const mounts: string[] = [];
afterAll(() => {
  for (const point of mounts) spawnSync("umount", [point]);
});

describe("a full disk and an output folder that cannot be written", () => {
  it("a disk that fills: no half-written file; after room is made, --resume prints every file once", async (context) => {
    const disk = mountTmpfs("size=48k");
    if (!disk) return context.skip();
    const out = join(disk, "out");
    const full = await runCli(["batch", input, "--out", out, ...BATCH_ARGS]);
    expect(full.code).not.toBe(0);
    const report = join(out, "report.json");
    const said = full.stdout + full.stderr + (existsSync(report) ? readFileSync(report, "utf8") : "");
    expect(said).toMatch(/ENOSPC/);
    expectNothingHalfWritten(out);
    expect(filesUnder(out).filter((f) => /\.\d+$/.test(f))).toEqual([]);
    execFileSync("mount", ["-o", "remount,size=8m", disk]);
    const resumed = await runCli(["batch", input, "--out", out, ...BATCH_ARGS, "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expectComplete(out);
  }, 300_000);

  it("a read-only output folder: exit 2 before any row is rendered, naming the folder; --resume once writable", async (context) => {
    const disk = mountTmpfs("size=8m,ro");
    if (!disk) return context.skip();
    const refused = await runCli(["batch", input, "--out", disk, ...BATCH_ARGS]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot write .*report\.json\.partial: EROFS/);
    execFileSync("mount", ["-o", "remount,rw", disk]);
    expect(filesUnder(disk)).toEqual([]);
    const resumed = await runCli(["batch", input, "--out", disk, ...BATCH_ARGS, "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expectComplete(disk);
  }, 300_000);
});
