// The Imlygic leaflet as the patient reads it: rendered to real PDF bytes (once per language, cached) and its
// text extracted with pdfjs. Visit dates and strengths are read from the visit table cell by cell, by the
// position of the text under each column heading, so a wrapped cell still reads as one phrase. Then the
// real `leaflets` command as a child process: file name, --json result, list and validate.
// Start 24 November 2026, 6 months (the default): 13 visits, 24 November 2026 – 18 May 2027.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { runCli as cli } from "../helpers/cli.ts";
import type { OrderInput } from "../helpers/orders.ts";
import { extractText, flat, fontsEmbedded, pageSizes } from "../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();
type Lang = "en" | "nl";

/** A valid Imlygic order: only the required fields, so months is the default (6). */
function imlygicOrder(language: Lang): OrderInput {
  return {
    patientId: "T-0002",
    name: "Test Patiënt",
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-11-24",
    language,
  };
}

async function renderLeaflet(language: Lang): Promise<Uint8Array> {
  const validation = validateOrder(imlygicOrder(language), catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  expect(validation.order.months).toBe(6);
  const documents = await generateDocuments(validation.order, catalog);
  const leaflets = documents.filter((d) => d.kind === "leaflet");
  expect(leaflets).toHaveLength(1);
  const [leaflet] = leaflets;
  if (!leaflet) throw new Error("no leaflet generated");
  expect(leaflet.drug).toBe("imlygic");
  expect(leaflet.language).toBe(language);
  return leaflet.bytes;
}

interface Rendered {
  bytes: Uint8Array;
  /** Extracted text, one string per page (lines joined with "\n"). */
  text: string[];
  /** All pages as one line: wrapped sentences read as one. */
  all: string;
  /** The visit table: one [number, date, what is injected] per row, each cell's lines joined. */
  rows: string[][];
}

const cache = new Map<Lang, Promise<Rendered>>();

/** The Imlygic leaflet in `language`, rendered and read once per test file. */
function leaflet(language: Lang): Promise<Rendered> {
  let rendered = cache.get(language);
  if (!rendered) {
    rendered = (async () => {
      const bytes = await renderLeaflet(language);
      const text = await extractText(bytes);
      return { bytes, text, all: flat(text), rows: await visitTable(bytes, HEADERS[language]) };
    })();
    cache.set(language, rendered);
  }
  return rendered;
}

// --- Reading the visit table by column ------------------------------------------------------------------

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));

interface Item {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
}

