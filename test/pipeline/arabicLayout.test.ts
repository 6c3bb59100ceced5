// Where an Arabic leaflet's words stand, read from the PDF: the title's descenders clear of the facts
// table's top rule on page 1 (the title's baseline from pdfjs, its ink and the rule from poppler's
// picture of the page), the dose reading "4 mg" left to right in every calendar cell, the medicine named
// "pomalidomide (Imnovid)" wherever both names stand together, in normal and in large print. A control
// (the same Arabic set as if it read left to right, with the Latin title's smaller gap) shows the title
// check can fail. Dates are pinned (2026-12-01); nothing depends on today.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildLeafletDoc, generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { renderLeaflet as renderPdf } from "../../src/render/leaflet/renderLeaflet.tsx";
import { createTheme } from "../../src/render/theme.ts";
import { baseOrder } from "../helpers/orders.ts";
import { type TextItem, textItems } from "../helpers/pdf.ts";
import { hasPdftoppm, type Raster, rasterisePage } from "../helpers/printChecks.ts";

const catalog = loadCatalogOrThrow();
const DPI = 300;

function order(overrides: Record<string, unknown> = {}): Order {
  const validation = validateOrder({ ...baseOrder(), language: "ar", ...overrides }, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return validation.order;
}

async function leafletOf(o: Order): Promise<Uint8Array> {
  const [leaflet] = await generateDocuments(o, catalog, { kinds: ["leaflet"] });
  if (!leaflet) throw new Error("no leaflet");
  return leaflet.bytes;
}

interface Word {
  page: number;
  text: string;
  x: number;
  right: number;
  /** Top of the word's box, in points from the page's top. */
  y: number;
}

let dir: string;

/** poppler's words with their boxes (Arabic words come in the order their glyphs stand, left to right). */
function pdfWords(bytes: Uint8Array, name: string): Word[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const html = execFileSync("pdftotext", ["-enc", "UTF-8", "-bbox", file, "-"], { encoding: "utf8" });
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*)<\/word>/.exec(line);
    if (!m) continue;
    const text = (m[4] as string).replace(/&amp;/g, "&").replace(/[\u2066-\u2069]/g, "");
    words.push({ page, text, x: Number(m[1]), y: Number(m[2]), right: Number(m[3]) });
  }
  return words;
}

/** The words on the same line as `word` (same page, box tops within 4 pt), left to right. */
function lineOf(words: Word[], word: Word): Word[] {
  return words.filter((w) => w.page === word.page && Math.abs(w.y - word.y) < 4).sort((a, b) => a.x - b.x);
}

/**
 * How the page-1 title sits over the facts table's top rule, in points: the title's baseline (pdfjs), the
 * rule (the first pixel row under it dark across 90 % of the text width) and the white gap between the
 * title's lowest ink and the rule.
 */
function titleOverRule(items: TextItem[], raster: Raster, contentLeft: number, contentRight: number) {
  const title = items.filter((i) => i.page === 1 && i.size > 18);
  if (title.length === 0) throw new Error("no title on page 1");
  const baseline = Math.min(...title.map((i) => i.y));
  const left = Math.min(...title.map((i) => i.x));
  const right = Math.max(...title.map((i) => i.right));
  const px = (v: number) => Math.round(v * raster.scale);
  const dark = (x: number, y: number) => (raster.data[(y * raster.width + x) * 4] ?? 255) < 160;
  const baselineRow = px(raster.pageHeight - baseline);
  let ruleRow = -1;
  for (let y = baselineRow; y < baselineRow + px(30); y++) {
    let count = 0;
    for (let x = px(contentLeft); x < px(contentRight); x++) if (dark(x, y)) count++;
    if (count > 0.9 * (px(contentRight) - px(contentLeft))) {
      ruleRow = y;
      break;
    }
  }
  if (ruleRow < 0) throw new Error("no rule under the title");
  let lowestInk = baselineRow;
  for (let y = baselineRow; y < ruleRow; y++) {
    for (let x = px(left); x < px(right); x++) {
      if (dark(x, y)) {
        lowestInk = y;
        break;
      }
    }
  }
  return {
    baseline,
    rule: raster.pageHeight - ruleRow / raster.scale,
    gap: (ruleRow - lowestInk - 1) / raster.scale,
  };
}

