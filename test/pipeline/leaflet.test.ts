// What the patient actually reads: each leaflet is rendered to real PDF bytes and its text extracted
// with pdfjs. Dates, doses and phone numbers are asserted on that text, never on the document tree.
// Every distinct order is rendered once (cached); orders that need no calendar use one cycle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { PaperSize } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { baseOrder, type OrderInput } from "../helpers/orders.ts";
import { extractText, flat, fontsEmbedded, pageSizes } from "../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();

interface Rendered {
  bytes: Uint8Array;
  /** The page count the pipeline reports. */
  pages: number;
  /** Extracted text, one string per page (lines joined with "\n"). */
  text: string[];
  /** All pages as one line: wrapped sentences read as one. */
  all: string;
}

async function renderOrder(overrides: OrderInput = {}, paper: PaperSize = "A4"): Promise<Uint8Array> {
  const validation = validateOrder({ ...baseOrder(), ...overrides }, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  const documents = await generateDocuments(validation.order, catalog, { paper, kinds: ["leaflet"] });
  expect(documents).toHaveLength(1);
  const [leaflet] = documents;
  if (!leaflet) throw new Error("no leaflet generated");
  expect(leaflet.kind).toBe("leaflet");
  return leaflet.bytes;
}

const cache = new Map<string, Promise<Rendered>>();

/** The base order with `overrides`, rendered and read once per test file. */
function leaflet(overrides: OrderInput = {}, paper: PaperSize = "A4"): Promise<Rendered> {
  const key = JSON.stringify([overrides, paper]);
  let rendered = cache.get(key);
  if (!rendered) {
    rendered = (async () => {
      const validation = validateOrder({ ...baseOrder(), ...overrides }, catalog);
      if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
      const [doc] = await generateDocuments(validation.order, catalog, { paper });
      if (!doc) throw new Error("no leaflet generated");
      const text = await extractText(doc.bytes);
      return { bytes: doc.bytes, pages: doc.pages, text, all: flat(text) };
    })();
    cache.set(key, rendered);
  }
  return rendered;
}

// An oracle for dates that does not use the product's formatters: day, month name, year.
const MONTHS = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  nl: [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ],
} as const;

