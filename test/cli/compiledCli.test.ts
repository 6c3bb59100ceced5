// The compiled command (dist/, as `npm install` builds it): the same CLI as the sources, what its start
// loads, the library as a package imports it, and a build older than its sources never running silently.
// (Every test of the CLI helper runs against the build with LEAFLETS_TEST_CLI=build.) No timings here:
// `npm run bench -- --cold` measures them.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sourceStamp } from "../../bin/buildStamp.js";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { DEMO_ORDER } from "../../src/order/demoOrder.ts";
import { runCli } from "../helpers/cli.ts";
import { extractText, flat } from "../helpers/pdf.ts";

const BUILD = { LEAFLETS_RUN: "build" };
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The modules (URLs) a run of the compiled command resolved, recorded by test/helpers/recordLoads.mjs. */
function modulesLoaded(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; stdout: string; loaded: string[] } {
  const file = join(temp("leaflets-loads-"), "loads.txt");
  writeFileSync(file, "");
  const run = spawnSync(
    process.execPath,
    ["--import", join(PROJECT_ROOT, "test/helpers/recordLoads.mjs"), join(PROJECT_ROOT, "bin/leaflets.js"), ...args],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...BUILD, ...env, LEAFLETS_LOADS_FILE: file }, encoding: "utf8" },
  );
  return { code: run.status, stdout: run.stdout, loaded: readFileSync(file, "utf8").split("\n").filter(Boolean) };
}

