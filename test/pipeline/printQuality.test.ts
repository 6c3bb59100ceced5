// Print quality and accessibility, read from the printed PDF, never from the stylesheet: type sizes (pdfjs
// text items and the content streams' own Tf operators), large print, line length, the contrast of every
// colour text is shown in, the QR code decoded back from a rendered page (poppler + jsqr), document
// metadata, the PDF/A-2b option, the calendar in grey, and byte-for-byte determinism of every kind.
// Each distinct document is rendered once and cached. Orders start on fixed dates (nothing depends on today).
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { afterAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import {
  type GeneratedDocument,
  type GenerateOptions,
  generateDocuments,
} from "../../src/pipeline/generateDocuments.ts";
import { contrastRatio } from "../../src/validate/checkBrandContrast.ts";
import { validateProject } from "../../src/validate/validateProject.ts";
import { runCli } from "../helpers/cli.ts";
import { baseOrder, type OrderInput } from "../helpers/orders.ts";
import {
  contentFontSizes,
  extractText,
  flat,
  fontsEmbedded,
  PT_PER_MM,
  type TextItem,
  textItems,
} from "../helpers/pdf.ts";
import {
  archivalParts,
  decodeQr,
  hasPdftoppm,
  medianGrey,
  paintedColours,
  rasterisePage,
} from "../helpers/printChecks.ts";

const catalog = loadCatalogOrThrow();

// ---- Oracles: the shipped data files, read directly -------------------------------------------------

type Drug = "pomalidomide" | "imlygic";
type Lang = "en" | "nl" | "de";

// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
type Json = Record<string, any>;
const readJson = (path: string): Json => JSON.parse(readFileSync(join(PROJECT_ROOT, path), "utf8"));
const readYaml = (path: string): Json => parseYaml(readFileSync(join(PROJECT_ROOT, path), "utf8"));
const common = (lang: Lang): Json => readJson(`locales/${lang}/common.json`);
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

const brand = readYaml("templates/brands/default/brand.yaml") as {
  name: string;
  colours: { primary: string; onPrimary: string; accent: string; text: string };
};
const publicPage = (drug: Drug): string => readYaml(`templates/drugs/${drug}.yaml`).publicPage as string;

const PATIENT_NAME = "Test Patiënt";
const WHITE = "#FFFFFF";
const MIN_CONTRAST = 4.5;

// ---- Orders and rendering (each distinct document once) ---------------------------------------------

function orderFor(drug: Drug, language: Lang, extra: OrderInput = {}): OrderInput {
  if (drug === "pomalidomide") return { ...baseOrder(), language, ...extra };
  return {
    patientId: "T-0002",
    name: PATIENT_NAME,
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-11-24",
    language,
    ...extra,
  };
}

async function render(input: OrderInput, options: GenerateOptions): Promise<GeneratedDocument[]> {
  const validation = validateOrder(input, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return generateDocuments(validation.order, catalog, options);
}

interface Variant {
  drug: Drug;
  lang: Lang;
  largePrint?: boolean;
  pdfa?: boolean;
  sheet?: boolean;
}

const describeVariant = (v: Variant): string =>
  `${v.drug} ${v.lang}${v.largePrint ? " large print" : ""}${v.pdfa ? " PDF/A" : ""}${v.sheet ? " sheet" : ""}`;

function inputsFor(v: Variant): [OrderInput, GenerateOptions] {
  const order = orderFor(v.drug, v.lang, v.largePrint ? { largePrint: true } : {});
  const options: GenerateOptions = v.sheet
    ? { kinds: ["card"], cardFormat: "sheet", ...(v.pdfa ? { pdfa: true } : {}) }
    : { ...(v.pdfa ? { pdfa: true } : {}) };
  return [order, options];
}

const renders = new Map<string, Promise<GeneratedDocument[]>>();

/** Every document of a variant (leaflet and id1 card; only the card sheet for `sheet`), rendered once. */
function documentsOf(v: Variant): Promise<GeneratedDocument[]> {
  const key = describeVariant(v);
  let rendered = renders.get(key);
  if (!rendered) {
    rendered = render(...inputsFor(v));
    renders.set(key, rendered);
  }
  return rendered;
}

async function documentOf(v: Variant, kind: "leaflet" | "card"): Promise<GeneratedDocument> {
  const doc = (await documentsOf(v)).find((d) => d.kind === kind);
  if (!doc) throw new Error(`no ${kind} for ${describeVariant(v)}`);
  return doc;
}

interface Read {
  bytes: Uint8Array;
  pages: number;
  items: TextItem[];
  /** Tf sizes per page (from the content streams). */
  tf: number[][];
  /** Extracted text per page. */
  text: string[];
  pageHeight: number;
  pageWidth: number;
}

const reads = new Map<string, Promise<Read>>();

/** A document of a variant, read back once: text items, Tf sizes, text per page, page size. */
function read(v: Variant, kind: "leaflet" | "card"): Promise<Read> {
  const key = `${describeVariant(v)} ${kind}`;
  let result = reads.get(key);
  if (!result) {
    result = (async () => {
      const doc = await documentOf(v, kind);
      const pdf = await PDFDocument.load(doc.bytes, { updateMetadata: false });
      const first = pdf.getPages()[0];
      if (!first) throw new Error("a PDF without pages");
      const { width, height } = first.getSize();
      return {
        bytes: doc.bytes,
        pages: doc.pages,
        items: await textItems(doc.bytes),
        tf: await contentFontSizes(doc.bytes),
        text: await extractText(doc.bytes),
        pageHeight: height,
        pageWidth: width,
      };
    })();
    reads.set(key, result);
  }
  return result;
}

const LEAFLETS: Variant[] = [
  { drug: "pomalidomide", lang: "en" },
  { drug: "pomalidomide", lang: "nl" },
  { drug: "imlygic", lang: "en" },
  { drug: "imlygic", lang: "nl" },
];
/** Large print: the same four, and German (the longest words). */
const LARGE_PRINT: Variant[] = [...LEAFLETS, { drug: "pomalidomide", lang: "de" } as Variant].map((v) => ({
  ...v,
  largePrint: true,
}));

const show = (items: TextItem[]): string[] =>
  items.slice(0, 12).map((i) => `p${i.page} ${i.size.toFixed(2)} pt ${JSON.stringify(i.str)}`);

/** Every text item and every Tf size is at least `min` points; there is text on every page. */
function expectNothingBelow(doc: Read, min: number, what: string): void {
  expect(doc.items.length, `${what}: text items found`).toBeGreaterThan(20);
  expect(new Set(doc.items.map((i) => i.page)).size, `${what}: every page has text`).toBe(doc.pages);
  const small = doc.items.filter((i) => i.size < min - 0.01);
  expect(show(small), `${what}: text items below ${min} pt (pdfjs)`).toEqual([]);
  expect(doc.tf.length).toBe(doc.pages);
  doc.tf.forEach((sizes, i) => {
    expect(sizes.length, `${what}: page ${i + 1} sets a type size (Tf)`).toBeGreaterThan(0);
    const below = sizes.filter((s) => s < min - 0.01);
    expect(below, `${what}: page ${i + 1} Tf sizes below ${min} pt`).toEqual([]);
  });
}

// ---- 1. Minimum sizes -------------------------------------------------------------------------------

describe("minimum type sizes, read from the PDF", () => {
  test.each(LEAFLETS.map((v) => [describeVariant(v), v] as const))("%s leaflet: no text below 9 pt", async (_, v) => {
    expectNothingBelow(await read(v, "leaflet"), 9, describeVariant(v));
  });

  test.each(LARGE_PRINT.map((v) => [describeVariant(v), v] as const))(
    "%s leaflet: no text below 16 pt",
    async (_, v) => {
      expectNothingBelow(await read(v, "leaflet"), 16, describeVariant(v));
    },
  );

  test.each(LARGE_PRINT.map((v) => [describeVariant(v), v] as const))(
    "%s leaflet: header and footer of every page are at least 16 pt",
    async (_, v) => {
      const doc = await read(v, "leaflet");
      const t = common(v.lang);
      for (let page = 1; page <= doc.pages; page++) {
        const on = doc.items.filter((i) => i.page === page);
        // "For Test Patiënt (" — the patient label up to the id, which may wrap.
        const forPatient = fill((t.header.for as string).split("{{patientId}}")[0] as string, { name: PATIENT_NAME });
        const header = on.filter((i) => i.str.includes(brand.name) || i.str.includes(forPatient));
        const pageLabel = on.filter((i) => i.str.includes(fill(t.footer.page, { page, total: doc.pages })));
        const contacts = on.filter((i) => i.str.startsWith(`${t.contacts.nurseLine}:`));
        expect(header.length, `page ${page}: header (hospital, patient) printed`).toBeGreaterThanOrEqual(2);
        expect(pageLabel.length, `page ${page}: page label printed`).toBe(1);
        expect(contacts.length, `page ${page}: footer phone numbers printed`).toBeGreaterThanOrEqual(1);
        expect(show([...header, ...pageLabel, ...contacts].filter((i) => i.size < 16))).toEqual([]);
      }
    },
  );

  // Large print: the calendar is a list, one day a row ("Tue 1 Dec", then "Day 1" under it), not weeks of 7 columns.
  const FIRST_DATE: Record<"en" | "nl", string> = { en: "Tue 1 Dec", nl: "di 1 dec" };
  const inReadingOrder = (a: TextItem, b: TextItem) => a.page - b.page || b.y - a.y || a.x - b.x;
  /** The first occurrence (reading order) of the labels "Day 1" … "Day n": cycle 1's days. */
  const firstDayLabels = (doc: Read, lang: "en" | "nl", n: number): TextItem[] => {
    const sorted = [...doc.items].sort(inReadingOrder);
    return Array.from({ length: n }, (_, k) => {
      const label = fill(common(lang).calendar.day, { day: k + 1 });
      const item = sorted.find((i) => i.str === label);
      if (!item) throw new Error(`"${label}" is not printed`);
      return item;
    });
  };

  test.each(["en", "nl"] as const)(
    "pomalidomide %s large print: the calendar is a list of days, each on its own line at 16 pt or more",
    async (lang) => {
      const doc = await read({ drug: "pomalidomide", lang, largePrint: true }, "leaflet");
      const date = [...doc.items].sort(inReadingOrder).find((i) => i.str === FIRST_DATE[lang]);
      if (!date) throw new Error(`"${FIRST_DATE[lang]}" is not printed`);
      const [day1] = firstDayLabels(doc, lang, 1);
      if (!day1) throw new Error("no day 1");
      // "Day 1" right under its date, same column.
      expect(day1.page).toBe(date.page);
      expect(Math.abs(day1.x - date.x)).toBeLessThan(1);
      expect(date.y - day1.y).toBeGreaterThan(0);
      expect(date.y - day1.y).toBeLessThan(2 * date.size);
      expect(date.size).toBeGreaterThanOrEqual(16);
      expect(day1.size).toBeGreaterThanOrEqual(16);

      // Cycle 1's 28 days: one after the other, top to bottom (page by page), never two on one line.
      const days = firstDayLabels(doc, lang, 28);
      for (let k = 1; k < days.length; k++) {
        const [prev, next] = [days[k - 1] as TextItem, days[k] as TextItem];
        const below = next.page > prev.page || (next.page === prev.page && next.y < prev.y - 0.8 * prev.size);
        expect(below, `day ${k + 1} is on a line below day ${k}`).toBe(true);
      }
      const week = days.slice(0, 7);
      expect(new Set(week.map((d) => `${d.page}:${Math.round(d.y)}`)).size, "days 1-7 on 7 lines").toBe(7);
      expect(new Set(week.map((d) => Math.round(d.x))).size, "days 1-7 not in 7 columns").toBeLessThan(7);
      expect(days.every((d) => d.size >= 16)).toBe(true);
    },
  );

  test("the normal calendar, for comparison, is a week grid from Monday: days 1-6 (Tue-Sun) on one line, day 7 under Monday", async () => {
    const doc = await read({ drug: "pomalidomide", lang: "en" }, "leaflet");
    const days = firstDayLabels(doc, "en", 7);
    const week = days.slice(0, 6);
    expect(new Set(week.map((d) => `${d.page}:${Math.round(d.y)}`)).size).toBe(1);
    expect(new Set(week.map((d) => Math.round(d.x))).size).toBe(6);
    const day1 = days[0] as TextItem;
    const day7 = days[6] as TextItem;
    // The first week may end page 1 (page fill): day 7 is then under the header repeated on page 2.
    const mondayOver = (day: TextItem) =>
      doc.items.filter((i) => i.str === "Mon" && i.page === day.page && i.y > day.y).sort((a, b) => a.y - b.y)[0];
    const monday = mondayOver(day1);
    const monday7 = mondayOver(day7);
    if (!monday || !monday7) throw new Error("no Monday header");
    expect(day7.page > day1.page || day7.y < day1.y).toBe(true);
    expect(Math.abs(day7.x - monday7.x)).toBeLessThan(1);
    expect(Math.min(...week.map((d) => d.x))).toBeGreaterThan(monday.x + 40);
  });

  const CARDS: Variant[] = [
    { drug: "pomalidomide", lang: "en" },
    { drug: "pomalidomide", lang: "nl" },
    { drug: "imlygic", lang: "en" },
    { drug: "imlygic", lang: "nl" },
    { drug: "pomalidomide", lang: "en", sheet: true },
    { drug: "imlygic", lang: "nl", sheet: true },
  ];
  test.each(CARDS.map((v) => [describeVariant(v), v] as const))("%s card: nothing below 6.5 pt", async (_, v) => {
    expectNothingBelow(await read(v, "card"), 6.5, `${describeVariant(v)} card`);
  });

  // Text must stay on the sheet: office printers cannot print the outer 4-5 mm, and text past the edge is lost.
  const EDGE_MM = 5;
  test.each([...LEAFLETS, ...LARGE_PRINT].map((v) => [describeVariant(v), v] as const))(
    "%s leaflet: every text item lies on the page, at least 5 mm from its edges",
    async (_, v) => {
      const doc = await read(v, "leaflet");
      const edge = EDGE_MM * PT_PER_MM;
      const outside = doc.items.filter(
        (i) => i.x < edge || i.right > doc.pageWidth - edge || i.bottom < edge || i.top > doc.pageHeight - edge,
      );
      expect(
        outside.slice(0, 8).map((i) => `p${i.page} x ${i.x.toFixed(1)}–${i.right.toFixed(1)} ${JSON.stringify(i.str)}`),
        `${outside.length} text items off the page or within ${EDGE_MM} mm of its edge (page ${doc.pageWidth.toFixed(2)} pt wide)`,
      ).toEqual([]);
    },
  );

  // Nothing printed over anything else: glyph boxes (cap height above the baseline, descender below, as in
  // Noto Sans: 0.72 em and 0.22 em) of two text items on one page must not overlap by more than 1 pt.
  test.each(
    [...LEAFLETS, { drug: "pomalidomide", lang: "de" } as Variant, ...LARGE_PRINT].map(
      (v) => [describeVariant(v), v] as const,
    ),
  )("%s leaflet: no text overprints other text", async (_, v) => {
    const doc = await read(v, "leaflet");
    const box = (i: TextItem) => ({ top: i.y + 0.72 * i.size, bottom: i.y - 0.22 * i.size });
    /** Each colliding pair once, with the pages it is on. */
    const collisions = new Map<string, number[]>();
    for (let page = 1; page <= doc.pages; page++) {
      const on = doc.items.filter((i) => i.page === page);
      on.forEach((a, n) => {
        for (const b of on.slice(n + 1)) {
          const across = Math.min(a.right, b.right) - Math.max(a.x, b.x);
          const down = Math.min(box(a).top, box(b).top) - Math.max(box(a).bottom, box(b).bottom);
          if (across > 1 && down > 1) {
            const pair = `${JSON.stringify(a.str)} × ${JSON.stringify(b.str)}`;
            collisions.set(pair, [...(collisions.get(pair) ?? []), page]);
          }
        }
      });
    }
    expect([...collisions].map(([pair, pages]) => `${pair} (page ${pages.join(", ")})`)).toEqual([]);
  });
});

// ---- 2. Line length ---------------------------------------------------------------------------------

/**
 * The printed lines of a document: text items grouped by page and baseline, split where a gap wider than
 * two ems separates them (table columns, calendar cells, the page label beside the footer are separate
 * lines to the reader), joined with a space where there is a visible gap.
 */
function printedLines(items: TextItem[]): { page: number; text: string; size: number }[] {
  const rows: { page: number; y: number; items: TextItem[] }[] = [];
  for (const item of items) {
    const row = rows.find((r) => r.page === item.page && Math.abs(r.y - item.y) <= Math.max(1, 0.2 * item.size));
    if (row) row.items.push(item);
    else rows.push({ page: item.page, y: item.y, items: [item] });
  }
  const lines: { page: number; text: string; size: number }[] = [];
  for (const row of rows) {
    let text = "";
    let end: number | undefined;
    let size = 0;
    for (const item of row.items.sort((a, b) => a.x - b.x)) {
      const gap = end === undefined ? 0 : item.x - end;
      if (end !== undefined && gap > 2 * Math.max(size, item.size)) {
        lines.push({ page: row.page, text: text.replace(/\s+/g, " ").trim(), size });
        text = "";
      } else if (end !== undefined && gap > 0.15 * item.size) {
        text += " ";
      }
      text += item.str;
      end = item.right;
      size = Math.max(size, item.size);
    }
    lines.push({ page: row.page, text: text.replace(/\s+/g, " ").trim(), size });
  }
  return lines;
}

describe("line length", () => {
  const MAX_CHARACTERS = 100;
  const NORMAL: Variant[] = [
    { drug: "pomalidomide", lang: "en" },
    { drug: "pomalidomide", lang: "nl" },
    { drug: "pomalidomide", lang: "de" },
    { drug: "imlygic", lang: "en" },
  ];

  test("the line finder sees a real line: a body paragraph line of the English leaflet is 60-100 characters", async () => {
    const lines = printedLines((await read({ drug: "pomalidomide", lang: "en" }, "leaflet")).items);
    const line = lines.find((l) => l.text.startsWith("Imnovid contains the active substance pomalidomide."));
    expect(line?.text.length).toBeGreaterThan(60);
    expect(line?.text.length).toBeLessThanOrEqual(MAX_CHARACTERS);
  });

  test.each(NORMAL.map((v) => [describeVariant(v), v] as const))(
    `%s leaflet: no printed line is longer than ${MAX_CHARACTERS} characters`,
    async (_, v) => {
      const lines = printedLines((await read(v, "leaflet")).items);
      expect(lines.length).toBeGreaterThan(100);
      const long = lines
        .filter((l) => [...l.text].length > MAX_CHARACTERS)
        .map((l) => `p${l.page} ${l.size} pt, ${[...l.text].length} characters: ${l.text}`);
      expect(long).toEqual([]);
    },
  );
});

// ---- 3. Contrast ------------------------------------------------------------------------------------

const isLight = (colour: string) => contrastRatio(colour, "#000000") > contrastRatio(colour, WHITE);

describe("contrast of the shipped brand (WCAG ratio at least 4.5:1, also in grey)", () => {
  test("brand.yaml: text and headings on white and on the accent boxes, text on the primary colour", () => {
    const { primary, onPrimary, accent, text } = brand.colours;
    const pairs: [string, string, string][] = [
      ["text on white", text, WHITE],
      ["text on the accent", text, accent],
      ["primary on white", primary, WHITE],
      ["primary on the accent", primary, accent],
      ["onPrimary on primary", onPrimary, primary],
    ];
    for (const [what, fg, bg] of pairs) {
      expect(contrastRatio(fg, bg), what).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  test.each([
    ["pomalidomide en leaflet", { drug: "pomalidomide", lang: "en" } as Variant, "leaflet"],
    [
      "pomalidomide en large-print leaflet",
      { drug: "pomalidomide", lang: "en", largePrint: true } as Variant,
      "leaflet",
    ],
    ["imlygic en leaflet", { drug: "imlygic", lang: "en" } as Variant, "leaflet"],
    ["pomalidomide en card", { drug: "pomalidomide", lang: "en" } as Variant, "card"],
    ["imlygic nl card", { drug: "imlygic", lang: "nl" } as Variant, "card"],
  ] as const)(
    "%s: text is shown only in brand colours, each readable on every background the document fills",
    async (_, v, kind) => {
      const { text, rectangles } = await paintedColours((await documentOf(v, kind)).bytes);
      const brandTextColours = [brand.colours.text, brand.colours.primary, brand.colours.onPrimary].map((c) =>
        c.toUpperCase(),
      );
      expect(
        [...text].filter((c) => !brandTextColours.includes(c)),
        "text colours not from the brand",
      ).toEqual([]);
      // Every light fill (and the white page) is a possible background of dark text, every dark fill of light text.
      const lightBackgrounds = [WHITE, ...[...rectangles].filter((c) => c.startsWith("#") && isLight(c))];
      const darkBackgrounds = [...rectangles].filter((c) => c.startsWith("#") && !isLight(c));
      const failures: string[] = [];
      for (const colour of text) {
        const backgrounds = isLight(colour) ? darkBackgrounds : lightBackgrounds;
        for (const background of backgrounds) {
          // Black rectangles (the QR code's modules, rules, tick-box marks) never carry text in light colours.
          if (isLight(colour) && background === "#000000") continue;
          const ratio = contrastRatio(colour, background);
          if (ratio < MIN_CONTRAST) failures.push(`${colour} on ${background}: ${ratio.toFixed(2)}:1`);
        }
      }
      expect(failures).toEqual([]);
      if (kind === "card") expect(text.has(brand.colours.onPrimary.toUpperCase()), "white text on the band").toBe(true);
    },
  );
});

describe("leaflets validate refuses a brand whose text colours fail", () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  /** A copy of the project's templates and locales with brand.yaml's `key` colour replaced. */
  function brandCopy(key: "primary" | "text", colour: string): string {
    const root = mkdtempSync(join(tmpdir(), "leaflets-contrast-"));
    copies.push(root);
    cpSync(join(PROJECT_ROOT, "templates"), join(root, "templates"), { recursive: true });
    cpSync(join(PROJECT_ROOT, "locales"), join(root, "locales"), { recursive: true });
    const file = join(root, "templates/brands/default/brand.yaml");
    const original = readFileSync(file, "utf8");
    const edited = original.replace(new RegExp(`(\\n  ${key}: )"#[0-9A-Fa-f]{6}"`), `$1"${colour}"`);
    expect(edited, `brand.yaml has colours.${key}`).not.toBe(original);
    writeFileSync(file, edited);
    return root;
  }

  test("a pale primary colour (headings) is refused", async () => {
    const pale = "#8FB8CC";
    expect(contrastRatio(pale, WHITE)).toBeLessThan(MIN_CONTRAST);
    expect(await validateProject(brandCopy("primary", pale))).toContainEqual(
      expect.objectContaining({ file: "templates/brands/default/brand.yaml", key: "colours.primary" }),
    );
  });

  test("a text colour readable on white but not on the accent boxes is refused, naming the accent", async () => {
    const grey = "#767676";
    expect(contrastRatio(grey, WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    const onAccent = contrastRatio(grey, brand.colours.accent);
    expect(onAccent).toBeLessThan(MIN_CONTRAST);
    const problems = await validateProject(brandCopy("text", grey));
    const textProblems = problems.filter((p) => p.key === "colours.text");
    expect(textProblems).toContainEqual(
      expect.objectContaining({
        file: "templates/brands/default/brand.yaml",
        message: expect.stringMatching(new RegExp(`accent.*${onAccent.toFixed(2).replace(".", "\\.")}`)),
      }),
    );
    // Readable on white: that pair is not reported.
    expect(textProblems.filter((p) => /white/.test(p.message))).toEqual([]);
  });

  test("a text colour readable on white and on the accent but not on the grey rest-day cells is refused", async () => {
    // The rest-day cells' grey, read from the printed calendar: the light fill that is neither white nor the accent.
    const { rectangles } = await paintedColours(
      (await documentOf({ drug: "pomalidomide", lang: "en" }, "leaflet")).bytes,
    );
    const restGrey = [...rectangles].filter(
      (c) => c.startsWith("#") && isLight(c) && c !== WHITE && c !== brand.colours.accent.toUpperCase(),
    );
    expect(restGrey).toHaveLength(1);
    const grey = "#6B6B6B";
    expect(contrastRatio(grey, WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio(grey, brand.colours.accent)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio(grey, restGrey[0] as string)).toBeLessThan(MIN_CONTRAST);
    expect(await validateProject(brandCopy("text", grey))).toContainEqual(
      expect.objectContaining({ file: "templates/brands/default/brand.yaml", key: "colours.text" }),
    );
  });
});

// ---- 4. QR code -------------------------------------------------------------------------------------

describe.skipIf(!hasPdftoppm())("QR code to the medicine's public page (pdftoppm + jsqr)", () => {
  const QR_LEAFLETS: Variant[] = [
    { drug: "pomalidomide", lang: "en" },
    { drug: "pomalidomide", lang: "nl" },
    { drug: "imlygic", lang: "en" },
    { drug: "imlygic", lang: "nl" },
    { drug: "pomalidomide", lang: "en", largePrint: true },
    { drug: "imlygic", lang: "en", largePrint: true },
  ];

  test.each(QR_LEAFLETS.map((v) => [describeVariant(v), v] as const))(
    "%s leaflet: the code decodes to exactly the publicPage address, printed beside it",
    async (_, v) => {
      const doc = await read(v, "leaflet");
      const url = publicPage(v.drug);
      expect(url).toMatch(/^https:\/\/www\.ema\.europa\.eu\//);
      const label = flat(common(v.lang).sources.publicPage);
      const pages = doc.text
        .map((text, i) => ({ page: i + 1, text: flat(text) }))
        .filter((p) => p.text.includes(label));
      expect(
        pages.map((p) => p.page),
        "the QR label is on exactly one page",
      ).toHaveLength(1);
      const { page, text } = pages[0] as { page: number; text: string };

      // jsqr misses a code now and then at one particular sampling (seen: modules of 1.59 pt at exactly
      // 150 dpi on one page, decoded at 144 and 160 dpi); a scanner sees the code at many. Try a few.
      let decoded: string | undefined;
      for (const dpi of [150, 200, 300]) {
        decoded = decodeQr(rasterisePage(doc.bytes, page, { dpi, pageHeight: doc.pageHeight }));
        if (decoded !== undefined) break;
      }
      expect(decoded, "the QR code decodes at 150, 200 or 300 dpi").toBe(url);

      // The address follows the label; it may be broken over lines (joined here without spaces).
      const after = text.slice(text.indexOf(label) + label.length).replace(/\s+/g, "");
      expect(after.startsWith(url), `printed after the label: ${after.slice(0, url.length + 10)}`).toBe(true);
    },
  );
});

// ---- 5. Metadata ------------------------------------------------------------------------------------

interface Metadata {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
  producer?: string;
  keywords?: string;
  lang?: string;
}

async function metadataOf(bytes: Uint8Array): Promise<Metadata> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const lang = pdf.catalog.get(PDFName.of("Lang"));
  const result: Metadata = {};
  const set = (key: keyof Metadata, value: string | undefined) => {
    if (value !== undefined) result[key] = value;
  };
  set("title", pdf.getTitle());
  set("author", pdf.getAuthor());
  set("subject", pdf.getSubject());
  set("creator", pdf.getCreator());
  set("producer", pdf.getProducer());
  set("keywords", pdf.getKeywords());
  set("lang", lang instanceof PDFString ? lang.decodeText() : lang === undefined ? undefined : String(lang));
  return result;
}

describe("document metadata", () => {
  const LEAFLET_WORD: Record<"en" | "nl", RegExp> = { en: /leaflet/i, nl: /folder/i };
  const MEDICINE: Record<Drug, RegExp> = {
    pomalidomide: /pomalidomide/i,
    imlygic: /imlygic|talimogene laherparepvec/i,
  };

  test.each(LEAFLETS.map((v) => [describeVariant(v), v] as const))(
    "%s leaflet: title names the medicine and 'leaflet', author the brand, creator, subject, language",
    async (_, v) => {
      const meta = await metadataOf((await documentOf(v, "leaflet")).bytes);
      expect(meta.title).toMatch(MEDICINE[v.drug]);
      expect(meta.title).toMatch(LEAFLET_WORD[v.lang as "en" | "nl"]);
      if (v.drug === "pomalidomide") expect(meta.title).toContain("pomalidomide");
      expect(meta.author).toBe(brand.name);
      expect(meta.subject?.trim()).toBeTruthy();
      expect(meta.creator).toBe("patient-leaflets");
      expect(meta.producer?.trim()).toBeTruthy();
      expect(meta.lang).toBe(v.lang);
      for (const [field, value] of Object.entries(meta)) expect(value, field).not.toContain(PATIENT_NAME);
    },
  );

  test.each(
    [...LEAFLETS, { drug: "pomalidomide", lang: "en", sheet: true } as Variant].map(
      (v) => [describeVariant(v), v] as const,
    ),
  )("%s card: title names the card and the medicine, author the brand, creator, subject, language", async (_, v) => {
    const meta = await metadataOf((await documentOf(v, "card")).bytes);
    const cardName: string = readJson(`locales/${v.lang}/${v.drug}.json`).sections.card.title;
    expect(meta.title).toContain(cardName);
    expect(meta.title).toMatch(MEDICINE[v.drug]);
    expect(meta.author).toBe(brand.name);
    expect(meta.subject?.trim()).toBeTruthy();
    expect(meta.creator).toBe("patient-leaflets");
    expect(meta.producer?.trim()).toBeTruthy();
    expect(meta.lang).toBe(v.lang);
    for (const [field, value] of Object.entries(meta)) expect(value, field).not.toContain(PATIENT_NAME);
  });
});

// ---- 6. PDF/A-2b ------------------------------------------------------------------------------------
// What this proves: the archival files carry the parts a PDF/A-2b reader looks for first — the XMP packet
// with pdfaid:part 2 / conformance B (unfiltered, /Type /Metadata /Subtype /XML), its dc/xmp/pdf properties
// equal to the Info dictionary (ISO 19005-2 §6.6.2.3), an output intent /GTS_PDFA1 with an embedded RGB ICC
// profile (header read here: 'acsp' signature, 'RGB ' space, declared size), a version header ≥ 1.4, a file
// identifier, no encryption, every font embedded; and that pdf-lib and pdfjs both open the file and read the
// same text as the normal file. What it does not prove: full conformance. No independent validator (veraPDF
// needs Java and is not installable here) has checked the many other clauses — colour spaces of every
// object, the ICC profile's content, font program consistency (widths, CIDSet/CIDToGIDMap), annotations,
// transparency groups, XMP schema validity. Run veraPDF on these files before relying on them for archiving.

const xmpText = (xmp: string, tag: string): string | undefined => {
  const element = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xmp)?.[1];
  if (element === undefined) return undefined;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(element)?.[1];
  return (li ?? element)
    .trim()
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
};
const pdfaidPart = (xmp: string) => /pdfaid:part(?:>\s*|="\s*)(\d)/.exec(xmp)?.[1];
const pdfaidConformance = (xmp: string) => /pdfaid:conformance(?:>\s*|="\s*)([A-Za-z])/.exec(xmp)?.[1];

// Tagged (the default): PDF/A-2a, with the PDF/UA-1 identification beside it (test/pipeline/taggedPdf.test.ts
// checks the tagging itself); untagged (--no-tags) it would be 2b.
describe("PDF/A-2a option", () => {
  const PDFA: Variant = { drug: "pomalidomide", lang: "en", pdfa: true };
  const NORMAL: Variant = { drug: "pomalidomide", lang: "en" };

  test.each(["leaflet", "card"] as const)(
    "%s: XMP pdfaid part 2, conformance A, pdfuaid part 1, consistent with Info",
    async (kind) => {
      const parts = await archivalParts((await documentOf(PDFA, kind)).bytes);
      const xmp = parts.xmp;
      if (!xmp) throw new Error("no XMP metadata stream in the catalog");
      expect(parts.xmpDict).toEqual({ type: "Metadata", subtype: "XML", filtered: false });
      expect(xmp).toMatch(/^<\?xpacket begin=/);
      expect(xmp).toContain('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"');
      expect(pdfaidPart(xmp)).toBe("2");
      expect(pdfaidConformance(xmp)?.toUpperCase()).toBe("A");
      expect(/<pdfuaid:part>(\d)<\/pdfuaid:part>/.exec(xmp)?.[1]).toBe("1");
      // Each Info entry and its XMP equivalent agree.
      expect(xmpText(xmp, "dc:title")).toBe(parts.info.Title);
      expect(xmpText(xmp, "dc:creator")).toBe(parts.info.Author);
      expect(xmpText(xmp, "dc:description")).toBe(parts.info.Subject);
      expect(xmpText(xmp, "xmp:CreatorTool")).toBe(parts.info.Creator);
      expect(xmpText(xmp, "pdf:Producer")).toBe(parts.info.Producer);
      const created = parts.info.CreationDate;
      expect(created).toMatch(/^D:\d{14}/);
      expect(xmpText(xmp, "xmp:CreateDate")?.replace(/[-:T]/g, "").slice(0, 14)).toBe(created?.slice(2, 16));
      expect(xmp).not.toContain(PATIENT_NAME);
    },
  );

  test.each(["leaflet", "card"] as const)(
    "%s: sRGB output intent with an ICC profile, version ≥ 1.4, fonts embedded, not encrypted, with an /ID",
    async (kind) => {
      const bytes = (await documentOf(PDFA, kind)).bytes;
      const parts = await archivalParts(bytes);
      expect(parts.outputIntents).toHaveLength(1);
      const [intent] = parts.outputIntents;
      expect(intent?.subtype).toBe("GTS_PDFA1");
      expect(intent?.outputCondition).toBeTruthy();
      const profile = intent?.profile;
      if (!profile) throw new Error("the output intent has no DestOutputProfile stream");
      const view = Buffer.from(profile);
      expect(view.readUInt32BE(0), "ICC header: declared size").toBe(profile.length);
      expect(view.subarray(36, 40).toString("latin1"), "ICC signature").toBe("acsp");
      expect(view.subarray(16, 20).toString("latin1"), "ICC colour space").toBe("RGB ");
      expect(intent?.components).toBe(3);
      expect(Number(parts.version)).toBeGreaterThanOrEqual(1.4);
      expect(parts.encrypted).toBe(false);
      expect(parts.hasId).toBe(true);
      const fonts = await fontsEmbedded(bytes);
      expect(fonts.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.allEmbedded).toBe(true);
    },
  );

  test.each(["leaflet", "card"] as const)(
    "%s: the PDF/A file opens in pdf-lib and pdfjs and reads as the normal file",
    async (kind) => {
      const archival = await documentOf(PDFA, kind);
      const pdf = await PDFDocument.load(archival.bytes, { updateMetadata: false });
      expect(pdf.getPageCount()).toBe(archival.pages);
      const text = await extractText(archival.bytes);
      expect(text).toHaveLength(archival.pages);
      expect(text).toEqual((await read(NORMAL, kind)).text);
    },
  );

  test.each(["leaflet", "card"] as const)("%s without --pdfa: no pdfaid anywhere", async (kind) => {
    const bytes = (await documentOf(NORMAL, kind)).bytes;
    const parts = await archivalParts(bytes);
    expect(parts.xmp === undefined || !parts.xmp.includes("pdfaid")).toBe(true);
    expect(Buffer.from(bytes).includes("pdfaid")).toBe(false);
    expect(parts.outputIntents).toEqual([]);
  });

  test("the command line: --large-print --pdfa write the same files as the library (Imlygic, English)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "leaflets-print-cli-"));
    try {
      const order = orderFor("imlygic", "en");
      const orderFile = join(dir, "order.json");
      writeFileSync(orderFile, JSON.stringify(order));
      const run = await runCli([
        "generate",
        "--patient",
        orderFile,
        "--large-print",
        "--pdfa",
        "--out",
        join(dir, "out"),
        "--json",
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as { ok: boolean; files: { path: string; kind: string }[] };
      expect(result.ok).toBe(true);
      const expected = await render({ ...order, largePrint: true }, { pdfa: true });
      for (const kind of ["leaflet", "card"] as const) {
        const file = result.files.find((f) => f.kind === kind);
        if (!file) throw new Error(`the CLI wrote no ${kind}`);
        const written = new Uint8Array(readFileSync(file.path));
        const parts = await archivalParts(written);
        expect(pdfaidPart(parts.xmp ?? ""), `${kind} is PDF/A-2`).toBe("2");
        expect(sha256(written), `${kind}: CLI bytes = library bytes`).toBe(
          sha256(expected.find((d) => d.kind === kind)?.bytes ?? new Uint8Array()),
        );
      }
      const leaflet = result.files.find((f) => f.kind === "leaflet");
      const items = await textItems(new Uint8Array(readFileSync(leaflet?.path ?? "")));
      expect(Math.min(...items.map((i) => i.size))).toBeGreaterThanOrEqual(16);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- 7. Black and white -----------------------------------------------------------------------------

describe.skipIf(!hasPdftoppm())("the calendar printed in grey (pdftoppm -gray -r 60)", () => {
  test("pomalidomide en: rest-day cells are darker than dosing cells; every day names its doses or its rest", async () => {
    const doc = await read({ drug: "pomalidomide", lang: "en" }, "leaflet");
    const t = common("en");
    const sorted = [...doc.items].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
    // Cycle 1's day labels, in order, up to the next "Day 1".
    const dayLabel = (n: number) => fill(t.calendar.day, { day: n });
    const labels: TextItem[] = [];
    for (const item of sorted) {
      const n = labels.length + 1;
      if (item.str === dayLabel(n)) labels.push(item);
      if (labels.length === 28) break;
    }
    expect(labels).toHaveLength(28);
    // Cycle 1 may run on to the next page (page fill): each cell is read on its own page.
    const cellWidth = (labels[1] as TextItem).x - (labels[0] as TextItem).x;
    expect(cellWidth).toBeGreaterThan(40);

    const keep = process.env.LEAFLETS_KEEP_PNG;
    const rasters = new Map<number, ReturnType<typeof rasterisePage>>();
    const rasterOf = (page: number) => {
      let raster = rasters.get(page);
      if (!raster) {
        raster = rasterisePage(doc.bytes, page, {
          dpi: 60,
          gray: true,
          pageHeight: doc.pageHeight,
          ...(keep ? { keep: join(keep, `calendar-grey-60dpi-p${page}.png`) } : {}),
        });
        rasters.set(page, raster);
      }
      return raster;
    };

    const symbols = t.symbols as Record<string, string>;
    const cells = labels.map((label, i) => {
      const inCell = doc.items.filter(
        (it) =>
          it.page === label.page &&
          it.x >= label.x - 1 &&
          it.x < label.x + cellWidth - 4 &&
          it.y <= label.y + 1 &&
          it.y > label.y - 45,
      );
      const strings = inCell.map((it) => it.str.trim());
      const grey = medianGrey(rasterOf(label.page), {
        x: label.x,
        width: cellWidth - 8,
        top: label.top,
        bottom: label.y - 40,
      });
      return {
        day: i + 1,
        grey,
        rest: strings.includes(t.calendar.restCell),
        primary: strings.includes(symbols.pomalidomide as string),
        partner: strings.includes(symbols.dexamethasone as string),
      };
    });

    // The regimen (pd-28): pomalidomide days 1-21, dexamethasone days 1, 8, 15, 22, rest from pomalidomide 22-28.
    const regimen = readYaml("templates/regimens/pd-28.yaml");
    const partnerDays: number[] = regimen.components[1].days;
    for (const cell of cells) {
      expect(cell.primary, `day ${cell.day}: P`).toBe(cell.day <= 21);
      expect(cell.rest, `day ${cell.day}: rest`).toBe(cell.day > 21);
      expect(cell.partner, `day ${cell.day}: D`).toBe(partnerDays.includes(cell.day));
    }
    const dosingGrey = cells.filter((c) => !c.rest).map((c) => c.grey);
    const restGrey = cells.filter((c) => c.rest).map((c) => c.grey);
    expect(Math.min(...dosingGrey), "dosing cells are white").toBeGreaterThanOrEqual(245);
    expect(Math.max(...restGrey) + 15, "rest cells are visibly grey").toBeLessThanOrEqual(Math.min(...dosingGrey));
    expect(Math.max(...restGrey), "but light enough to read on").toBeGreaterThan(180);
  });
});

// ---- 8. Determinism ---------------------------------------------------------------------------------

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("determinism: the same order gives the same bytes, for every document kind", () => {
  const CASES: [string, Variant, "leaflet" | "card"][] = [
    ["leaflet (pomalidomide en)", { drug: "pomalidomide", lang: "en" }, "leaflet"],
    ["leaflet, large print", { drug: "pomalidomide", lang: "en", largePrint: true }, "leaflet"],
    ["leaflet, PDF/A", { drug: "pomalidomide", lang: "en", pdfa: true }, "leaflet"],
    ["leaflet (imlygic nl)", { drug: "imlygic", lang: "nl" }, "leaflet"],
    ["card id1", { drug: "pomalidomide", lang: "en" }, "card"],
    ["card id1, PDF/A", { drug: "pomalidomide", lang: "en", pdfa: true }, "card"],
    ["card sheet", { drug: "pomalidomide", lang: "en", sheet: true }, "card"],
  ];
  test.each(CASES)("%s rendered twice: identical bytes", async (_, v, kind) => {
    const first = await documentOf(v, kind);
    const again = (await render(...inputsFor(v))).find((d) => d.kind === kind);
    if (!again) throw new Error(`no ${kind} the second time`);
    expect(again.bytes.length).toBe(first.bytes.length);
    expect(sha256(again.bytes)).toBe(sha256(first.bytes));
  });
});