/** `days` days after the ISO date `start`, written as the leaflet writes dates ("18 May 2027"). */
function dateAfter(start: string, days: number, lang: keyof typeof MONTHS): string {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${date.getUTCDate()} ${MONTHS[lang][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The text of one cycle's block: from "Cycle n:" up to the next cycle's title (or the end). */
function cycleBlock(all: string, title: string, number: number): string {
  const start = all.indexOf(`${title} ${number}:`);
  expect(start, `${title} ${number} is printed`).toBeGreaterThanOrEqual(0);
  const end = all.indexOf(`${title} ${number + 1}:`, start);
  return all.slice(start, end === -1 ? undefined : end);
}

function expectPageLabels(doc: Rendered, label: (page: number, total: number) => string): void {
  const total = doc.text.length;
  expect(total).toBe(doc.pages);
  expect(total).toBeGreaterThan(1);
  doc.text.forEach((page, i) => {
    expect(page, `page ${i + 1}`).toContain(label(i + 1, total));
  });
}

const brand = parseYaml(readFileSync(join(PROJECT_ROOT, "templates/brands/default/brand.yaml"), "utf8")) as {
  phones: { nurseLine: string; emergency: string };
};

describe("English leaflet (pd-28, 3 cycles from 1 December 2026)", () => {
  test("patient name and id are on the first page and in the header of every page", async () => {
    const doc = await leaflet();
    expect(doc.text[0]).toContain("Name Test Patiënt");
    expect(doc.text[0]).toContain("Patient number T-0001");
    doc.text.forEach((page, i) => {
      expect(page, `header on page ${i + 1}`).toContain("For Test Patiënt (T-0001)");
    });
  });

  test("dose, start date and the period the calendar covers", async () => {
    const doc = await leaflet();
    expect(doc.text[0]).toContain("Your dose 4 mg");
    expect(doc.text[0]).toContain("Start date 1 December 2026");
    expect(doc.all).toContain("3 cycles: 1 December 2026 – 22 February 2027");
  });

  test("cycle lines, across the end of the year", async () => {
    const doc = await leaflet();
    expect(doc.all).toContain("Cycle 1: 1 December 2026 – 28 December 2026");
    expect(doc.all).toContain("Cycle 2: 29 December 2026 – 25 January 2027");
    expect(doc.all).toContain("Cycle 3: 26 January 2027 – 22 February 2027");
    expect(doc.all).not.toContain("Cycle 4:");
  });

  test("pomalidomide days 1–21 as a date range", async () => {
    const doc = await leaflet();
    const cycle1 = cycleBlock(doc.all, "Cycle", 1);
    expect(cycle1).toContain("Take pomalidomide 4 mg once a day: 1 December 2026 – 21 December 2026");
    const cycle2 = cycleBlock(doc.all, "Cycle", 2);
    expect(cycle2).toContain("Take pomalidomide 4 mg once a day: 29 December 2026 – 18 January 2027");
  });

  test("dexamethasone 40 mg on days 1, 8, 15 and 22 of cycle 1", async () => {
    const doc = await leaflet();
    const cycle1 = cycleBlock(doc.all, "Cycle", 1);
    expect(cycle1).toContain(
      "Dexamethasone 40 mg, or 20 mg if you are older than 75: " +
        "1 December 2026, 8 December 2026, 15 December 2026 and 22 December 2026",
    );
  });

  test("rest days 22–28 of each cycle", async () => {
    const doc = await leaflet();
    expect(cycleBlock(doc.all, "Cycle", 1)).toContain(
      "Rest days, no pomalidomide: 22 December 2026 – 28 December 2026",
    );
    expect(cycleBlock(doc.all, "Cycle", 2)).toContain("Rest days, no pomalidomide: 19 January 2027 – 25 January 2027");
    expect(doc.all).toContain("Rest day: no pomalidomide");
  });

  test("the footer of every page: whose leaflet with the page label, the phone numbers, the notice in one line", async () => {
    const doc = await leaflet();
    const total = doc.text.length;
    doc.text.forEach((page, i) => {
      const lines = page.trimEnd().split("\n");
      const footer = lines.slice(lines.findIndex((l) => l.startsWith("For Test Patiënt (T-0001) Page ")));
      expect(footer, `page ${i + 1}`).toEqual([
        `For Test Patiënt (T-0001) Page ${i + 1} of ${total}`,
        `Nurse line: ${brand.phones.nurseLine} · 24-hour emergency number: ${brand.phones.emergency}`,
        expect.stringMatching(/^Translation not yet reviewed by a pharmacist\./),
      ]);
    });
  });

  test("the brand's nurse line and 24-hour number, in the contacts box and the footer of every page", async () => {
    const doc = await leaflet();
    const nurse = `Nurse line: ${brand.phones.nurseLine}`;
    const emergency = `24-hour emergency number: ${brand.phones.emergency}`;
    expect(brand.phones.nurseLine).toMatch(/\d/);
    expect(doc.text[0]).toContain("Who to call");
    doc.text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(nurse);
      expect(page, `page ${i + 1}`).toContain(emergency);
    });
  });

  test("contact numbers in the order replace the brand's everywhere", async () => {
    const contact = { nurseLine: "+44 20 7946 0011", emergency: "+44 20 7946 0999" };
    const doc = await leaflet({ cycles: 1, contact });
    doc.text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Nurse line: ${contact.nurseLine}`);
      expect(page, `page ${i + 1}`).toContain(`24-hour emergency number: ${contact.emergency}`);
    });
    expect(doc.all).not.toContain(brand.phones.nurseLine);
    expect(doc.all).not.toContain(brand.phones.emergency);
  });

  test("only one number overridden: the other stays the brand's", async () => {
    const doc = await leaflet({ cycles: 1, contact: { emergency: "020 7946 0123" } });
    expect(doc.all).toContain(`Nurse line: ${brand.phones.nurseLine}`);
    expect(doc.all).toContain("24-hour emergency number: 020 7946 0123");
    expect(doc.all).not.toContain(brand.phones.emergency);
  });

  test('"Page 1 of N" on the first page, "Page N of N" on the last', async () => {
    const doc = await leaflet();
    const total = doc.text.length;
    expect(doc.text[0]).toContain(`Page 1 of ${total}`);
    expect(doc.text[total - 1]).toContain(`Page ${total} of ${total}`);
    expectPageLabels(doc, (page, n) => `Page ${page} of ${n}`);
  });

  test("the sources and their version (04-2019) are printed", async () => {
    const doc = await leaflet();
    // In "Where this information comes from", no longer in every page's footer.
    expect(doc.all).toContain("Where this information comes from");
    expect(doc.all).toContain("European Medicines Agency (EMA). Version: last updated 04-2019.");
    doc.text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).not.toContain("Sources:");
    });
    expect(doc.all).toContain("European Medicines Agency (EMA). Version: last updated 04-2019.");
    expect(doc.all).toContain(
      "Your treatment plan (pomalidomide with dexamethasone, in cycles of 28 days): Imnovid SmPC",
    );
  });
});

describe("pregnancy prevention programme text per category", () => {
  const womanContraception = "Use effective contraception from at least 4 weeks before you start pomalidomide";
  const womanAfter = "for at least 4 weeks after you stop";
  const pregnancyTests = "pregnancy tests under medical supervision";
  const condoms = "use condoms during your treatment";
  const sevenDaysCondoms = "for at least 7 days after you stop. This also applies if you have had a vasectomy.";
  const spermDonation = "Do not donate sperm";
  const noBlood = "Do not donate blood during your treatment and for at least 7 days after you stop.";

  test("woman who can become pregnant: 4 weeks contraception and pregnancy tests, not the man's text", async () => {
    const doc = await leaflet();
    expect(doc.all).toContain("If you could become pregnant");
    expect(doc.all).toContain(womanContraception);
    expect(doc.all).toContain(womanAfter);
    expect(doc.all).toContain(pregnancyTests);
    expect(doc.all).not.toContain("condom");
    expect(doc.all).not.toContain(spermDonation);
    expect(doc.all).toContain(noBlood);
  });

  test("man: condoms, 7 days, no sperm donation; not the 4-week contraception text", async () => {
    const doc = await leaflet({ cycles: 1, pppCategory: "man" });
    expect(doc.text[0]).toContain("Pregnancy prevention man");
    expect(doc.all).toContain(condoms);
    expect(doc.all).toContain(sevenDaysCondoms);
    expect(doc.all).toContain(`${spermDonation} during your treatment`);
    expect(doc.all).not.toContain("4 weeks");
    expect(doc.all).not.toContain("contraception");
    expect(doc.all).not.toContain(pregnancyTests);
    expect(doc.all).toContain(noBlood);
  });

  test("woman who cannot become pregnant: neither the contraception nor the condom rules", async () => {
    const doc = await leaflet({ cycles: 1, pppCategory: "woman-not-childbearing" });
    expect(doc.all).toContain("If you cannot become pregnant");
    expect(doc.all).not.toContain(womanContraception);
    expect(doc.all).not.toContain("4 weeks");
    expect(doc.all).not.toContain(pregnancyTests);
    expect(doc.all).not.toContain("condom");
    expect(doc.all).not.toContain(spermDonation);
    expect(doc.all).toContain(noBlood);
  });
});

describe("Dutch leaflet", () => {
  const nl = { language: "nl" };

  test("dates and cycle lines written in Dutch", async () => {
    const doc = await leaflet(nl);
    expect(doc.text[0]).toContain("Naam Test Patiënt");
    expect(doc.text[0]).toContain("Startdatum 1 december 2026");
    expect(doc.all).toContain("Cyclus 1: 1 december 2026 – 28 december 2026");
    expect(doc.all).toContain("Cyclus 2: 29 december 2026 – 25 januari 2027");
    expect(cycleBlock(doc.all, "Cyclus", 1)).toContain(
      "Neem pomalidomide 4 mg 1 keer per dag in: 1 december 2026 – 21 december 2026",
    );
    expect(cycleBlock(doc.all, "Cyclus", 1)).toContain(
      "1 december 2026, 8 december 2026, 15 december 2026 en 22 december 2026",
    );
    expect(doc.all).not.toMatch(/\b(December|January) 202[67]\b/);
    doc.text.forEach((page, i) => {
      expect(page, `header on page ${i + 1}`).toContain("Voor Test Patiënt (T-0001)");
    });
  });

  test('"Pagina 1 van N" … "Pagina N van N"', async () => {
    const doc = await leaflet(nl);
    expect(doc.text[0]).toContain("Pagina 1 van ");
    expectPageLabels(doc, (page, n) => `Pagina ${page} van ${n}`);
    expect(doc.all).not.toMatch(/\bPage \d+ of\b/);
  });

  test("the Dutch pregnancy prevention text", async () => {
    const doc = await leaflet(nl);
    expect(doc.all).toContain("Zwangerschapspreventieprogramma");
    expect(doc.all).toContain("Als u zwanger kunt worden");
    expect(doc.all).toContain(
      "Gebruik effectieve anticonceptie vanaf ten minste 4 weken voordat u met pomalidomide begint",
    );
    expect(doc.all).toContain("Geef geen bloed tijdens de behandeling en tot ten minste 7 dagen nadat u bent gestopt.");
    expect(doc.all).not.toContain("condoom");
    expect(doc.all).not.toContain("contraception");
  });
});

describe("pvd-21 with 12 cycles", () => {
  const pvd = { regimen: "pvd-21", cycles: 12 };
  const start = "2026-12-01";
  /** Offset in days from the start of the day `day` of cycle `cycle` (21-day cycles). */
  const at = (cycle: number, day: number) => (cycle - 1) * 21 + (day - 1);

  test('bortezomib "1,3 mg/m²" in Dutch and "1.3 mg/m²" in English', async () => {
    const [nlDoc, enDoc] = await Promise.all([leaflet({ ...pvd, language: "nl" }), leaflet(pvd)]);
    expect(nlDoc.all).toContain("Bortezomib 1,3 mg/m²");
    expect(nlDoc.all).not.toContain("1.3 mg/m²");
    expect(enDoc.all).toContain("Bortezomib 1.3 mg/m²");
    expect(enDoc.all).not.toContain("1,3 mg/m²");
  });

  test("bortezomib on days 1, 4, 8 and 11 up to cycle 8, only on days 1 and 8 of cycle 9", async () => {
    const doc = await leaflet(pvd);
    const d = (cycle: number, day: number) => dateAfter(start, at(cycle, day), "en");
    expect(d(9, 1)).toBe("18 May 2027");
    const cycle9 = cycleBlock(doc.all, "Cycle", 9);
    expect(cycle9.startsWith(`Cycle 9: ${d(9, 1)} – ${d(9, 21)}`)).toBe(true);
    expect(cycle9).toContain(`Bortezomib 1.3 mg/m²: ${d(9, 1)} and ${d(9, 8)} Dexamethasone`);
    expect(cycle9).not.toContain(d(9, 4));
    expect(cycle9).not.toContain(d(9, 11));
    expect(cycle9).toContain(
      `Dexamethasone 20 mg, or 10 mg if you are older than 75: ${d(9, 1)}, ${d(9, 2)}, ${d(9, 8)} and ${d(9, 9)}`,
    );

    const cycle8 = cycleBlock(doc.all, "Cycle", 8);
    expect(cycle8).toContain(`Bortezomib 1.3 mg/m²: ${d(8, 1)}, ${d(8, 4)}, ${d(8, 8)} and ${d(8, 11)} Dexamethasone`);
    const cycle12 = cycleBlock(doc.all, "Cycle", 12);
    expect(cycle12).toContain(`Bortezomib 1.3 mg/m²: ${d(12, 1)} and ${d(12, 8)} Dexamethasone`);
    expect(doc.all).toContain(`Cycle 12: ${d(12, 1)} – ${d(12, 21)}`);
    expect(doc.all).not.toContain("Cycle 13:");
  });

  test("the same reduced days of cycle 9 in Dutch", async () => {
    const doc = await leaflet({ ...pvd, language: "nl" });
    const d = (cycle: number, day: number) => dateAfter(start, at(cycle, day), "nl");
    expect(d(9, 8)).toBe("25 mei 2027");
    const cycle9 = cycleBlock(doc.all, "Cyclus", 9);
    expect(cycle9).toContain(`Bortezomib 1,3 mg/m²: ${d(9, 1)} en ${d(9, 8)} Dexamethason`);
    expect(cycle9).toContain(`Neem pomalidomide 4 mg 1 keer per dag in: ${d(9, 1)} – ${d(9, 14)}`);
    expect(cycle9).toContain(`Rustdagen, geen pomalidomide: ${d(9, 15)} – ${d(9, 21)}`);
    expectPageLabels(doc, (page, n) => `Pagina ${page} van ${n}`);
  });
});

describe("dexamethasone dose and the patient's age", () => {
  test("76 at the start: 20 mg, and 40 mg is not printed anywhere", async () => {
    // Born 15 June 1950: 76 on 1 December 2026.
    const doc = await leaflet({ dateOfBirth: "1950-06-15" });
    expect(doc.all).toContain("Dexamethasone 20 mg");
    expect(cycleBlock(doc.all, "Cycle", 1)).toContain(
      "Dexamethasone 20 mg: 1 December 2026, 8 December 2026, 15 December 2026 and 22 December 2026",
    );
    expect(doc.all).not.toContain("40 mg");
    expect(doc.all).not.toContain("older than");
  });

  test("75 at the start (76 the next day) is not older than 75: 40 mg", async () => {
    const doc = await leaflet({ cycles: 1, dateOfBirth: "1950-12-02" });
    expect(cycleBlock(doc.all, "Cycle", 1)).toContain(
      "Dexamethasone 40 mg: 1 December 2026, 8 December 2026, 15 December 2026 and 22 December 2026",
    );
    expect(doc.all).not.toContain("20 mg");
    expect(doc.all).not.toContain("older than");
  });

  test("no date of birth: 40 mg, or 20 mg if older than 75", async () => {
    const doc = await leaflet();
    expect(doc.all).toContain("D Dexamethasone 40 mg, or 20 mg if you are older than 75");
    expect(doc.all).not.toMatch(/Dexamethasone 20 mg:/);
    expect(doc.all).not.toMatch(/Dexamethasone 40 mg:/);
  });
});

describe("the patient's name is printed as typed", () => {
  test.each(["<b>x</b>", "**x**", "{{x}}", 'Tom & "Jerry"'])("%s prints literally", async (name) => {
    const doc = await leaflet({ cycles: 1, name });
    expect(doc.text[0]).toContain(`Name ${name}`);
    doc.text.forEach((page, i) => {
      expect(page, `header on page ${i + 1}`).toContain(`For ${name} (T-0001)`);
    });
    expect(doc.all).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
  });

  test.each(["Zoë Çelik", "Łukasz Ğül", "İpek"])("Latin Extended: %s", async (name) => {
    const doc = await leaflet({ cycles: 1, name });
    expect(doc.text[0]).toContain(`Name ${name}`);
    doc.text.forEach((page, i) => {
      expect(page, `header on page ${i + 1}`).toContain(`For ${name} (T-0001)`);
    });
  });
});

describe("the PDF file", () => {
  const expectSize = (sizes: { width: number; height: number }[], width: number, height: number) => {
    expect(sizes.length).toBeGreaterThan(1);
    sizes.forEach((size, i) => {
      expect(Math.abs(size.width - width), `width of page ${i + 1}: ${size.width}`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(size.height - height), `height of page ${i + 1}: ${size.height}`).toBeLessThanOrEqual(0.5);
    });
  };

  test("A4 is 595.28 × 841.89 pt on every page", async () => {
    const doc = await leaflet();
    expectSize(await pageSizes(doc.bytes), 595.28, 841.89);
  });

  test("Letter is 612 × 792 pt on every page, with the footer still on every page", async () => {
    const doc = await leaflet({}, "Letter");
    expectSize(await pageSizes(doc.bytes), 612, 792);
    expectPageLabels(doc, (page, n) => `Page ${page} of ${n}`);
    doc.text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Nurse line: ${brand.phones.nurseLine}`);
    });
    expect(doc.all).toContain("Cycle 3: 26 January 2027 – 22 February 2027");
  });

  test("every font is embedded", async () => {
    for (const doc of await Promise.all([leaflet(), leaflet({ language: "nl" })])) {
      const report = await fontsEmbedded(doc.bytes);
      expect(report.fonts.length).toBeGreaterThan(0);
      expect(report.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(report.allEmbedded).toBe(true);
    }
  });

  test("the same order gives the same bytes; another name gives other bytes", async () => {
    const first = await leaflet();
    const again = await renderOrder();
    expect(Buffer.compare(Buffer.from(again), Buffer.from(first.bytes))).toBe(0);
    const otherName = await renderOrder({ name: "Test Patiënte" });
    expect(Buffer.compare(Buffer.from(otherName), Buffer.from(first.bytes))).not.toBe(0);
  });

  test("the metadata never holds the patient's name", async () => {
    for (const doc of await Promise.all([leaflet(), leaflet({ language: "nl" })])) {
      const pdf = await PDFDocument.load(doc.bytes, { updateMetadata: false });
      const title = pdf.getTitle();
      expect(title).toBeTruthy();
      expect(title).not.toContain("Test Patiënt");
      // The title names the medicine and the kind of document ("Patiëntenfolder" in Dutch), never the patient.
      expect(title).toMatch(/pomalidomide/);
      for (const value of [pdf.getSubject(), pdf.getAuthor(), pdf.getKeywords(), pdf.getCreator(), pdf.getProducer()]) {
        expect(value ?? "").not.toContain("Test Patiënt");
      }
    }
  });
});