describe("the compiled command", () => {
  test("--version prints the package's version from the build, with nothing on stderr", async () => {
    const run = await runCli(["--version"], { env: BUILD });
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  test("generate --demo writes the demo patient's leaflet and card, with her name in them", async () => {
    const out = temp("leaflets-compiled-");
    const run = await runCli(["generate", "--demo", "--out", out], { env: BUILD });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const files = run.stdout.trim().split("\n");
    expect(files.map((f) => f.slice(out.length))).toEqual([
      "/DEMO-0001/pomalidomide-leaflet-en.pdf",
      "/DEMO-0001/pomalidomide-card-en.pdf",
    ]);
    for (const file of files) expect(flat(await extractText(readFileSync(file)))).toContain("Zoë Çelik-Łukasz");
  });

  test("a refused order: exit 1, the field named", async () => {
    const run = await runCli(["generate", "--patient", "-", "--out", temp("leaflets-compiled-"), "--json"], {
      env: BUILD,
      input: JSON.stringify({ patientId: "X-1", drug: "pomalidomide" }),
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false });
    expect(run.stdout).toContain("name");
  });

  test("--version and --help load neither react-pdf, fontkit nor the renderer; list loads no react-pdf", () => {
    for (const args of [["--version"], ["--help"]]) {
      const { code, stdout, loaded } = modulesLoaded(args);
      expect(code).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
      // The recorder works: the CLI's own modules are in the list, from the build.
      expect(loaded).toContain(`file://${PROJECT_ROOT}/dist/cli/main.js`);
      expect(loaded.filter((url) => /@react-pdf|fontkit|\/dist\/render\/|\/src\//.test(url))).toEqual([]);
    }
    const list = modulesLoaded(["list", "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).drugs.length).toBeGreaterThan(0);
    expect(list.loaded.some((url) => url.endsWith("/dist/catalog/loadCatalog.js"))).toBe(true);
    expect(list.loaded.filter((url) => url.includes("@react-pdf"))).toEqual([]);
  });

  test("a refused order is refused before the renderer loads", () => {
    const order = join(temp("leaflets-order-"), "order.json");
    writeFileSync(order, JSON.stringify({ patientId: "X-1", drug: "pomalidomide" }));
    const { code, stdout, loaded } = modulesLoaded(["generate", "--patient", order, "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false });
    expect(loaded.some((url) => url.endsWith("/dist/order/validateOrder.js"))).toBe(true);
    expect(loaded.filter((url) => /@react-pdf|\/dist\/pipeline\/generateDocuments/.test(url))).toEqual([]);
  });

  test("list and the order's check of a name's characters load no fontkit (the coverage table is on disk)", () => {
    const order = join(temp("leaflets-order-"), "order.json");
    writeFileSync(order, JSON.stringify({ ...DEMO_ORDER, name: "Zoë 漢字" }));
    const refusedName = (env: Record<string, string> = {}) => {
      const run = modulesLoaded(["generate", "--patient", order, "--json"], env);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).errors).toEqual([expect.objectContaining({ field: "name" })]);
      return run.loaded.filter((url) =>
        /fontkit|@react-pdf|\/dist\/render\/(?!text\/(fonts|fontCoverageCache)\.js)/.test(url),
      );
    };
    const primed = refusedName(); // the build primed the table (scripts/primeCaches.ts)
    expect(primed).toEqual([]);
    expect(modulesLoaded(["list", "--json"]).loaded.filter((url) => url.includes("fontkit"))).toEqual([]);
    // Without a table the fonts are read (the recorder sees fontkit), and the table is then kept.
    const empty = temp("leaflets-cache-");
    expect(refusedName({ LEAFLETS_CACHE_DIR: empty }).some((url) => url.includes("fontkit"))).toBe(true);
    expect(refusedName({ LEAFLETS_CACHE_DIR: empty })).toEqual([]);
  });

  test("generate loads react-pdf (the recorder sees it when it is there)", () => {
    const { code, loaded } = modulesLoaded(["generate", "--demo", "--kinds", "card", "--out", temp("leaflets-c-")]);
    expect(code).toBe(0);
    expect(loaded.some((url) => url.includes("@react-pdf/renderer"))).toBe(true);
  });
});

describe("the library as a package", () => {
  test('import { generateDocuments, validateOrder, buildSchedule } from "patient-leaflets" (the build)', () => {
    const script = `
      import { buildSchedule, generateDocuments, loadCatalogOrThrow, validateOrder } from "patient-leaflets";
      const catalog = loadCatalogOrThrow();
      const v = validateOrder({ patientId: "LIB-1", name: "Test Patient", drug: "pomalidomide", regimen: "pd-28",
        doseMg: 4, startDate: "2026-12-01", cycles: 1, pppCategory: "man", language: "en" }, catalog);
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const [card] = await generateDocuments(v.order, catalog, { kinds: ["card"] });
      console.log(JSON.stringify({ kind: card.kind, pdf: Buffer.from(card.bytes.slice(0, 5)).toString(),
        schedule: typeof buildSchedule, url: import.meta.resolve("patient-leaflets") }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      kind: "card",
      pdf: "%PDF-",
      schedule: "function",
      url: `file://${PROJECT_ROOT}/dist/index.js`,
    });
  });
});

describe("a build older than its sources", () => {
  let root: string;
  beforeAll(() => {
    // A copy of the project's code with its build, fresh at first.
    root = temp("leaflets-stale-");
    for (const part of ["bin", "dist", "src", "package.json"])
      cpSync(join(PROJECT_ROOT, part), join(root, part), { recursive: true });
    for (const data of ["node_modules", "templates", "locales"])
      symlinkSync(join(PROJECT_ROOT, data), join(root, data));
    // Copied times are not always kept to the millisecond: stamp the copy's build as its build step would.
    writeFileSync(join(root, "dist/build-stamp.json"), JSON.stringify(sourceStamp(join(root, "src"))));
  });
  const version = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(root, "bin/leaflets.js"), "--version"], {
      cwd: root,
      env: { ...process.env, LEAFLETS_RUN: "", ...env },
      encoding: "utf8",
    });

  test("runs the build while it matches; after a source file changes, warns once and runs the sources", () => {
    expect(version({})).toMatchObject({ status: 0, stdout: `${VERSION}\n`, stderr: "" });
    const changed = join(root, "src/cli/main.ts");
    writeFileSync(
      changed,
      readFileSync(changed, "utf8").replace(/\.version\(packageVersion\(\)/, '.version("9.9.9-edited"'),
    );
    const stale = version({});
    expect(stale.status).toBe(0);
    expect(stale.stdout).toBe("9.9.9-edited\n"); // the edited source ran, not the old build
    expect(stale.stderr).toBe(
      "leaflets: src/ changed since the last build; running the sources through tsx (slower; `npm run build`)\n",
    );
  });

  test("LEAFLETS_RUN=build refuses a stale build loudly", () => {
    const run = version({ LEAFLETS_RUN: "build" });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("src/ changed since the last build: run `npm run build`");
  });
});
