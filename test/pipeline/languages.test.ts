// Every printable language as the patient reads it: a pomalidomide leaflet rendered to PDF per language
// and its extracted text checked for the dates written out in that language (Intl as the oracle), the
// dose, the contraception span, the page label and the "not yet reviewed" notice in the patient's and the
// nurse's language. Plus Polish and Arabic plural forms, bilingual leaflets (through the real CLI), Arabic
// refused for printing, and the French no-break space. Nothing here depends on today's date.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { Block, LeafletDoc } from "../../src/document/documentTypes.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildLeafletDoc, generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { runCli as cli, type CliRun as Run } from "../helpers/cli.ts";
import { baseOrder, type OrderInput } from "../helpers/orders.ts";
import { extractText, flat, textItems } from "../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();

/** The brand's (and so the nurse's) language. */
const NURSE = "nl";
const LANGUAGES = ["en", "nl", "fr", "de", "pl", "tr"] as const;
type Language = (typeof LANGUAGES)[number];

// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
type Json = Record<string, any>;

function locale(language: string, namespace: "common" | "pomalidomide"): Json {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, "locales", language, `${namespace}.json`), "utf8"));
}

/** 2026-12-01 as Intl writes it in the language's own locale (from its common.json), in UTC. */
function longDate(language: string, iso: string): string {
  const intlLocale: string = locale(language, "common")._meta.intlLocale;
  return new Intl.DateTimeFormat(intlLocale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** ISO date `days` days after `iso`. */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function validOrder(overrides: OrderInput): Order {
  const validation = validateOrder({ ...baseOrder(), ...overrides }, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return validation.order;
}

// ---- the real command line -------------------------------------------------------------------------

let tmpRoot: string;
let counter = 0;

function freshDir(label: string): string {
  const dir = join(tmpRoot, `${label}-${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

/** What the command-line runs found; started before the in-process renders so they overlap. */
interface Bilingual {
  run: Run;
  out: string;
  path: string;
  pages: string[];
}

let bilingual: Promise<Bilingual>;
let frenchThenTurkish: Promise<{ run: Run; out: string; turkish: string[] }>;

function startCommandLineRuns(): void {
  const bilingualOut = freshDir("bilingual");
  bilingual = (async () => {
    const run = await cli([
      "generate",
      "--demo",
      "--lang",
      "tr",
      "--second-lang",
      "nl",
      "--out",
      bilingualOut,
      "--kinds",
      "leaflet",
    ]);
    const path = join(bilingualOut, "DEMO-0001", "pomalidomide-leaflet-tr-nl.pdf");
    const pages = existsSync(path) ? await extractText(readFileSync(path)) : [];
    return { run, out: bilingualOut, path, pages };
  })();
  // One worker renders both rows, in order: a French leaflet, then a Turkish one.
  const batchDir = freshDir("batch");
  const orders = join(batchDir, "orders.jsonl");
  const row = (patientId: string, language: string) =>
    JSON.stringify({ ...baseOrder(), patientId, cycles: 1, language });
  writeFileSync(orders, `${row("B-FR", "fr")}\n${row("B-TR", "tr")}\n`);
  const batchOut = join(batchDir, "out");
  frenchThenTurkish = (async () => {
    const run = await cli(["batch", orders, "--workers", "1", "--kinds", "leaflet", "--out", batchOut, "--json"]);
    const path = join(batchOut, "B-TR", "pomalidomide-leaflet-tr.pdf");
    const turkish = existsSync(path) ? await extractText(readFileSync(path)) : [];
    return { run, out: batchOut, turkish };
  })();
}

beforeAll(() => {
  tmpRoot = mkdtempSync(join(tmpdir(), "leaflets-languages-"));
  startCommandLineRuns();
});

afterAll(async () => {
  await Promise.allSettled([bilingual, frenchThenTurkish]);
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
});

/** pd-28, 4 mg, from 2026-12-01, woman who can become pregnant; two cycles keep the render short. */
function leafletOrder(language: string): Order {
  return validOrder({ cycles: 2, language });
}

interface Rendered {
  /** Extracted text, one string per page. */
  pages: string[];
  /** All pages as one line: wrapped sentences read as one. */
  all: string;
}

async function render(order: Order): Promise<Rendered> {
  const documents = await generateDocuments(order, catalog, { kinds: ["leaflet"] });
  expect(documents.map((d) => d.kind)).toEqual(["leaflet"]);
  const [leaflet] = documents;
  if (!leaflet) throw new Error("no leaflet generated");
  const pages = await extractText(leaflet.bytes);
  expect(pages).toHaveLength(leaflet.pages);
  return { pages, all: flat(pages) };
}

// Each language rendered once for the whole file. Turkish goes first: fontkit caches glyphs per font for
// the whole process, and a glyph first met as a component of a composite glyph (the dotless ı inside
// French "î") is cached without its code point, so a Turkish PDF made after a French one in the same
// process loses "ı" from its text layer. That product bug has its own test (a batch with a French and then
// a Turkish order, below); here each language is checked on its own.
const RENDER_ORDER: Language[] = ["tr", "en", "nl", "de", "pl", "fr"];
const rendered = new Map<Language, Rendered>();

function leaflet(language: Language): Rendered {
  const result = rendered.get(language);
  if (!result) throw new Error(`${language} was not rendered`);
  return result;
}

beforeAll(async () => {
  for (const language of RENDER_ORDER) rendered.set(language, await render(leafletOrder(language)));
});

/** The word for "weeks" in each language's contraception sentence (after the digit 4). */
const WEEKS: Record<Language, string> = {
  en: "weeks",
  nl: "weken",
  fr: "semaines",
  de: "Wochen",
  pl: "tygodnie",
  tr: "hafta",
};

describe.each(LANGUAGES)("pomalidomide leaflet in %s", (language) => {
  const common = locale(language, "common");
  const drug = locale(language, "pomalidomide");
  const start = longDate(language, "2026-12-01");
  const lastDoseOfCycle1 = longDate(language, "2026-12-21");

  test("start date written out in the language, next to its label", () => {
    const { all } = leaflet(language);
    expect(all).toContain(`${common.personal.startDate} ${start}`);
  });

  test("the first cycle's pomalidomide days run from 1 to 21 December 2026, written out", () => {
    const { all } = leaflet(language);
    expect(all).toContain(start);
    expect(all).toContain(lastDoseOfCycle1);
    expect(all).toContain(`${start} – ${lastDoseOfCycle1}`);
  });

  test('the dose "4 mg" next to its label', () => {
    expect(leaflet(language).all).toContain(`${common.personal.dose} 4 mg`);
  });

  test("the contraception sentence as in the locale file, with 4 weeks before and after", () => {
    const sentence: string = drug.sections.ppp.womanChildbearing.item1;
    const spans = sentence.match(new RegExp(`(?<!\\d)4\\s+${WEEKS[language]}(?!\\p{L})`, "gu")) ?? [];
    expect(spans).toHaveLength(2);
    expect(leaflet(language).all).toContain(flat(sentence));
  });

  test("every page has its page label and the unreviewed notice in the language and in Dutch", () => {
    const { pages } = leaflet(language);
    expect(pages.length).toBeGreaterThan(1);
    const own: string = common.notice.unreviewed;
    const nurse: string = locale(NURSE, "common").notice.unreviewed;
    expect(nurse).toBe("Vertaling nog niet gecontroleerd door een apotheker.");
    pages.forEach((page, index) => {
      const text = flat(page);
      expect(text).toContain(fill(common.footer.page, { page: index + 1, total: pages.length }));
      expect(text).toContain(own);
      expect(text).toContain(nurse);
    });
  });
});

describe("page labels read as each language writes them", () => {
  test.each([
    ["en", "Page 1 of"],
    ["nl", "Pagina 1 van"],
    ["fr", "Page 1 sur"],
    ["de", "Seite 1 von"],
    ["pl", "Strona 1 z"],
    ["tr", "Sayfa 1 /"],
  ] as const)("%s: %s", (language, label) => {
    expect(flat(leaflet(language).pages[0] ?? "")).toContain(label);
  });
});

/** Every block of the tree, depth first. */
function allBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((block) => ("children" in block ? [block, ...allBlocks(block.children)] : [block]));
}

function fact(doc: LeafletDoc, label: string): string | undefined {
  for (const block of allBlocks(doc.body)) {
    if (block.type !== "facts") continue;
    const item = block.items.find((i) => i.label === label);
    if (item) return item.value;
  }
  return undefined;
}

describe("plural forms", () => {
  const pl = locale("pl", "common");

  test.each([
    [1, "one", "cykl"],
    [2, "few", "cykle"],
    [5, "many", "cykli"],
    [12, "many", "cykli"],
  ] as const)("Polish: %i cycles take the %s form (%s)", (cycles, form, word) => {
    const template: string = pl.personal[`calendarValue_${form}`];
    expect(template).toContain(`{{count}} ${word}:`);
    const doc = buildLeafletDoc(validOrder({ cycles, language: "pl" }), catalog);
    const expected = fill(template, {
      count: cycles,
      from: longDate("pl", "2026-12-01"),
      to: longDate("pl", addDays("2026-12-01", 28 * cycles - 1)),
    });
    expect(fact(doc, pl.personal.calendar)).toBe(expected);
  });

  test("Polish: the rendered PDF says 2 cykle", () => {
    expect(leaflet("pl").all).toContain(
      `${pl.personal.calendar} 2 cykle: ${longDate("pl", "2026-12-01")} – ${longDate("pl", "2027-01-25")}`,
    );
  });

  test("Arabic: calendarValue and visitsValue have all six plural forms", () => {
    const ar = locale("ar", "common");
    const categories = new Intl.PluralRules(ar._meta.intlLocale).resolvedOptions().pluralCategories;
    expect([...categories].sort()).toEqual(["few", "many", "one", "other", "two", "zero"]);
    for (const base of ["calendarValue", "visitsValue"]) {
      const forms = Object.keys(ar.personal)
        .filter((key) => key.startsWith(`${base}_`))
        .map((key) => key.slice(base.length + 1))
        .sort();
      expect(forms, base).toEqual(["few", "many", "one", "other", "two", "zero"]);
      for (const form of forms) {
        const text: string = ar.personal[`${base}_${form}`];
        expect(text.trim(), `${base}_${form}`).not.toBe("");
        expect(text, `${base}_${form}`).toContain("{{count}}");
      }
    }
  });
});

describe("the French no-break space", () => {
  const fr = locale("fr", "common");

  test('"cycles\u00A0:" keeps its no-break space in the document tree', () => {
    const template: string = fr.personal.calendarValue_other;
    expect(template).toContain("\u00A0:");
    const doc = buildLeafletDoc(leafletOrder("fr"), catalog);
    const value = fact(doc, fr.personal.calendar);
    expect(value).toBe(
      fill(template, { count: 2, from: longDate("fr", "2026-12-01"), to: longDate("fr", "2027-01-25") }),
    );
    expect(value).toContain("2 cycles\u00A0:");
    expect(JSON.stringify(doc)).toContain("Qui appeler\u00A0?");
  });

  test("in the PDF no line starts with the colon or question mark the no-break space holds on", () => {
    const lines = leaflet("fr").pages.flatMap((page) => page.split("\n"));
    expect(lines.filter((line) => /^[:;?!]/.test(line))).toEqual([]);
    expect(leaflet("fr").all).toMatch(/2 cycles\s:/);
  });
});

describe("bilingual orders (secondLanguage)", () => {
  test("Turkish with Dutch is accepted", () => {
    expect(validOrder({ language: "tr", secondLanguage: "nl" }).secondLanguage).toBe("nl");
  });

  test("a second language equal to the language is refused on secondLanguage", () => {
    const validation = validateOrder({ ...baseOrder(), language: "tr", secondLanguage: "tr" }, catalog);
    expect(validation).toEqual({
      ok: false,
      problems: [
        { field: "secondLanguage", message: "is the same as language; leave it out for a leaflet in one language" },
      ],
    });
  });

  test.each(["xx", "zz"])("an unknown second language (%s) is refused on secondLanguage", (second) => {
    const validation = validateOrder({ ...baseOrder(), language: "tr", secondLanguage: second }, catalog);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.problems).toEqual([{ field: "secondLanguage", message: expect.stringContaining(`"${second}"`) }]);
  });
});

/** The static sections of the pomalidomide leaflet, each printed in Turkish and then in Dutch. */
const BILINGUAL_SECTIONS = [
  "what",
  "howItWorks",
  "howToTake",
  "takingCapsules",
  "forgottenDose",
  "storing",
  "ppp",
  "sideEffects",
  "studies",
] as const;

describe("generate --lang tr --second-lang nl", () => {
  test("writes DEMO-0001/pomalidomide-leaflet-tr-nl.pdf and prints its path", async () => {
    const { run, out, path } = await bilingual;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([path]);
    expect(listTree(out)).toEqual([
      "DEMO-0001",
      join("DEMO-0001", "manifest.json"),
      join("DEMO-0001", "pomalidomide-leaflet-tr-nl.pdf"),
    ]);
  });

  test('each static section: its Turkish title, then "Nederlands", then its Dutch title, in reading order', async () => {
    const all = flat((await bilingual).pages);
    const tr = locale("tr", "pomalidomide").sections;
    const nl = locale("nl", "pomalidomide").sections;
    const label = locale("nl", "common")._meta.name;
    expect(label).toBe("Nederlands");
    let at = 0;
    for (const section of BILINGUAL_SECTIONS) {
      const own = all.indexOf(tr[section].title, at);
      expect(own, `Turkish title of ${section} after position ${at}`).toBeGreaterThanOrEqual(0);
      const marker = all.indexOf(label, own);
      expect(marker, `"Nederlands" after the Turkish ${section}`).toBeGreaterThan(own);
      const second = all.indexOf(nl[section].title, marker);
      expect(second, `Dutch title of ${section} after "Nederlands"`).toBeGreaterThan(marker);
      const nextOwn = all.indexOf(tr[section].title, own + 1);
      if (nextOwn >= 0) expect(nextOwn, `no second Turkish ${section} before its Dutch one`).toBeGreaterThan(second);
      at = second;
    }
    // Then the notes space's heading, in Turkish and in Dutch.
    const notesOwn = all.indexOf(locale("tr", "common").notes.title, at);
    expect(notesOwn).toBeGreaterThan(at);
    expect(all.indexOf(locale("nl", "common").notes.title, all.indexOf(label, notesOwn))).toBeGreaterThan(notesOwn);
    // Also marked: the personal block's and whom-to-call's Dutch copies.
    expect(all.split(label).length - 1).toBe(BILINGUAL_SECTIONS.length + 3);
  });

  test("the personal block, whom to call and each cycle's dates and doses in Turkish and in Dutch; the grid once", async () => {
    const all = flat((await bilingual).pages);
    const tr = locale("tr", "common");
    const nl = locale("nl", "common");
    const count = (needle: string) => all.split(needle).length - 1;
    // The personal block: start date and dose under each language's own label, once each.
    expect(count(`${tr.personal.startDate} ${longDate("tr", "2026-12-01")}`)).toBe(1);
    expect(count(`${nl.personal.startDate} ${longDate("nl", "2026-12-01")}`)).toBe(1);
    expect(count(`${tr.personal.dose} 4 mg`)).toBe(1);
    expect(count(`${nl.personal.dose} 4 mg`)).toBe(1);
    expect(all).toContain(
      `${nl.personal.calendar} ${fill(nl.personal.calendarValue_other, { count: 3, from: longDate("nl", "2026-12-01"), to: longDate("nl", "2027-02-22") })}`,
    );
    // Whom to call: the heading and both numbers under each language's labels (the footer has the Turkish ones too).
    expect(count(nl.contacts.title)).toBe(1);
    const trCall = all.indexOf(`${tr.contacts.title}`);
    const nlCall = all.indexOf(nl.contacts.title);
    const calendar = all.indexOf(tr.calendar.title);
    expect(trCall).toBeGreaterThan(0);
    expect(nlCall).toBeGreaterThan(trCall);
    for (const [label, number] of [
      [nl.contacts.nurseLine, "+31 20 555 0101"],
      [nl.contacts.emergency, "+31 20 555 0199"],
    ]) {
      const at = all.indexOf(`${label}: ${number}`, nlCall);
      expect(at, `${label} under the Dutch "${nl.contacts.title}"`).toBeGreaterThan(nlCall);
      expect(at).toBeLessThan(calendar);
    }
    // Every cycle's title and its dexamethasone days, in Turkish and then in Dutch (dates from Intl).
    const cycles = [
      { number: 1, start: "2026-12-01" },
      { number: 2, start: "2026-12-29" },
      { number: 3, start: "2027-01-26" },
    ];
    for (const { number, start } of cycles) {
      const title = (language: string, template: string) =>
        fill(template, { number, from: longDate(language, start), to: longDate(language, addDays(start, 27)) });
      const trTitle = all.indexOf(title("tr", tr.calendar.cycle));
      const nlTitle = all.indexOf(title("nl", nl.calendar.cycle));
      expect(trTitle, `Turkish title of cycle ${number}`).toBeGreaterThanOrEqual(0);
      expect(nlTitle, `Dutch title of cycle ${number} after the Turkish one`).toBeGreaterThan(trTitle);
      const dexDays = (language: string) =>
        new Intl.ListFormat(locale(language, "common")._meta.intlLocale, { type: "conjunction" }).format(
          [0, 7, 14, 21].map((d) => longDate(language, addDays(start, d))),
        );
      const nlDex = fill(nl.calendar.partnerDays, { drug: "Dexamethason", dose: "40 mg", dates: dexDays("nl") });
      expect(all.indexOf(nlDex, nlTitle), `Dutch dexamethasone days of cycle ${number}`).toBeGreaterThan(nlTitle);
      const nlPrimary = fill(nl.calendar.primaryDays, {
        drug: "pomalidomide",
        dose: "4 mg",
        dates: fill(nl.calendar.range, { from: longDate("nl", start), to: longDate("nl", addDays(start, 20)) }),
      });
      expect(all.indexOf(nlPrimary.charAt(0).toUpperCase() + nlPrimary.slice(1), nlTitle)).toBeGreaterThan(nlTitle);
    }
    // The grid itself once: Turkish day cells, one last day per cycle, no Dutch cell labels.
    expect(count(fill(tr.calendar.day, { day: 28 }))).toBe(3);
    expect(all).not.toContain(fill(nl.calendar.day, { day: 28 }));
    expect(count(tr.calendar.title)).toBe(1);
  });

  test("the calendar's header: each weekday in Turkish, the Dutch name under it in the same column", async () => {
    const { path } = await bilingual;
    const items = await textItems(readFileSync(path));
    const names = (locale: string) => {
      const format = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
      return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, i + 1)))); // from Monday
    };
    const [turkish, dutch] = [names("tr-TR"), names("nl-NL")];
    // The first header: Turkish "Pzt" (Monday) with the six other Turkish names on its line.
    const monday = items.find(
      (i) =>
        i.str === turkish[0] &&
        items.filter((o) => o.page === i.page && Math.abs(o.y - i.y) < 1 && turkish.includes(o.str)).length === 7,
    );
    if (!monday) throw new Error("no Turkish weekday header");
    const row = (texts: string[], y: (v: number) => boolean) =>
      texts.map((text) => items.find((i) => i.page === monday.page && i.str === text && y(i.y)));
    const own = row(turkish, (y) => Math.abs(y - monday.y) < 1);
    const second = row(dutch, (y) => y < monday.y && y > monday.y - 2 * monday.size);
    own.forEach((tr, d) => {
      const nl = second[d];
      expect(nl, `Dutch ${dutch[d]} under Turkish ${turkish[d]}`).toBeDefined();
      expect(Math.abs((nl?.x ?? 0) - (tr?.x ?? 99))).toBeLessThan(1);
    });
  });

  test("every page carries the Turkish and the Dutch unreviewed notice", async () => {
    const { pages } = await bilingual;
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(flat(page)).toContain(locale("tr", "common").notice.unreviewed);
      expect(flat(page)).toContain(locale("nl", "common").notice.unreviewed);
    }
  });
});

describe("a Turkish leaflet made after a French one in the same process (batch, one worker)", () => {
  test("keeps the dotless ı in its text layer: dates and the notice", async () => {
    const { run, turkish } = await frenchThenTurkish;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totals).toMatchObject({ rows: 2, ok: 2, failed: 0 });
    const all = flat(turkish);
    const december = longDate("tr", "2026-12-01");
    expect(december).toContain("ı");
    expect(all).toContain(`${locale("tr", "common").personal.startDate} ${december}`);
    expect(all).toContain(locale("tr", "common").notice.unreviewed);
  });
});

describe("Arabic: printed right to left", () => {
  test("an order in Arabic is accepted, and Arabic as a second language too", () => {
    expect(validateOrder({ ...baseOrder(), language: "ar" }, catalog).ok).toBe(true);
    expect(validateOrder({ ...baseOrder(), language: "nl", secondLanguage: "ar" }, catalog).ok).toBe(true);
  });

  test("generate --lang ar writes the leaflet and the card", async () => {
    const out = join(freshDir("arabic"), "out");
    const run = await cli(["generate", "--demo", "--lang", "ar", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(listTree(out)).toEqual([
      "DEMO-0001",
      join("DEMO-0001", "manifest.json"),
      join("DEMO-0001", "pomalidomide-card-ar.pdf"),
      join("DEMO-0001", "pomalidomide-leaflet-ar.pdf"),
    ]);
  });

  test("list marks every language printable", async () => {
    const json = await cli(["list", "--json"]);
    expect(json.code).toBe(0);
    const listing = JSON.parse(json.stdout) as { languages: { code: string; printable: boolean }[] };
    expect(Object.fromEntries(listing.languages.map((l) => [l.code, l.printable]))).toEqual({
      ar: true,
      de: true,
      en: true,
      fr: true,
      nl: true,
      pl: true,
      tr: true,
    });
  });
});
