// The card options of the real `leaflets generate` command, run as a child process (node bin/leaflets.js,
// cwd the project) writing into temporary folders: what is written (and what is not), exit codes and
// messages, and the size of what lands on disk.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, type ExpectStatic, test } from "vitest";
import { runCli as cli, listTree, type CliRun as Run, singleJson, tempFolders } from "../helpers/cli.ts";
import { baseOrder, type OrderInput } from "../helpers/orders.ts";
import { extractText, flat, pageBoxes, pageSizes, toMm } from "../helpers/pdf.ts";

const freshDir = tempFolders("leaflets-cards-cli-test-");

/** The PDFs below `dir` (relative paths, sorted). */
function pdfsIn(dir: string): string[] {
  return listTree(dir).filter((path) => path.endsWith(".pdf"));
}

const MM_TOLERANCE = 0.1;

function expectPageMm(expect: ExpectStatic, size: { width: number; height: number }, w: number, h: number) {
  expect(Math.abs(toMm(size.width) - w), `width ${toMm(size.width).toFixed(2)} mm`).toBeLessThanOrEqual(MM_TOLERANCE);
  expect(Math.abs(toMm(size.height) - h), `height ${toMm(size.height).toFixed(2)} mm`).toBeLessThanOrEqual(
    MM_TOLERANCE,
  );
}

const CARD = join("DEMO-0001", "pomalidomide-card-en.pdf");
const LEAFLET = join("DEMO-0001", "pomalidomide-leaflet-en.pdf");
/** What the writer may put next to the documents: the folder itself and its manifest. */
const BOOKKEEPING = ["DEMO-0001", join("DEMO-0001", "manifest.json")];