const hasPoppler = hasPdftoppm();
if (!hasPoppler)
  console.warn("arabicLayout.test.ts: skipped — poppler-utils (pdftoppm) is missing (apt-get install poppler-utils).");

const A4_HEIGHT = 841.89;
let normal: Uint8Array;
let large: Uint8Array;
let imlygic: Uint8Array;
let dutchWithArabic: Uint8Array;
let control: Uint8Array;
let contentLeft: number;
let contentRight: number;

beforeAll(async () => {
  if (!hasPoppler) return;
  dir = mkdtempSync(join(tmpdir(), "arabic-layout-"));
  const o = order();
  const brand = catalog.brands.get(o.brand);
  if (!brand) throw new Error("no brand");
  const theme = createTheme(brand, "A4", { direction: "rtl" });
  contentLeft = theme.page.margin;
  contentRight = contentLeft + theme.page.contentWidth;
  const { doseMg: _, cycles: __, pppCategory: ___, ...pomalidomideOnly } = baseOrder();
  const imlygicOrder = validateOrder(
    { ...pomalidomideOnly, language: "ar", drug: "imlygic", regimen: "imlygic", months: 6 },
    catalog,
  );
  if (!imlygicOrder.ok) throw new Error(`test order refused: ${JSON.stringify(imlygicOrder.problems)}`);
  [normal, large, imlygic, dutchWithArabic, control] = await Promise.all([
    leafletOf(o),
    leafletOf(order({ largePrint: true })),
    leafletOf(imlygicOrder.order),
    leafletOf(order({ language: "nl", secondLanguage: "ar" })),
    renderPdf(buildLeafletDoc(o, catalog), createTheme(brand, "A4", { direction: "ltr" }), {
      creationDate: new Date("2026-12-01T00:00:00Z"),
      creator: "test",
    }),
  ]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasPoppler)("Arabic leaflet: places on the page", () => {
  test.each([
    ["pomalidomide", () => normal],
    ["Imlygic", () => imlygic],
  ])("%s, page 1: the title's descenders stay clear of the facts table's top rule", async (_, bytes) => {
    const raster = rasterisePage(bytes(), 1, { dpi: DPI, gray: true, pageHeight: A4_HEIGHT });
    const { baseline, rule, gap } = titleOverRule(await textItems(bytes()), raster, contentLeft, contentRight);
    expect(rule).toBeLessThan(baseline);
    // At least 1 pt of white between the lowest letter and the rule.
    expect(gap).toBeGreaterThanOrEqual(1);
  });

  test("control: with the Latin title's gap the descenders touch the rule (the check can fail)", async () => {
    const raster = rasterisePage(control, 1, { dpi: DPI, gray: true, pageHeight: A4_HEIGHT });
    const { gap } = titleOverRule(await textItems(control), raster, contentLeft, contentRight);
    expect(gap).toBeLessThan(1);
  });

  test.each([
    ["normal print", () => normal, 3 * 21],
    ["large print", () => large, 3 * 21],
  ])(
    "%s: every calendar cell's dose reads 4 mg left to right (the number at the left of its unit)",
    (_, bytes, atLeast) => {
      const words = pdfWords(bytes(), "doses.pdf");
      const units = words.filter((w) => w.text === "mg");
      let numberFirst = 0;
      for (const unit of units) {
        const line = lineOf(words, unit);
        const i = line.indexOf(unit);
        const before = line[i - 1];
        const after = line[i + 1];
        // "mg 4": the number right of its unit, on any line of the leaflet.
        if (after && /^\d+$/.test(after.text) && after.x - unit.right < 8)
          throw new Error(`page ${unit.page}: "mg ${after.text}" (the unit before its number)`);
        if (before && /^\d+$/.test(before.text) && unit.x - before.right < 8) numberFirst++;
      }
      // Every pomalidomide day's cell (21 a cycle, 3 cycles) at least, and the lines and the key.
      expect(numberFirst).toBeGreaterThanOrEqual(atLeast);
    },
  );

  test("the medicine is 'pomalidomide (Imnovid)' wherever both names stand together", () => {
    const words = pdfWords(normal, "names.pdf");
    const brands = words.filter((w) => /^\(Imnovid®?\)/.test(w.text));
    // The title, the running header of every page and the medicine row, at least.
    expect(brands.length).toBeGreaterThanOrEqual(8);
    for (const brand of brands) {
      const line = lineOf(words, brand);
      expect(line[line.indexOf(brand) - 1]?.text, `page ${brand.page}`).toBe("pomalidomide");
    }
  });

  test.each([
    ["normal print", () => normal],
    ["large print", () => large],
  ])(
    "%s: the nurse's Dutch notice in every footer ends in its full stop at its right end, also where it wraps",
    (_, bytes) => {
      const words = pdfWords(bytes(), "footer.pdf");
      const pages = new Set(words.map((w) => w.page));
      const ends = words.filter((w) => w.text.includes("apotheker"));
      expect(ends.length).toBe(pages.size);
      for (const end of ends) {
        expect(end.text, `page ${end.page}`).toBe("apotheker.");
        const line = lineOf(words, end);
        // (An Arabic word's full stop stands at its left, where an Arabic sentence ends.)
        expect(
          line.filter((w) => /^\.[a-z]/i.test(w.text)).map((w) => w.text),
          `page ${end.page}`,
        ).toEqual([]);
        // The Dutch words of the line read left to right, ending with it.
        const dutch = line.filter((w) => /^[a-z.]+$/.test(w.text));
        expect(dutch.at(-1)).toBe(end);
      }
    },
  );

  test("a Dutch leaflet with Arabic: each cycle's Arabic title and dose lines right-aligned, doses read 4 mg", () => {
    const words = pdfWords(dutchWithArabic, "bilingual.pdf");
    // "الدورة" (cycle) as its glyphs stand: reversed. Its title lines end at the text's right edge, indented.
    const cycleWord = [..."الدورة"].reverse().join("");
    const titles = words.filter((w) => w.text === cycleWord);
    for (const title of titles) {
      const line = lineOf(words, title);
      const right = Math.max(...line.map((w) => w.right));
      expect(right).toBeGreaterThan(contentRight - 15);
      expect(right).toBeLessThan(contentRight - 5);
    }
    // The three cycles' titles carry their dates (Latin digits); the others are "continued" titles.
    const dated = titles.filter((t) => lineOf(words, t).some((w) => /^20(26|27)$/.test(w.text)));
    expect(dated).toHaveLength(3);
    // The Arabic dose lines: "4 mg" and "40 mg" left to right ("4 mg 1 keer per dag" is Dutch).
    const units = words.filter((w) => w.text === "mg");
    let arabicLines = 0;
    for (const unit of units) {
      const line = lineOf(words, unit);
      if (!line.some((w) => /[\u0600-\u06ff]/.test(w.text))) continue;
      arabicLines++;
      const after = line[line.indexOf(unit) + 1];
      if (after && /^\d+$/.test(after.text) && after.x - unit.right < 8)
        throw new Error(`page ${unit.page}: "mg ${after.text}" (the unit before its number)`);
    }
    // Two dose lines (pomalidomide, dexamethasone) a cycle.
    expect(arabicLines).toBeGreaterThanOrEqual(6);
  });

  test("no word is broken where its font changes: the content version stands whole, no hyphenated number", () => {
    const words = pdfWords(normal, "words.pdf");
    expect(words.some((w) => w.page === 1 && /^\.?[0-9a-f]{8}\.?$/.test(w.text))).toBe(true);
    const broken = words.filter((w) => /^\d*-$|^-\d+$/.test(w.text)).map((w) => `page ${w.page}: ${w.text}`);
    expect(broken).toEqual([]);
  });
});