async function textItems(bytes: Uint8Array): Promise<Item[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${pathToFileURL(join(pdfjsRoot, "standard_fonts")).href}/`,
    cMapUrl: `${pathToFileURL(join(pdfjsRoot, "cmaps")).href}/`,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const items: Item[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      for (const item of (await page.getTextContent()).items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        items.push({
          page: n,
          str: item.str.trim(),
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          width: item.width,
        });
      }
      page.cleanup();
    }
    return items;
  } finally {
    await pdf.destroy();
  }
}

/** The column headings of the visit table (locales/<lang>/common.json visits.*), tick column last. */
const HEADERS: Record<Lang, string[]> = {
  en: ["Visit", "Date", "What your doctor injects", "Done"],
  nl: ["Bezoek", "Datum", "Wat uw arts injecteert", "Gekregen"],
};

/**
 * The rows of the visit table. Columns run from each heading's left edge to the next heading's; a text item
 * belongs to a column only if it fits inside it (so paragraphs, headers and footers, which are wider, do
 * not). A row is anchored on its number in the first column; every other cell line belongs to the row whose
 * number is nearest vertically (cells are vertically centred). Pages from the heading's page on are read, so
 * a table continued on a later page is read too.
 */
async function visitTable(bytes: Uint8Array, headers: string[]): Promise<string[][]> {
  const items = await textItems(bytes);
  const heads = headers.map((label) => items.find((i) => i.str === label));
  const first = heads[0];
  if (!first || heads.some((h) => !h || h.page !== first.page || Math.abs(h.y - first.y) > 1)) {
    throw new Error(`visit table headings ${JSON.stringify(headers)} not found on one line`);
  }
  const edges = heads.map((h) => (h as Item).x);
  const tol = 1;
  const columnOf = (item: Item): number => {
    for (let c = 0; c < edges.length - 1; c++) {
      const left = edges[c] as number;
      const right = edges[c + 1] as number;
      if (item.x >= left - tol && item.x + item.width <= right + tol) return c;
    }
    return -1;
  };
  const body = items.filter((i) => i.page > first.page || (i.page === first.page && i.y < first.y - 2));
  const anchors = body
    .filter((i) => columnOf(i) === 0 && /^\d+$/.test(i.str))
    .sort((a, b) => a.page - b.page || b.y - a.y);
  const cells = anchors.map((a) => [[a], [], []] as Item[][]);
  for (const item of body) {
    const column = columnOf(item);
    if (column < 1) continue;
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    anchors.forEach((a, i) => {
      const d = Math.abs(a.y - item.y);
      if (a.page === item.page && d < distance) {
        best = i;
        distance = d;
      }
    });
    if (best >= 0 && distance <= 20) cells[best]?.[column]?.push(item);
  }
  return cells.map((row) =>
    row.map((cell) =>
      cell
        .sort((a, b) => b.y - a.y || a.x - b.x)
        .map((i) => i.str)
        .join(" "),
    ),
  );
}

// --- Expected values, computed without the product's formatters -----------------------------------------

/** The 13 visit dates: start, +21 days, then every 14 days up to 2027-05-24 (start + 6 months). */
const VISIT_DATES = [
  "2026-11-24",
  "2026-12-15",
  "2026-12-29",
  "2027-01-12",
  "2027-01-26",
  "2027-02-09",
  "2027-02-23",
  "2027-03-09",
  "2027-03-23",
  "2027-04-06",
  "2027-04-20",
  "2027-05-04",
  "2027-05-18",
];

const MONTHS: Record<Lang, string[]> = {
  en: "January February March April May June July August September October November December".split(" "),
  nl: "januari februari maart april mei juni juli augustus september oktober november december".split(" "),
};
const WEEKDAYS: Record<Lang, string[]> = {
  en: "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" "),
  nl: "zondag maandag dinsdag woensdag donderdag vrijdag zaterdag".split(" "),
};

/** "Tuesday 24 November 2026" / "dinsdag 24 november 2026". */
function weekdayDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[lang][d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const DOSES: Record<Lang, { first: string; second: string; later: string }> = {
  en: {
    first: "up to 4 mL of 10⁶ PFU/mL, the lower strength",
    second: "up to 4 mL of 10⁸ PFU/mL, the higher strength",
    later: "10⁸ PFU/mL, the higher strength",
  },
  nl: {
    first: "tot 4 mL van 10⁶ PFU/mL, de lagere sterkte",
    second: "tot 4 mL van 10⁸ PFU/mL, de hogere sterkte",
    later: "10⁸ PFU/mL, de hogere sterkte",
  },
};

function expectedRows(lang: Lang): string[][] {
  return VISIT_DATES.map((iso, i) => [
    String(i + 1),
    weekdayDate(iso, lang),
    i === 0 ? DOSES[lang].first : i === 1 ? DOSES[lang].second : DOSES[lang].later,
  ]);
}

const brand = parseYaml(readFileSync(join(PROJECT_ROOT, "templates/brands/default/brand.yaml"), "utf8")) as {
  phones: { nurseLine: string; emergency: string };
};

const locale = (lang: Lang) =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, `locales/${lang}/imlygic.json`), "utf8")) as {
    sections: Record<string, Record<string, unknown>>;
  };

function expectOnEveryPage(doc: Rendered, phrase: (page: number, total: number) => string) {
  expect(doc.text.length).toBeGreaterThan(1);
  doc.text.forEach((page, i) => {
    expect(page, `page ${i + 1} of ${doc.text.length}`).toContain(phrase(i + 1, doc.text.length));
  });
}

// --- The English leaflet ---------------------------------------------------------------------------------

describe("Imlygic leaflet in English (6 months from Tuesday 24 November 2026)", () => {
  test("the oracle agrees with the clinic: 24 November 2026 is a Tuesday, the last visit 18 May 2027", () => {
    expect(weekdayDate("2026-11-24", "en")).toBe("Tuesday 24 November 2026");
    expect(weekdayDate("2027-05-18", "en")).toBe("Tuesday 18 May 2027");
    expect(weekdayDate("2026-11-24", "nl")).toBe("dinsdag 24 november 2026");
  });

  test("the visit table has exactly the 13 visits, each with its date and what is injected", async () => {
    const doc = await leaflet("en");
    expect(doc.rows).toEqual(expectedRows("en"));
  });

  test("visit 1 on Tuesday 24 November 2026: up to 4 mL of 10⁶ PFU/mL, the lower strength", async () => {
    const doc = await leaflet("en");
    expect(doc.rows[0]).toEqual(["1", "Tuesday 24 November 2026", "up to 4 mL of 10⁶ PFU/mL, the lower strength"]);
  });

  test("visit 2 on Tuesday 15 December 2026: up to 4 mL of 10⁸ PFU/mL, the higher strength", async () => {
    const doc = await leaflet("en");
    expect(doc.rows[1]).toEqual(["2", "Tuesday 15 December 2026", "up to 4 mL of 10⁸ PFU/mL, the higher strength"]);
  });

  test("visits 3 and 4 across the year end: 29 December 2026, 12 January 2027, 10⁸ PFU/mL without a volume", async () => {
    const doc = await leaflet("en");
    expect(doc.rows[2]).toEqual(["3", "Tuesday 29 December 2026", "10⁸ PFU/mL, the higher strength"]);
    expect(doc.rows[3]).toEqual(["4", "Tuesday 12 January 2027", "10⁸ PFU/mL, the higher strength"]);
  });

  test("the last visit is 13, Tuesday 18 May 2027; there is no visit 14 (1 June 2027)", async () => {
    const doc = await leaflet("en");
    expect(doc.rows.at(-1)).toEqual(["13", "Tuesday 18 May 2027", "10⁸ PFU/mL, the higher strength"]);
    expect(doc.all).not.toContain("1 June 2027");
    expect(doc.all).not.toMatch(/\b14 Tuesday\b/);
  });

  test("only visits 1 and 2 print a volume (up to 4 mL); only visit 1 the lower strength", async () => {
    const doc = await leaflet("en");
    expect(doc.rows.filter((r) => r[2]?.includes("4 mL")).map((r) => r[0])).toEqual(["1", "2"]);
    expect(doc.rows.filter((r) => r[2]?.includes("lower")).map((r) => r[0])).toEqual(["1"]);
    expect(doc.rows.filter((r) => r[2]?.includes("10⁶")).map((r) => r[0])).toEqual(["1"]);
  });

  test("the visit table runs on to a second page with its header row repeated there", async () => {
    const doc = await leaflet("en");
    const header = "Visit Date What your doctor injects Done";
    const pages = doc.text
      .map((page, i) => ({ page: i + 1, text: page }))
      .filter(({ text }) => VISIT_DATES.some((iso) => text.includes(weekdayDate(iso, "en"))));
    expect(pages.length, "pages with visit rows").toBeGreaterThanOrEqual(2);
    for (const { page, text } of pages) {
      const firstDate = Math.min(
        ...VISIT_DATES.map((iso) => text.indexOf(weekdayDate(iso, "en"))).filter((at) => at >= 0),
      );
      expect(text.indexOf(header), `page ${page}: the header row before its first visit`).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(header)).toBeLessThan(firstDate);
    }
  });

  test("the visit dates also read in the plain text, with the table's headings", async () => {
    const doc = await leaflet("en");
    for (const iso of VISIT_DATES) expect(doc.all).toContain(weekdayDate(iso, "en"));
    expect(doc.all).toContain("Visit Date What your doctor injects Done");
    expect(doc.all).toContain("Your visits");
  });

  test("the personal block: start date and 13 visits from 24 November 2026 to 18 May 2027", async () => {
    const doc = await leaflet("en");
    expect(doc.text[0]).toContain("Name Test Patiënt");
    expect(doc.text[0]).toContain("Patient number T-0002");
    expect(doc.text[0]).toContain("Medicine talimogene laherparepvec (Imlygic)");
    expect(doc.text[0]).toContain("Start date 24 November 2026");
    expect(doc.all).toContain("Visits in this leaflet 13 visits: 24 November 2026 – 18 May 2027");
  });

  test("how it is given: lower strength first, second dose after 3 weeks, then every 2 weeks for at least 6 months", async () => {
    const doc = await leaflet("en");
    expect(doc.all).toContain("For your first dose, your doctor uses the lower strength.");
    expect(doc.all).toContain("You get the second dose 3 weeks after the first dose.");
    expect(doc.all).toContain("you get Imlygic every 2 weeks for at least 6 months");
    expect(doc.all).toContain("At your first visit and at your second visit, this is up to 4 mL.");
  });

  test("the exposure advice: dressings, gloves, close contacts, pregnant women and newborn babies", async () => {
    const doc = await leaflet("en");
    expect(doc.all).toContain("Protecting other people");
    expect(doc.all).toContain(
      "Keep the places where Imlygic was injected (the injection sites) covered with dressings. The dressings stay on for at least 1 week.",
    );
    expect(doc.all).toContain("Wear gloves when you change a dressing.");
    expect(doc.all).toContain("People in close contact with you must avoid contact with the injection sites.");
    expect(doc.all).toContain("Pregnant women and newborn babies must avoid contact with the injection sites.");
    const exposure = locale("en").sections.exposure as Record<string, string>;
    for (const key of ["intro", "item1", "item2", "item3", "item4"]) {
      expect(doc.all, `sections.exposure.${key}`).toContain(exposure[key]);
    }
  });

  test("herpes can become active again; not for a severely weakened immune system", async () => {
    const doc = await leaflet("en");
    expect(doc.all).toContain(
      "This virus can become active again later and cause herpes infections, such as a cold sore.",
    );
    expect(doc.all).toContain("Imlygic must not be used in people with a severely weakened immune system.");
  });

  test('the "at least 6 months" note after the visit table', async () => {
    const doc = await leaflet("en");
    const note =
      "Your treatment continues for at least 6 months, unless your doctor decides otherwise. Your healthcare team will tell you if a date changes.";
    expect(doc.all).toContain(note);
    expect(doc.all.indexOf(note)).toBeGreaterThan(doc.all.indexOf("Tuesday 18 May 2027"));
  });

  test("the patient alert card: carry it always, show it to every doctor or nurse", async () => {
    const doc = await leaflet("en");
    expect(doc.all).toContain("Your patient alert card");
    expect(doc.all).toContain(
      "You will get a patient alert card. It explains the risks of Imlygic and how to avoid accidental exposure to Imlygic.",
    );
    expect(doc.all).toContain("Always carry the card with you. Show it to every doctor or nurse.");
  });

  test("the brand's two phone numbers: in the contacts block and in the footer of every page", async () => {
    const doc = await leaflet("en");
    expect(brand.phones).toEqual({ nurseLine: "+31 20 555 0101", emergency: "+31 20 555 0199" });
    expect(doc.text[0]).toContain(`Nurse line: ${brand.phones.nurseLine}`);
    expect(doc.text[0]).toContain(`24-hour emergency number: ${brand.phones.emergency}`);
    expectOnEveryPage(
      doc,
      () => `Nurse line: ${brand.phones.nurseLine} · 24-hour emergency number: ${brand.phones.emergency}`,
    );
  });

  test('the footer of every page: whose leaflet and "Page n of N" on one line; the sources in their section', async () => {
    const doc = await leaflet("en");
    expectOnEveryPage(doc, (page, total) => `For Test Patiënt (T-0002) Page ${page} of ${total}`);
    doc.text.forEach((page, i) => {
      expect(page, `header on page ${i + 1}`).toContain("For Test Patiënt (T-0002)");
      expect(page, `page ${i + 1}`).not.toContain("Sources:");
    });
    expect(doc.all).toContain("Where this information comes from");
  });

  test('the sources, with the EMA summary\'s version "not stated in the source"', async () => {
    const doc = await leaflet("en");
    expect(doc.all).toContain("Where this information comes from");
    expect(doc.all).toContain(
      "EPAR summary for the public: Imlygic (talimogene laherparepvec). European Medicines Agency (EMA). Version: not stated in the source.",
    );
    expect(doc.all).toContain("https://www.ema.europa.eu/en/medicines/human/EPAR/imlygic");
    expect(doc.all).toContain(
      "Imlygic summary of product characteristics and package leaflet (EU). European Medicines Agency (EMA). Version: not stated in our sources.",
    );
    expect(doc.all).toContain(
      "Your treatment plan (injections into the tumours: the second 3 weeks after the first, then every 2 weeks): EMA EPAR summary Imlygic",
    );
    // The note may start at the foot of one page and go on at the top of the next (a header in between).
    expect(doc.all).toContain(
      "translated this text from Dutch. The translation has not yet been reviewed by a pharmacist.",
    );
    expect(doc.all).toContain(
      "Imlygic package leaflet (EU). European Medicines Agency (EMA). Version: not stated in our sources.",
    );
  });

  test("no pomalidomide, no pregnancy prevention programme, no cycles and no mg dose", async () => {
    const doc = await leaflet("en");
    for (const absent of [
      "pomalidomide",
      "Pomalidomide",
      "Imnovid",
      "dexamethasone",
      "Pregnancy prevention",
      "pregnancy prevention",
      "contraception",
      "condom",
      "pregnancy test",
      "Do not donate",
      "Your dose",
      "Cycle",
      "Key",
    ]) {
      expect(doc.all, absent).not.toContain(absent);
    }
    expect(doc.all).not.toMatch(/\bmg\b/);
  });

  test("no leftover template or translation keys", async () => {
    const doc = await leaflet("en");
    expect(doc.all).not.toMatch(/\{\{|\}\}|sections\.|common:|visits\.(level|dose|number)/);
    expect(doc.all).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
  });
});

// --- The Dutch leaflet -----------------------------------------------------------------------------------

describe("Imlygic leaflet in Dutch", () => {
  test("the visit table has exactly the 13 visits in Dutch", async () => {
    const doc = await leaflet("nl");
    expect(doc.rows).toEqual(expectedRows("nl"));
  });

  test("visit 1 on dinsdag 24 november 2026: tot 4 mL van 10⁶ PFU/mL, de lagere sterkte", async () => {
    const doc = await leaflet("nl");
    expect(doc.rows[0]).toEqual(["1", "dinsdag 24 november 2026", "tot 4 mL van 10⁶ PFU/mL, de lagere sterkte"]);
    expect(doc.rows[1]).toEqual(["2", "dinsdag 15 december 2026", "tot 4 mL van 10⁸ PFU/mL, de hogere sterkte"]);
    expect(doc.rows.at(-1)).toEqual(["13", "dinsdag 18 mei 2027", "10⁸ PFU/mL, de hogere sterkte"]);
  });

  test("personal block and dates in Dutch, no English dates", async () => {
    const doc = await leaflet("nl");
    expect(doc.text[0]).toContain("Naam Test Patiënt");
    expect(doc.text[0]).toContain("Startdatum 24 november 2026");
    expect(doc.all).toContain("13 bezoeken: 24 november 2026 – 18 mei 2027");
    expect(doc.all).toContain("dinsdag 24 november 2026");
    expect(doc.all).toContain("dinsdag 15 december 2026");
    expect(doc.all).not.toMatch(/\b(Tuesday|November|December|January|May) 20\d\d\b/);
    expect(doc.all).not.toMatch(/\bTuesday\b/);
  });

  test('"Pagina n van N" on every page, and no English page labels', async () => {
    const doc = await leaflet("nl");
    expect(doc.text[0]).toContain("Pagina 1 van ");
    expectOnEveryPage(doc, (page, total) => `Pagina ${page} van ${total}`);
    expect(doc.all).not.toMatch(/\bPage \d+ of\b/);
  });

  test("exposure advice, the alert card, the 6-month note and the sources in Dutch", async () => {
    const doc = await leaflet("nl");
    expect(doc.all).toContain("Draag handschoenen als u het verband verwisselt.");
    expect(doc.all).toContain(
      "Zwangere vrouwen en pasgeboren baby’s moeten contact met de injectieplaatsen vermijden.",
    );
    expect(doc.all).toContain("Houd de kaart altijd bij u. Laat de kaart zien aan elke arts of verpleegkundige.");
    expect(doc.all).toContain("Uw behandeling duurt ten minste 6 maanden, tenzij uw arts anders beslist.");
    expect(doc.all).toContain("Europees Geneesmiddelenbureau (EMA). Versie: niet vermeld in de bron.");
    expect(doc.all).toContain("Waar komt deze informatie vandaan?");
    expect(doc.all).not.toContain("Bronnen:");
    expectOnEveryPage(doc, () => `Verpleegkundigenlijn: ${brand.phones.nurseLine}`);
  });

  test("no pomalidomide and no pregnancy prevention text in Dutch either", async () => {
    const doc = await leaflet("nl");
    for (const absent of [
      "pomalidomide",
      "Imnovid",
      "Zwangerschapspreventie",
      "anticonceptie",
      "condoom",
      "Uw dosis",
    ]) {
      expect(doc.all, absent).not.toContain(absent);
    }
    expect(doc.all).not.toMatch(/\bmg\b/);
  });
});

// --- The PDF file ----------------------------------------------------------------------------------------

describe("the Imlygic PDF file", () => {
  for (const lang of ["en", "nl"] as const) {
    test(`${lang}: every font is embedded`, async () => {
      const doc = await leaflet(lang);
      const report = await fontsEmbedded(doc.bytes);
      expect(report.fonts.length).toBeGreaterThan(0);
      expect(report.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(report.allEmbedded).toBe(true);
    });

    test(`${lang}: A4 (595.28 × 841.89 pt) on every page`, async () => {
      const doc = await leaflet(lang);
      const sizes = await pageSizes(doc.bytes);
      expect(sizes.length).toBe(doc.text.length);
      expect(sizes.length).toBeGreaterThan(1);
      sizes.forEach((size, i) => {
        expect(Math.abs(size.width - 595.28), `width of page ${i + 1}: ${size.width}`).toBeLessThanOrEqual(0.5);
        expect(Math.abs(size.height - 841.89), `height of page ${i + 1}: ${size.height}`).toBeLessThanOrEqual(0.5);
      });
    });
  }

  test("rendering the same order again gives byte-identical PDFs (en and nl)", async () => {
    for (const lang of ["en", "nl"] as const) {
      const first = (await leaflet(lang)).bytes;
      const again = await renderLeaflet(lang);
      expect(again.byteLength, lang).toBe(first.byteLength);
      expect(Buffer.from(again).equals(Buffer.from(first)), `${lang} bytes differ`).toBe(true);
    }
  });

  test("the English and Dutch leaflets differ", async () => {
    const [en, nl] = await Promise.all([leaflet("en"), leaflet("nl")]);
    expect(Buffer.from(en.bytes).equals(Buffer.from(nl.bytes))).toBe(false);
  });
});

// --- The command line ------------------------------------------------------------------------------------

/** Stdout must be exactly one line holding one JSON object. */
function singleJson(stdout: string): Record<string, unknown> {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got:\n${stdout}`);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "leaflets-imlygic-test-"));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.concurrent("leaflets generate, list and validate with Imlygic", () => {
  for (const lang of ["en", "nl"] as const) {
    test(`generate --patient --json writes T-0002/imlygic-leaflet-${lang}.pdf (kind leaflet, language ${lang})`, async ({
      expect,
    }) => {
      const dir = mkdtempSync(join(root, `generate-${lang}-`));
      const orderPath = join(dir, "order.json");
      writeFileSync(orderPath, JSON.stringify(imlygicOrder(lang), null, 2));
      const out = join(dir, "out");
      const run = await cli(["generate", "--patient", orderPath, "--out", out, "--json"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const result = singleJson(run.stdout) as { ok: boolean; files: Record<string, unknown>[] };
      expect(result.ok).toBe(true);
      const path = join(out, "T-0002", `imlygic-leaflet-${lang}.pdf`);
      const leaflets = result.files.filter((f) => f.kind === "leaflet");
      expect(leaflets).toHaveLength(1);
      expect(existsSync(path)).toBe(true);
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = (await pageSizes(bytes)).length;
      expect(leaflets[0]).toEqual({ path, kind: "leaflet", language: lang, pages });
      for (const file of result.files) {
        expect(String(file.path).startsWith(join(out, "T-0002"))).toBe(true);
        expect(file.language).toBe(lang);
      }
      const text = flat(await extractText(bytes));
      expect(text).toContain(weekdayDate("2026-11-24", lang));
      expect(text).toContain(weekdayDate("2027-05-18", lang));
      // The command prints the same bytes as the pipeline in this process.
      expect(sha256(bytes)).toBe(sha256((await leaflet(lang)).bytes));
    });
  }

  test("list names the medicine imlygic (Imlygic) and the regimen imlygic", async ({ expect }) => {
    const run = await cli(["list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s+imlygic\s+Imlygic$/m);
    expect(run.stdout).toMatch(/^\s+imlygic\s+imlygic, visits every 14 days$/m);
  });

  test("list --json names imlygic as a medicine and as a visit regimen every 14 days", async ({ expect }) => {
    const run = await cli(["list", "--json"]);
    expect(run.code).toBe(0);
    const listing = singleJson(run.stdout) as {
      drugs: { id: string; brandName: string }[];
      regimens: { id: string; drug: string; plan: string }[];
    };
    expect(listing.drugs).toContainEqual(expect.objectContaining({ id: "imlygic", brandName: "Imlygic" }));
    expect(listing.regimens).toContainEqual({ id: "imlygic", drug: "imlygic", plan: "visits every 14 days" });
  });

  test("validate accepts the shipped files, Imlygic included (exit 0)", async ({ expect }) => {
    const run = await cli(["validate"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("All locales, templates, regimens and brands are valid.");
  });

  test("validate --json: ok and no problems", async ({ expect }) => {
    const run = await cli(["validate", "--json"]);
    expect(run.code).toBe(0);
    expect(singleJson(run.stdout)).toEqual({ ok: true, problems: [] });
  });
});