describe.concurrent("generate --kinds and --card-format", () => {
  test("--kinds card writes only the card (ID-1, two pages) and prints only its path", async ({ expect }) => {
    const out = freshDir("kinds-card");
    const run = await cli(["generate", "--demo", "--out", out, "--kinds", "card"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([join(out, CARD)]);
    expect(pdfsIn(out)).toEqual([CARD]);
    expect(listTree(out).filter((path) => !BOOKKEEPING.includes(path))).toEqual([CARD]);
    const bytes = readFileSync(join(out, CARD));
    const sizes = await pageSizes(bytes);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expectPageMm(expect, size, 85.6, 53.98);
    const text = await extractText(bytes);
    expect(text[0]).toContain("Zoë Çelik-Łukasz");
    expect(flat(text[1] ?? "")).toContain("at least 4 weeks before starting");
  });

  test("--kinds leaflet,card writes both and prints both paths", async ({ expect }) => {
    const out = freshDir("kinds-both");
    const run = await cli(["generate", "--demo", "--out", out, "--kinds", "leaflet,card"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([join(out, LEAFLET), join(out, CARD)]);
    expect(pdfsIn(out)).toEqual([CARD, LEAFLET].sort());
    expect((await pageSizes(readFileSync(join(out, CARD)))).length).toBe(2);
    expect((await pageSizes(readFileSync(join(out, LEAFLET)))).length).toBeGreaterThan(1);
  });

  test("--card-format sheet writes the card on A4 (front page, mirrored back page)", async ({ expect }) => {
    const out = freshDir("sheet");
    const run = await cli(["generate", "--demo", "--out", out, "--kinds", "card", "--card-format", "sheet"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(join(out, CARD));
    const sizes = await pageSizes(readFileSync(join(out, CARD)));
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expectPageMm(expect, size, 210, 297);
  });

  test("--bleed 3 with id1: a print-shop page with TrimBox and BleedBox", async ({ expect }) => {
    const out = freshDir("bleed");
    const run = await cli(["generate", "--demo", "--out", out, "--kinds", "card", "--bleed", "3"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const boxes = await pageBoxes(readFileSync(join(out, CARD)));
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      expectPageMm(expect, box.media, 85.6 + 2 * 9, 53.98 + 2 * 9);
      expectPageMm(expect, box.trim, 85.6, 53.98);
      expectPageMm(expect, box.bleed, 85.6 + 6, 53.98 + 6);
      for (const edge of [box.trim.x, box.trim.y]) expect(Math.abs(toMm(edge) - 9)).toBeLessThanOrEqual(MM_TOLERANCE);
      for (const edge of [box.bleed.x, box.bleed.y]) expect(Math.abs(toMm(edge) - 6)).toBeLessThanOrEqual(MM_TOLERANCE);
    }
  });

  test("--json lists the card with kind card and 2 pages", async ({ expect }) => {
    const out = freshDir("json");
    const run = await cli(["generate", "--demo", "--out", out, "--kinds", "card", "--json"]);
    expect(run.code).toBe(0);
    expect(singleJson(run.stdout)).toEqual({
      ok: true,
      files: [{ path: join(out, CARD), kind: "card", language: "en", pages: 2 }],
    });
    expect((await pageSizes(readFileSync(join(out, CARD)))).length).toBe(2);
  });
});

describe.concurrent("bad card options exit with code 2, say why and write nothing", () => {
  const cases: [string, string[], RegExp][] = [
    ["--kinds poster", ["--kinds", "poster"], /--kinds/],
    ["--card-format postcard", ["--card-format", "postcard"], /--card-format/],
    ["--bleed 3 --card-format sheet", ["--bleed", "3", "--card-format", "sheet"], /--bleed.*(id1|sheet)/],
    ["--bleed 9", ["--bleed", "9"], /--bleed/],
  ];
  test.for(cases)("%s", async ([, args, message], { expect }) => {
    const out = join(freshDir("usage"), "out");
    const run = await cli(["generate", "--demo", "--out", out, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(listTree(out)).toEqual([]);
  });
});

describe.concurrent("a name too long for the card", () => {
  // Fictional; 100 characters (the longest name an order may have), far too wide for the card at 6.5 pt.
  const name = "Maria Magdalena Wilhelmina Alexandra Theodora van den Bosch-Oppenheimer Vandenbroucke de Castellanos";

  function writeOrder(dir: string, order: OrderInput): string {
    const path = join(dir, "order.json");
    writeFileSync(path, JSON.stringify(order, null, 2));
    return path;
  }

  const expectNoName = (expect: ExpectStatic, run: Run) => {
    for (const part of name.split(/[ -]/).filter((p) => p.length > 4))
      expect(run.stdout + run.stderr).not.toContain(part);
  };

  test("is refused: exit code 1, the field name named, nothing written", async ({ expect }) => {
    expect(name).toHaveLength(100);
    const dir = freshDir("long-name");
    const out = join(dir, "out");
    const orderPath = writeOrder(dir, { ...baseOrder(), name, cycles: 1 });
    const run = await cli(["generate", "--patient", orderPath, "--out", out]);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain("internal error");
    // The refusal lists each problem as "  - <field>: <message>".
    expect(run.stderr).toMatch(/^\s*- name: /m);
    expect(run.code).toBe(1);
    expect(listTree(out)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["order.json"]);
    expectNoName(expect, run);
  });

  test("--json: exit code 1, {ok:false} with an error on the field name, nothing written", async ({ expect }) => {
    const dir = freshDir("long-name-json");
    const out = join(dir, "out");
    const orderPath = writeOrder(dir, { ...baseOrder(), name, cycles: 1 });
    const run = await cli(["generate", "--patient", orderPath, "--out", out, "--kinds", "card", "--json"]);
    const result = singleJson(run.stdout);
    expect(result.ok).toBe(false);
    expect((result.errors as { field: string }[]).map((e) => e.field)).toContain("name");
    expect(run.code).toBe(1);
    expect(listTree(out)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["order.json"]);
    expectNoName(expect, run);
  });
});
