// Arabic as the patient reads it: a pomalidomide leaflet and card rendered right to left, read back with
// poppler's pdftotext. Two readings: the text (Arabic words whole: no letter lost at a line or run start,
// no shaped form read as another letter), and the words with their places on the page, for the order of
// digits and Latin inside Arabic lines. A PDF keeps only where glyphs are, not the order they were
// written in, and pdftotext's guess at that order moves digits and brackets in mixed lines (it reads
// "1 ديسمبر 2026 – 22 فبراير 2027" as "1 ديسمبر 22 – 2026 فبراير 2027"), so order is checked by place:
// a right-to-left line is read from its right edge, a Latin phrase or a phone number inside it from
// its left. Checked: dates written out in Arabic, the dose, the contraception rules, phone numbers,
// and a line mixing an Arabic word with the patient's Latin name and number.
// A control rendered with a left-to-right theme shows the checks can fail. Dates are pinned (2026-12-01); nothing depends on today.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildLeafletDoc, generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { renderLeaflet } from "../../src/render/leaflet/renderLeaflet.tsx";
import { createTheme } from "../../src/render/theme.ts";
import { baseOrder } from "../helpers/orders.ts";
import { hasPdftoppm } from "../helpers/printChecks.ts";

const catalog = loadCatalogOrThrow();
const NAME = "Jan de Vries";
const PATIENT_ID = "NL-12345";
const NURSE_LINE = "+31 20 555 0101";
const EMERGENCY = "+31 20 555 0199";

// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
type Json = Record<string, any>;
const locale = (namespace: "common" | "pomalidomide"): Json =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, "locales", "ar", `${namespace}.json`), "utf8"));
const common = locale("common");
const pomalidomide = locale("pomalidomide");

/** A valid Arabic order. */
function arabicOrder(): Order {
  const validation = validateOrder(
    {
      ...baseOrder(),
      language: "ar",
      name: NAME,
      patientId: PATIENT_ID,
      contact: { nurseLine: NURSE_LINE, emergency: EMERGENCY },
    },
    catalog,
  );
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return validation.order;
}

/** A date as Intl writes it in Arabic with Latin digits (the locale's intlLocale), in UTC. */
function arabicDate(iso: string): string {
  return new Intl.DateTimeFormat(common._meta.intlLocale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

let dir: string;

/** pdftotext's text in reading order, without the embedding marks (U+202A–202E) it puts around runs
 * and the isolates (U+2066–2069) the PDF's text keeps around phone numbers. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /[\u202a-\u202e\u2066-\u2069]/g,
    "",
  );
}

/** Without spaces: pdftotext places the spaces between an Arabic word and a number on either side. */
const squash = (text: string) => text.replace(/\s+/g, "");

interface Word {
  page: number;
  text: string;
  x: number;
  y: number;
  /** The word's right edge. */
  right: number;
}

/** pdftotext's words with their places (points from the top left). An Arabic word comes in the order its
 * glyphs stand on the page, left to right: reversed here, so it reads as written. */
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
    const raw = (m[4] as string).replace(/&amp;/g, "&").replace(/[\u2066-\u2069]/g, "");
    const text = ARABIC.test(raw) ? [...raw].reverse().join("") : raw;
    words.push({ page, text, x: Number(m[1]), y: Number(m[2]), right: Number(m[3]) });
  }
  return words;
}

const ARABIC = /[\u0600-\u06ff]/;

/** The words of the line (same page, tops within `tolerance` pt: Arabic and Latin glyphs stand at
 * different heights) that holds the first word `text`. */
function lineOf(words: Word[], text: string, tolerance = 3): Word[] {
  const word = words.find((w) => w.text === text);
  if (!word) throw new Error(`no word ${text}`);
  return words.filter((w) => w.page === word.page && Math.abs(w.y - word.y) < tolerance);
}

/** A word without the punctuation at its edges: pdftotext joins a colon or an Arabic comma to the
 * number beside it when they are drawn without a space between them (":40", "mg،"). */
function bare(text: string): string {
  return text.replace(/^[:،,.;()]+|[:،,.;()]+$/gu, "");
}

/** x of `text` in `line` (the first such word, punctuation at its edges aside); NaN if there is none. */
function xOf(line: Word[], text: string): number {
  return line.find((w) => bare(w.text) === bare(text))?.x ?? Number.NaN;
}

/** Whether the words stand left to right on the page (so a phrase that reads left to right reads so). */
function leftToRight(line: Word[], texts: string[]): boolean {
  const xs = texts.map((t) => xOf(line, t));
  return xs.every((x, i) => !Number.isNaN(x) && (i === 0 || x > (xs[i - 1] as number)));
}

/** The rightmost word of a line: where a right-to-left line starts. */
const rightmost = (line: Word[]) => line.reduce((a, b) => (b.x > a.x ? b : a));

let leaflet: string;
let card: string;
let leafletWords: Word[];
let cardWords: Word[];
let controlWords: Word[];

/** pdftotext comes with pdftoppm (poppler-utils; .ci/run installs it). Without it these tests skip, saying so. */
const hasPoppler = hasPdftoppm();
if (!hasPoppler)
  console.warn("arabic.test.ts: skipped — poppler-utils (pdftotext) is missing (apt-get install poppler-utils).");

beforeAll(async () => {
  if (!hasPoppler) return;
  dir = mkdtempSync(join(tmpdir(), "arabic-"));
  const order = arabicOrder();
  const documents = await generateDocuments(order, catalog, { kinds: ["leaflet", "card"] });
  const bytes = (kind: string) => {
    const found = documents.find((d) => d.kind === kind);
    if (!found) throw new Error(`no ${kind}`);
    return found.bytes;
  };
  leaflet = pdfText(bytes("leaflet"), "leaflet.pdf");
  card = pdfText(bytes("card"), "card.pdf");
  leafletWords = pdfWords(bytes("leaflet"), "leaflet.pdf");
  cardWords = pdfWords(bytes("card"), "card.pdf");
  // The control: the same Arabic leaflet set as if it read left to right.
  const brand = catalog.brands.get(order.brand);
  if (!brand) throw new Error("no brand");
  const ltr = await renderLeaflet(buildLeafletDoc(order, catalog), createTheme(brand, "A4", { direction: "ltr" }), {
    creationDate: new Date("2026-12-01T00:00:00Z"),
    creator: "test",
  });
  controlWords = pdfWords(ltr, "left-to-right.pdf");
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasPoppler)("Arabic leaflet", () => {
  test("the personal block: labels whole (first letters and dots kept) and the values", () => {
    // "جرعتك" starts with a letter drawn as a dotless base plus a dot: it was cut to "رعتك", and its
    // shaped forms were read as other letters ("جرعيك").
    expect(common.personal.dose).toBe("جرعتك");
    for (const label of [common.personal.dose, common.personal.startDate, common.personal.ppp]) {
      expect(leaflet).toContain(label);
    }
    expect(leaflet).toContain(common.ppp["woman-childbearing"]);
    // (pdftotext sets the full stop of the Arabic sentence apart from it when a Latin one follows.)
    expect(leaflet).toContain(common.notice.unreviewed.replace(/\.$/, ""));
  });

  test("the footer's notice: the nurse's Dutch sentence keeps its full stop at its own end", () => {
    const line = lineOf(leafletWords, "Vertaling");
    const texts = line.map((w) => w.text);
    expect(texts).toContain("apotheker.");
    expect(texts).not.toContain(".Vertaling");
    expect(xOf(line, "Vertaling")).toBeLessThan(xOf(line, "apotheker"));
  });

  test("dates written out in Arabic, the day at the right: the start date", () => {
    const start = arabicDate("2026-12-01");
    expect(start).toBe("1 ديسمبر 2026");
    expect(squash(leaflet)).toContain(squash(start));
    // The start date's row: its label at the right, then (read from the right) "1", "ديسمبر", "2026".
    const line = lineOf(leafletWords, "البدء", 8);
    expect(rightmost(line).text).toBe("تاريخ");
    expect(xOf(line, "1")).toBeGreaterThan(xOf(line, "ديسمبر"));
    expect(xOf(line, "ديسمبر")).toBeGreaterThan(xOf(line, "2026"));
  });

  test("the calendar reads right to left: weeks from Saturday (the ar locale's own), the first day in the rightmost column", () => {
    // Tuesday 1 December 2026 starts the cycle; the Arabic week starts on Saturday, so the first row holds
    // days 1-4 (Tuesday to Friday) in the four leftmost columns, Saturday to Monday left empty at the right.
    const header = new Intl.DateTimeFormat(common._meta.intlLocale, { weekday: "short", timeZone: "UTC" });
    const name = (iso: string) => header.format(new Date(`${iso}T00:00:00Z`));
    const [saturday, friday] = [name("2026-12-05"), name("2026-12-04")];
    const onLine = (w: Word, o: Word) => o.page === w.page && Math.abs(o.y - w.y) < 2;
    const first = leafletWords.find((w) => w.text === saturday && leafletWords.filter((o) => onLine(w, o)).length >= 7);
    if (!first) throw new Error("no weekday header row");
    const headerRow = leafletWords.filter((w) => onLine(first, w));
    // Columns by their right edges (text ends there, right to left): Saturday's is the rightmost.
    const brand = catalog.brands.get("default");
    if (!brand) throw new Error("no brand");
    const cellWidth = createTheme(brand, "A4").page.contentWidth / 7;
    const right0 = Math.max(...headerRow.map((w) => w.right));
    expect(first.right).toBeCloseTo(right0, 1);
    const column = (w: Word) => (right0 - w.right) / cellWidth;
    // Every column has its weekday (a name extraction splits at a lam-alef counts once), Friday leftmost.
    expect(new Set(headerRow.map((w) => Math.round(column(w)))).size).toBe(7);
    const inColumn = (c: number) =>
      headerRow
        .filter((w) => Math.round(column(w)) === c)
        .sort((a, b) => b.x - a.x)
        .map((w) => w.text)
        .join("");
    expect(inColumn(6)).toBe(friday);
    expect(inColumn(3)).toBe(name("2026-12-01"));
    // The first week row: the day labels right under the header.
    const below = leafletWords.filter((w) => w.text === "اليوم" && w.page === first.page && w.y > first.y);
    const rowY = Math.min(...below.map((l) => l.y));
    const line = leafletWords.filter((w) => w.page === first.page && Math.abs(w.y - rowY) < 5);
    const labels = line.filter((w) => w.text === "اليوم").sort((a, b) => b.x - a.x);
    expect(labels).toHaveLength(4);
    const days = line.filter((w) => /^[1-7]$/.test(w.text)).sort((a, b) => b.x - a.x);
    expect(days.map((w) => w.text)).toEqual(["1", "2", "3", "4"]);
    // Day 1 (Tuesday) in column 3 (Saturday, Sunday, Monday empty), day 4 (Friday) in column 6.
    expect(labels.map((w) => column(w))).toEqual([3, 4, 5, 6].map((c) => expect.closeTo(c, 1)));
    // In the control set left to right, the same row runs the other way.
    const controlLabels = controlWords.filter((w) => w.text === "اليوم");
    const controlY = controlLabels.find(
      (l) => controlLabels.filter((o) => o.page === l.page && Math.abs(o.y - l.y) < 2).length === 4,
    );
    if (!controlY) throw new Error("no first week row in the control");
    const controlDays = controlWords
      .filter((w) => w.page === controlY.page && Math.abs(w.y - controlY.y) < 5 && /^[1-7]$/.test(w.text))
      .sort((a, b) => b.x - a.x);
    expect(controlDays.map((w) => w.text)).toEqual(["4", "3", "2", "1"]);
    // The cells' weekdays read back as written: "الخميس" and "السبت" share their dotless base letter
    // with ش, which text extraction read in their place while one glyph could carry only one text.
    const weekdays = new Intl.DateTimeFormat(common._meta.intlLocale, { weekday: "long", timeZone: "UTC" });
    for (const iso of ["2026-12-03", "2026-12-05"]) {
      const weekday = weekdays.format(new Date(`${iso}T00:00:00Z`));
      expect(leaflet).toContain(weekday);
    }
  });

  test("the dose in the personal block reads 4 mg left to right, as in the cycle lines", () => {
    // The first "mg" is the personal block's dose row, its Arabic label at the right.
    const line = lineOf(leafletWords, "mg", 8);
    expect(ARABIC.test(rightmost(line).text)).toBe(true);
    expect(xOf(line, "4")).toBeLessThan(xOf(line, "mg"));
  });

  test("the medicine row reads pomalidomide (Imnovid) left to right", () => {
    const line = lineOf(leafletWords, "(Imnovid)", 8);
    expect(ARABIC.test(rightmost(line).text)).toBe(true);
    expect(xOf(line, "pomalidomide")).toBeLessThan(xOf(line, "(Imnovid)"));
  });

  test("phone numbers left to right as written, in the contacts and on every page", () => {
    const groups = NURSE_LINE.split(" ");
    const pages = new Set(leafletWords.map((w) => w.page));
    expect(pages.size).toBeGreaterThan(3);
    for (const page of pages) {
      const onPage = leafletWords.filter((w) => w.page === page);
      const line = lineOf(onPage, "0101");
      expect(leftToRight(line, groups)).toBe(true);
    }
    expect(leftToRight(lineOf(leafletWords, "0199"), EMERGENCY.split(" "))).toBe(true);
  });

  test("a mixed line: the Arabic word at the right, then the Latin name (left to right), then the number", () => {
    // "إلى {{name}} ({{patientId}})": every value is isolated in its own direction, so the line reads
    // from the right as written: the Arabic word, the name, the number.
    const word = common.header.for.split(" ")[0] as string;
    expect(word).toBe("إلى");
    const line = lineOf(leafletWords, word);
    expect(leftToRight(line, ["Jan", "de", "Vries"])).toBe(true);
    const id = line.find((w) => w.text.includes(PATIENT_ID));
    if (!id) throw new Error("no patient number on the header line");
    expect(xOf(line, word)).toBeGreaterThan(xOf(line, "Vries"));
    expect(xOf(line, "Jan")).toBeGreaterThan(id.x);
    // pdftotext's guess at the order of the isolated parts varies; every part is on the line, whole.
    const text = leaflet.split("\n").find((l) => l.includes(NAME)) ?? "";
    for (const part of [word, NAME, PATIENT_ID]) expect(text).toContain(part);
  });

  test("a dose line: the drug, then its dose, then the dates, read from the right", () => {
    // "{{drug}} {{dose}}: {{dates}}" with Latin values: without isolates the first date's day number
    // joined the dose ("Dexamethasone 40 mg: 1" as one left-to-right run, the month after it).
    const lines = leafletWords
      .filter((w) => w.text === "dexamethasone")
      .map((w) => leafletWords.filter((o) => o.page === w.page && Math.abs(o.y - w.y) < 5));
    const line = lines.find((l) => l.some((w) => bare(w.text) === "40") && l.some((w) => w.text === "1"));
    if (!line) throw new Error("no calendar line for dexamethasone with its dose and day 1");
    const one = line.filter((w) => w.text === "1").sort((a, b) => b.x - a.x)[0];
    if (!one) throw new Error("no day number 1 on the dexamethasone line");
    expect(xOf(line, "dexamethasone")).toBeGreaterThan(xOf(line, "40"));
    expect(xOf(line, "40")).toBeLessThan(xOf(line, "mg"));
    expect(xOf(line, "40")).toBeGreaterThan(one.x);
    // "1 ديسمبر": the day at the right of its month.
    const month = line.filter((w) => w.text === "ديسمبر").sort((a, b) => b.x - a.x)[0];
    expect(one.x).toBeGreaterThan(month?.x ?? Number.POSITIVE_INFINITY);
  });
});

describe.skipIf(!hasPoppler)("Arabic card", () => {
  const rules = pomalidomide.sections.card;

  test("the contraception rules for a woman who can become pregnant, and the carry line", () => {
    expect(squash(card)).toContain(squash(rules.womanChildbearing.item2));
    expect(squash(card)).toContain(squash(rules.carry));
    // The rule with its number: "… ابتداء من 4 أسابيع …" (a line pdftotext reads in written order).
    expect(squash(card)).toContain(squash("وسيلة فعالة لمنع الحمل ابتداء من 4 أسابيع على الأقل قبل بدء العلاج"));
  });

  test("the name and both phone numbers, left to right as written", () => {
    expect(card).toContain(NAME);
    expect(leftToRight(lineOf(cardWords, "0101"), NURSE_LINE.split(" "))).toBe(true);
    expect(leftToRight(lineOf(cardWords, "0199"), EMERGENCY.split(" "))).toBe(true);
  });
});

describe.skipIf(!hasPoppler)("the checks can fail: the same leaflet set left to right", () => {
  test("its phone number groups stand in reverse", () => {
    expect(leftToRight(lineOf(controlWords, "0101"), NURSE_LINE.split(" "))).toBe(false);
  });
});
