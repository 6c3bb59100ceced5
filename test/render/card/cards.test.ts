// Wallet cards as printed: each distinct card is rendered once to real PDF bytes (cached) and read back
// with pdfjs (text, positions, type sizes) and pdf-lib (page boxes, fonts). A wrong rule on a card is a
// clinical incident, so every rule is asserted on the extracted text of the page it must be printed on.
// Sizes are checked in millimetres against ISO/IEC 7810 ID-1 and A4, never against the product's constants.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../../src/catalog/loadCatalog.ts";
import { OrderRefusedError } from "../../../src/core/errors.ts";
import { validateOrder } from "../../../src/order/validateOrder.ts";
import { type GenerateOptions, generateDocuments } from "../../../src/pipeline/generateDocuments.ts";
import { baseOrder, type OrderInput } from "../../helpers/orders.ts";
import {
  type Box,
  contentFontSizes,
  extractText,
  flat,
  fontsEmbedded,
  type PageBoxes,
  PT_PER_MM,
  pageBoxes,
  pageSizes,
  type TextItem,
  textItems,
  toMm,
} from "../../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();

// ---- Oracles read from the shipped data files (not from the product's code) ----

const readJson = (path: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, path), "utf8"));

const brand = parseYaml(readFileSync(join(PROJECT_ROOT, "templates/brands/default/brand.yaml"), "utf8")) as {
  name: string;
  phones: { nurseLine: string; emergency: string };
};

interface PomalidomideCardText {
  womanChildbearing: { item1: string; item2: string };
  womanNotChildbearing: { item1: string };
  man: { item1: string; item2: string };
  everyone: { item1: string; item2: string; item3: string };
}
const nlPom = readJson("locales/nl/pomalidomide.json").sections.card as PomalidomideCardText;
const nlImlygic = readJson("locales/nl/imlygic.json").sections.card as Record<string, string>;
const nlCommon = readJson("locales/nl/common.json") as {
  personal: { name: string; patientId: string; ppp: string };
  contacts: { nurseLine: string; emergency: string };
  ppp: Record<string, string>;
};

// ---- Geometry, in millimetres (ISO/IEC 7810 ID-1, ISO 216 A4) ----

const CARD_W_MM = 85.6;
const CARD_H_MM = 53.98;
const A4_W_MM = 210;
const A4_H_MM = 297;
const SAFE_MM = 3;
/** Room for crop marks outside the bleed on a single print-shop card. */
const SLUG_MM = 6;
const MM_TOLERANCE = 0.1;
/** Smallest type allowed anywhere on a card. */
const MIN_PT = 6.5;
const NAME_MAX_PT = 11;

function expectMm(actualPt: number, expectedMm: number, what: string): void {
  expect(
    Math.abs(toMm(actualPt) - expectedMm),
    `${what}: ${toMm(actualPt).toFixed(3)} mm, expected ${expectedMm} mm`,
  ).toBeLessThanOrEqual(MM_TOLERANCE);
}

function expectBoxMm(box: Box, expected: { x: number; y: number; width: number; height: number }, what: string): void {
  expectMm(box.x, expected.x, `${what} x`);
  expectMm(box.y, expected.y, `${what} y`);
  expectMm(box.width, expected.width, `${what} width`);
  expectMm(box.height, expected.height, `${what} height`);
}

// ---- Rendering, once per distinct card ----

interface Card {
  bytes: Uint8Array;
  /** Page count the pipeline reports. */
  pages: number;
  /** Extracted text per page, and each page flattened to one line. */
  text: string[];
  front: string;
  back: string;
  items: TextItem[];
}

type CardOptions = Pick<GenerateOptions, "cardFormat" | "bleedMm">;

/** A pomalidomide order: the base order with `overrides`. */
function pom(overrides: OrderInput = {}): OrderInput {
  return { ...baseOrder(), ...overrides };
}

/** An Imlygic order: the base patient, without the pomalidomide-only fields. */
function imlygic(overrides: OrderInput = {}): OrderInput {
  const { doseMg: _dose, cycles: _cycles, pppCategory: _ppp, ...rest } = baseOrder();
  return { ...rest, drug: "imlygic", regimen: "imlygic", ...overrides };
}

async function renderCardBytes(input: OrderInput, options: CardOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  const validation = validateOrder(input, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  const documents = await generateDocuments(validation.order, catalog, { kinds: ["card"], ...options });
  expect(documents.map((d) => d.kind)).toEqual(["card"]);
  const [doc] = documents;
  if (!doc) throw new Error("no card generated");
  return { bytes: doc.bytes, pages: doc.pages };
}

const cache = new Map<string, Promise<Card>>();

function card(input: OrderInput, options: CardOptions = {}): Promise<Card> {
  const key = JSON.stringify([input, options]);
  let rendered = cache.get(key);
  if (!rendered) {
    rendered = (async () => {
      const { bytes, pages } = await renderCardBytes(input, options);
      const text = await extractText(bytes);
      return {
        bytes,
        pages,
        text,
        front: flat(text[0] ?? ""),
        back: flat(text[1] ?? ""),
        items: await textItems(bytes),
      };
    })();
    cache.set(key, rendered);
  }
  return rendered;
}

/** The refusal generateDocuments throws for `input` (fails the test if it does not throw one). */
async function refusal(input: OrderInput, options: GenerateOptions): Promise<unknown> {
  const validation = validateOrder(input, catalog);
  if (!validation.ok) throw new Error(`test order refused by validation: ${JSON.stringify(validation.problems)}`);
  try {
    await generateDocuments(validation.order, catalog, options);
  } catch (error) {
    return error;
  }
  throw new Error("generateDocuments printed the order instead of refusing it");
}

const CATEGORIES = ["woman-childbearing", "woman-not-childbearing", "man"] as const;
const CONTACT = { nurseLine: "+44 20 7946 0001", emergency: "+44 20 7946 0999" };
const NAME_40 = "Anna-Maria Wilhelmina van der Berg-Smith";
const NAME_100 = "Maria Magdalena Wilhelmina Alexandra Theodora van den Bosch-Oppenheimer Vandenbroucke de Castellanos";

/** Every single (id1, no bleed) card this file renders: for the checks that hold for all of them. */
const ID1_CARDS: [string, OrderInput][] = [
  ...CATEGORIES.flatMap((ppp): [string, OrderInput][] => [
    [`pomalidomide ${ppp} en`, pom({ pppCategory: ppp })],
    [`pomalidomide ${ppp} nl`, pom({ pppCategory: ppp, language: "nl" })],
  ]),
  ["pomalidomide with contact overrides", pom({ contact: CONTACT })],
  ["pomalidomide, 40-character name", pom({ name: NAME_40 })],
  ["imlygic en", imlygic()],
  ["imlygic nl", imlygic({ language: "nl" })],
];

// ---- 1. Sizes and print boxes ----

describe("page sizes and print boxes", () => {
  test("id1: exactly two pages (front, back) of 85.60 × 53.98 mm", async () => {
    const doc = await card(pom());
    expect(doc.pages).toBe(2);
    const sizes = await pageSizes(doc.bytes);
    expect(sizes).toHaveLength(2);
    sizes.forEach((size, i) => {
      expectMm(size.width, CARD_W_MM, `page ${i + 1} width`);
      expectMm(size.height, CARD_H_MM, `page ${i + 1} height`);
    });
  });

  test("imlygic id1: also two ID-1 pages", async () => {
    const doc = await card(imlygic());
    expect(doc.pages).toBe(2);
    const sizes = await pageSizes(doc.bytes);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) {
      expectMm(size.width, CARD_W_MM, "width");
      expectMm(size.height, CARD_H_MM, "height");
    }
  });

  test("sheet: one card makes two A4 pages (fronts, mirrored backs)", async () => {
    const doc = await card(pom(), { cardFormat: "sheet" });
    expect(doc.pages).toBe(2);
    const sizes = await pageSizes(doc.bytes);
    expect(sizes).toHaveLength(2);
    sizes.forEach((size, i) => {
      expectMm(size.width, A4_W_MM, `page ${i + 1} width`);
      expectMm(size.height, A4_H_MM, `page ${i + 1} height`);
    });
  });

  test("bleed 3 mm: page = card + 2 × (bleed + slug), TrimBox = the card centred, BleedBox 3 mm larger", async () => {
    const doc = await card(pom(), { bleedMm: 3 });
    expect(doc.pages).toBe(2);
    const boxes = await pageBoxes(doc.bytes);
    expect(boxes).toHaveLength(2);
    const offset = 3 + SLUG_MM;
    boxes.forEach((box, i) => {
      const page = `page ${i + 1}`;
      expect(box.hasTrimBox, `${page} has a /TrimBox`).toBe(true);
      expect(box.hasBleedBox, `${page} has a /BleedBox`).toBe(true);
      expectBoxMm(
        box.media,
        { x: 0, y: 0, width: CARD_W_MM + 2 * offset, height: CARD_H_MM + 2 * offset },
        `${page} MediaBox`,
      );
      expectBoxMm(box.trim, { x: offset, y: offset, width: CARD_W_MM, height: CARD_H_MM }, `${page} TrimBox`);
      expectBoxMm(
        box.bleed,
        { x: offset - 3, y: offset - 3, width: CARD_W_MM + 6, height: CARD_H_MM + 6 },
        `${page} BleedBox`,
      );
      // Centred: the same room on the left and right, and at the top and bottom.
      const rightRoom = box.media.width - (box.trim.x + box.trim.width);
      const topRoom = box.media.height - (box.trim.y + box.trim.height);
      expect(Math.abs(toMm(rightRoom - box.trim.x)), `${page} TrimBox centred horizontally`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(toMm(topRoom - box.trim.y)), `${page} TrimBox centred vertically`).toBeLessThanOrEqual(0.01);
    });
  });

  test.for([
    ["id1", {}],
    ["sheet", { cardFormat: "sheet" }],
  ] as [string, CardOptions][])(
    "without bleed (%s): no TrimBox or BleedBox different from the MediaBox",
    async ([, options]) => {
      const doc = await card(pom(), options);
      for (const [i, box] of (await pageBoxes(doc.bytes)).entries()) {
        expect(box.trim, `page ${i + 1} TrimBox`).toEqual(box.media);
        expect(box.bleed, `page ${i + 1} BleedBox`).toEqual(box.media);
      }
    },
  );
});

// ---- 2. What the card says ----

describe("pomalidomide card text in English", () => {
  const everyone = [
    "Do not donate blood during treatment and for at least 7 days after stopping.",
    "Never share your capsules.",
    "Return unused capsules to the pharmacy.",
  ];

  test("woman of childbearing potential: 4-week contraception and pregnancy tests on the back, no condoms", async () => {
    const { back } = await card(pom({ pppCategory: "woman-childbearing" }));
    expect(back).toContain(
      "Use effective contraception from at least 4 weeks before starting, during treatment (also during breaks) and for at least 4 weeks after stopping.",
    );
    expect(back).toContain(
      "Pregnancy tests under medical supervision: before starting, during treatment and after stopping.",
    );
    expect(back).not.toMatch(/condom/i);
    expect(back).not.toMatch(/sperm/i);
    for (const rule of everyone) expect(back).toContain(rule);
  });

  test("man: condoms and no sperm donation for 7 days, not the 4-week contraception", async () => {
    const { back } = await card(pom({ pppCategory: "man" }));
    expect(back).toContain(
      "If your partner is pregnant or could become pregnant: use condoms during treatment, during breaks and for at least 7 days after stopping, also after a vasectomy.",
    );
    expect(back).toContain("Do not donate sperm during treatment and for at least 7 days after stopping.");
    expect(back).not.toContain("4 weeks");
    expect(back).not.toMatch(/contraception/i);
    expect(back).not.toMatch(/pregnancy test/i);
    for (const rule of everyone) expect(back).toContain(rule);
  });

  test("woman not of childbearing potential: neither the contraception nor the condom rules", async () => {
    const { back } = await card(pom({ pppCategory: "woman-not-childbearing" }));
    expect(back).toContain(
      "Your doctor has assessed that you cannot become pregnant. Tell your doctor if anything changes.",
    );
    expect(back).not.toContain("4 weeks");
    expect(back).not.toMatch(/contraception/i);
    expect(back).not.toMatch(/pregnancy test/i);
    expect(back).not.toMatch(/condom/i);
    expect(back).not.toMatch(/sperm/i);
    for (const rule of everyone) expect(back).toContain(rule);
  });

  test.for(CATEGORIES)("%s: the brand's nurse line and 24-hour number on the back", async (ppp) => {
    const { back, front } = await card(pom({ pppCategory: ppp }));
    expect(brand.phones.nurseLine).toMatch(/\d{3}/);
    expect(back).toContain(`Nurse line: ${brand.phones.nurseLine}`);
    expect(back).toContain(`24-hour emergency number: ${brand.phones.emergency}`);
    // The rules are on the back, not the front.
    expect(front).not.toContain("donate blood");
  });

  test("contact numbers in the order replace the brand's", async () => {
    const { back, text } = await card(pom({ contact: CONTACT }));
    expect(back).toContain(`Nurse line: ${CONTACT.nurseLine}`);
    expect(back).toContain(`24-hour emergency number: ${CONTACT.emergency}`);
    expect(flat(text)).not.toContain(brand.phones.nurseLine);
    expect(flat(text)).not.toContain(brand.phones.emergency);
  });

  test.for([
    ["woman-childbearing", "woman who can become pregnant"],
    ["woman-not-childbearing", "woman who cannot become pregnant"],
    ["man", "man"],
  ] as const)("front (%s): name, patient id and the PPP category", async ([ppp, label]) => {
    const { front, text } = await card(pom({ pppCategory: ppp }));
    expect(text[0]).toContain("Test Patiënt");
    expect(front).toContain("Name Test Patiënt");
    expect(front).toContain("Pomalidomide (Imnovid)");
    expect(front).toContain(`Patient number: T-0001 · Pregnancy prevention: ${label}`);
    // "man" must be the whole label, not the start of another one.
    expect(front).toMatch(new RegExp(`Pregnancy prevention: ${label}(?! who)`));
  });
});

describe("pomalidomide card text in Dutch (strings from locales/nl/pomalidomide.json)", () => {
  const everyone = [nlPom.everyone.item1, nlPom.everyone.item2, nlPom.everyone.item3];
  const nlOrder = (ppp: string) => pom({ pppCategory: ppp, language: "nl" });

  test("the Dutch strings say what the rules say", () => {
    expect(nlPom.womanChildbearing.item1).toContain("4 weken");
    expect(nlPom.man.item1).toContain("condoom");
    expect(nlPom.man.item1).toContain("7 dagen");
    expect(nlPom.man.item2).toContain("sperma");
    expect(nlPom.everyone.item1).toContain("bloed");
    expect(nlPom.everyone.item1).toContain("7 dagen");
  });

  test("vrouw die zwanger kan worden: anticonceptie (4 weken) en zwangerschapstests, geen condoom", async () => {
    const { back } = await card(nlOrder("woman-childbearing"));
    expect(back).toContain(nlPom.womanChildbearing.item1);
    expect(back).toContain(nlPom.womanChildbearing.item2);
    expect(back).not.toMatch(/condoom/i);
    expect(back).not.toMatch(/sperma/i);
    for (const rule of everyone) expect(back).toContain(rule);
  });

  test("man: condoom en geen spermadonatie (7 dagen), geen anticonceptie van 4 weken", async () => {
    const { back } = await card(nlOrder("man"));
    expect(back).toContain(nlPom.man.item1);
    expect(back).toContain(nlPom.man.item2);
    expect(back).not.toContain("4 weken");
    expect(back).not.toContain(nlPom.womanChildbearing.item1);
    expect(back).not.toContain(nlPom.womanChildbearing.item2);
    for (const rule of everyone) expect(back).toContain(rule);
  });

  test("vrouw die niet zwanger kan worden: geen van beide", async () => {
    const { back } = await card(nlOrder("woman-not-childbearing"));
    expect(back).toContain(nlPom.womanNotChildbearing.item1);
    expect(back).not.toContain("4 weken");
    expect(back).not.toMatch(/anticonceptie/i);
    expect(back).not.toMatch(/condoom/i);
    expect(back).not.toMatch(/sperma/i);
    for (const rule of everyone) expect(back).toContain(rule);
  });

  test.for(CATEGORIES)("%s: front with name, patiëntnummer and category; numbers on the back", async (ppp) => {
    const { front, back } = await card(nlOrder(ppp));
    const label = nlCommon.ppp[ppp];
    expect(label).toBeTruthy();
    expect(front).toContain(`${nlCommon.personal.name} Test Patiënt`);
    expect(front).toContain(`${nlCommon.personal.patientId}: T-0001 · ${nlCommon.personal.ppp}: ${label}`);
    expect(back).toContain(`${nlCommon.contacts.nurseLine}: ${brand.phones.nurseLine}`);
    expect(back).toContain(`${nlCommon.contacts.emergency}: ${brand.phones.emergency}`);
    // Nothing English left on a Dutch card.
    expect(front + back).not.toMatch(/\b(Patient number|Nurse line|Your rules|Carry this card)\b/);
  });
});

describe("Imlygic patient alert card", () => {
  test("English: front names the patient and the treatment; back has the exposure rules, hospital and numbers", async () => {
    const { front, back } = await card(imlygic());
    expect(front).toContain("Name Test Patiënt");
    expect(front).toContain("Imlygic");
    expect(front).toMatch(/herpes/i);
    expect(front).toContain("Show this card to every doctor or nurse");
    expect(back).toMatch(/herpes/i);
    expect(back).toContain("cold sore");
    expect(back).toContain("dressings");
    expect(back).toContain("gloves");
    expect(back).toContain("Close contacts");
    expect(back).toContain("pregnant women");
    expect(back).toContain("newborn");
    expect(back).toContain(`Treating hospital: ${brand.name}`);
    expect(back).toContain("Patient number: T-0001");
    expect(back).toContain(`Nurse line: ${brand.phones.nurseLine}`);
    expect(back).toContain(`24-hour emergency number: ${brand.phones.emergency}`);
    // No pomalidomide rules on an Imlygic card.
    expect(front + back).not.toMatch(/pomalidomide|capsule|pregnancy prevention/i);
  });

  test("Dutch (strings from locales/nl/imlygic.json)", async () => {
    const { front, back } = await card(imlygic({ language: "nl" }));
    expect(front).toContain(`${nlCommon.personal.name} Test Patiënt`);
    expect(front).toContain("Imlygic");
    expect(front).toContain(nlImlygic.treated);
    expect(front).toContain(nlImlygic.show);
    expect(nlImlygic.herpes).toContain("koortslip");
    expect(back).toContain(nlImlygic.herpes);
    expect(nlImlygic.exposure1).toMatch(/verband/);
    expect(nlImlygic.exposure1).toMatch(/handschoenen/);
    expect(back).toContain(nlImlygic.exposure1);
    expect(nlImlygic.exposure2).toMatch(/zwangere vrouwen/);
    expect(nlImlygic.exposure2).toMatch(/pasgeboren/);
    expect(back).toContain(nlImlygic.exposure2);
    expect(back).toContain(`${nlImlygic.hospital}: ${brand.name}`);
    expect(back).toContain(`${nlCommon.personal.patientId}: T-0001`);
    expect(back).toContain(`${nlCommon.contacts.nurseLine}: ${brand.phones.nurseLine}`);
    expect(back).toContain(`${nlCommon.contacts.emergency}: ${brand.phones.emergency}`);
  });

  test("contact numbers in the order replace the brand's", async () => {
    const { back, text } = await card(imlygic({ contact: CONTACT }));
    expect(back).toContain(`Nurse line: ${CONTACT.nurseLine}`);
    expect(back).toContain(`24-hour emergency number: ${CONTACT.emergency}`);
    expect(flat(text)).not.toContain(brand.phones.nurseLine);
  });
});

// ---- 3. Type size and safe margin ----

function describeItem(item: TextItem): string {
  return `page ${item.page} "${item.str.slice(0, 40)}" at ${item.size.toFixed(2)} pt`;
}

/** Text items that leave the trim inset by SAFE_MM, with how far inside the trim they come (mm). */
function outsideSafeArea(items: TextItem[], trimOf: (page: number) => Box): string[] {
  const safe = SAFE_MM * PT_PER_MM;
  const eps = 0.01;
  const problems: string[] = [];
  for (const item of items) {
    const trim = trimOf(item.page);
    const distances = {
      left: item.x - trim.x,
      right: trim.x + trim.width - item.right,
      bottom: item.bottom - trim.y,
      top: trim.y + trim.height - item.top,
    };
    for (const [edge, distance] of Object.entries(distances)) {
      if (distance < safe - eps) {
        problems.push(`${describeItem(item)}: ${toMm(distance).toFixed(2)} mm from the ${edge} trim edge`);
      }
    }
  }
  return problems;
}

describe("type size", () => {
  test.for(ID1_CARDS)("%s: every text item is at least 6.5 pt", async ([, input]) => {
    const doc = await card(input);
    expect(doc.items.length).toBeGreaterThan(10);
    const small = doc.items.filter((item) => item.size < MIN_PT - 1e-6).map(describeItem);
    expect(small).toEqual([]);
  });

  test.for([
    ["sheet", { cardFormat: "sheet" }],
    ["bleed 3", { bleedMm: 3 }],
  ] as [string, CardOptions][])("%s: every text item is at least 6.5 pt", async ([, options]) => {
    const doc = await card(pom(), options);
    const small = doc.items.filter((item) => item.size < MIN_PT - 1e-6).map(describeItem);
    expect(doc.items.length).toBeGreaterThan(10);
    expect(small).toEqual([]);
  });

  test("the sizes pdfjs reports are the sizes the content streams set (Tf)", async () => {
    for (const [label, input] of ID1_CARDS) {
      const doc = await card(input);
      const raw = await contentFontSizes(doc.bytes);
      expect(raw, label).toHaveLength(2);
      raw.forEach((sizes, i) => {
        expect(sizes.length, `${label} page ${i + 1} sets type sizes`).toBeGreaterThan(0);
        for (const size of sizes) expect(size, `${label} page ${i + 1}: Tf ${size}`).toBeGreaterThanOrEqual(MIN_PT);
        const seen = new Set(doc.items.filter((it) => it.page === i + 1).map((it) => it.size.toFixed(2)));
        expect([...seen].sort(), `${label} page ${i + 1}`).toEqual([...new Set(sizes.map((s) => s.toFixed(2)))].sort());
      });
    }
  });
});

describe("safe margin: all text at least 3 mm inside the trim", () => {
  test("id1 without bleed (the trim is the page): every card, both faces", async () => {
    const problems: string[] = [];
    for (const [label, input] of ID1_CARDS) {
      const doc = await card(input);
      const boxes = await pageBoxes(doc.bytes);
      expect(doc.items.length, label).toBeGreaterThan(10);
      const media = (page: number) => (boxes[page - 1] as PageBoxes).media;
      problems.push(...outsideSafeArea(doc.items, media).map((problem) => `${label}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });

  test("id1 with bleed 3 mm (relative to the TrimBox): both faces", async () => {
    const problems: string[] = [];
    for (const [label, input] of [
      ["pomalidomide en", pom()],
      ["pomalidomide man nl", pom({ pppCategory: "man", language: "nl" })],
      ["imlygic en", imlygic()],
    ] as [string, OrderInput][]) {
      const doc = await card(input, { bleedMm: 3 });
      const boxes = await pageBoxes(doc.bytes);
      for (const box of boxes) expect(box.hasTrimBox, label).toBe(true);
      expect(doc.items.length, label).toBeGreaterThan(10);
      const trim = (page: number) => (boxes[page - 1] as PageBoxes).trim;
      problems.push(...outsideSafeArea(doc.items, trim).map((problem) => `${label}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });
});

// ---- 4. Long names ----

describe("long names", () => {
  test("a normal name prints at 11 pt", async () => {
    const doc = await card(pom());
    const name = doc.items.filter((item) => item.str === "Test Patiënt");
    expect(name).toHaveLength(1);
    expect(name[0]?.size).toBeCloseTo(NAME_MAX_PT, 2);
  });

  test("a 40-character name prints in full on one line, smaller than 11 pt but at least 6.5 pt", async () => {
    expect(NAME_40).toHaveLength(40);
    const doc = await card(pom({ name: NAME_40 }));
    expect(doc.pages).toBe(2);
    expect(doc.text[0]).toContain(NAME_40);
    const line = doc.items.filter((item) => item.page === 1 && item.str.trim() === NAME_40);
    expect(line, "the whole name is one text item (not wrapped, not cut)").toHaveLength(1);
    const size = line[0]?.size ?? 0;
    expect(size).toBeLessThan(NAME_MAX_PT);
    expect(size).toBeGreaterThanOrEqual(MIN_PT);
  });

  test.for([
    ["100 × W", "W".repeat(100)],
    ["a realistic 100-character name", NAME_100],
  ])("%s is refused on the field name (OrderRefusedError)", async ([, name]) => {
    expect(name).toHaveLength(100);
    for (const kinds of [["card"], ["leaflet", "card"]] as const) {
      const error = await refusal(pom({ name, cycles: 1 }), { kinds });
      expect(error, `kinds ${kinds.join(",")}: ${String(error)}`).toBeInstanceOf(OrderRefusedError);
      const problems = (error as OrderRefusedError).problems;
      expect(problems.map((p) => p.field)).toContain("name");
      expect((error as Error).message).not.toContain(name);
    }
  });
});

// ---- 5. Sheet: fronts in the left column, backs mirrored to the right ----

describe("sheet mirroring (long-edge duplex)", () => {
  // The 2 × 5 grid with 3 mm gaps, centred on A4, computed here from the millimetres.
  const gridLeft = (A4_W_MM - (2 * CARD_W_MM + 3)) / 2;
  const gridTop = (A4_H_MM - (5 * CARD_H_MM + 4 * 3)) / 2;
  const slot = (column: number): Box => ({
    x: (gridLeft + column * (CARD_W_MM + 3)) * PT_PER_MM,
    y: (A4_H_MM - gridTop - CARD_H_MM) * PT_PER_MM,
    width: CARD_W_MM * PT_PER_MM,
    height: CARD_H_MM * PT_PER_MM,
  });

  test("front page: the card's text in the left column, top row; back page: in the right column, top row", async () => {
    const doc = await card(pom(), { cardFormat: "sheet" });
    const [size] = await pageSizes(doc.bytes);
    if (!size) throw new Error("no pages");
    const front = doc.items.filter((item) => item.page === 1);
    const back = doc.items.filter((item) => item.page === 2);
    expect(front.length).toBeGreaterThan(5);
    expect(back.length).toBeGreaterThan(5);
    expect(doc.text[0]).toContain("Test Patiënt");
    expect(flat(doc.text[1] ?? "")).toContain("Do not donate blood");

    const topRowBottom = size.height - (gridTop + CARD_H_MM) * PT_PER_MM;
    for (const item of front) {
      expect(item.right, describeItem(item)).toBeLessThan(size.width / 2);
      expect(item.bottom, describeItem(item)).toBeGreaterThan(topRowBottom);
      expect(item.top, describeItem(item)).toBeLessThanOrEqual(size.height);
    }
    for (const item of back) {
      expect(item.x, describeItem(item)).toBeGreaterThan(size.width / 2);
      expect(item.bottom, describeItem(item)).toBeGreaterThan(topRowBottom);
      expect(item.top, describeItem(item)).toBeLessThanOrEqual(size.height);
    }
  });

  test("each face stays inside its own card slot (front: left slot, back: mirrored right slot)", async () => {
    const doc = await card(pom(), { cardFormat: "sheet" });
    const inside = (item: TextItem, box: Box) =>
      item.x >= box.x && item.right <= box.x + box.width && item.bottom >= box.y && item.top <= box.y + box.height;
    const escaped = doc.items.filter((item) => !inside(item, slot(item.page === 1 ? 0 : 1))).map(describeItem);
    expect(escaped).toEqual([]);
    // The back is the mirror of the front: the same distance from the outer page edge.
    const minX = (page: number) => Math.min(...doc.items.filter((i) => i.page === page).map((i) => i.x));
    const left = slot(0);
    const right = slot(1);
    expect(Math.abs(toMm(minX(1) - left.x - (minX(2) - right.x)))).toBeLessThan(0.1);
  });
});

// ---- 6. Fonts and reproducibility ----

describe("fonts and reproducible bytes", () => {
  test("every card PDF embeds all its fonts", async () => {
    const all: [string, Promise<Card>][] = [
      ...ID1_CARDS.map(([label, input]): [string, Promise<Card>] => [label, card(input)]),
      ["sheet", card(pom(), { cardFormat: "sheet" })],
      ["bleed 3", card(pom(), { bleedMm: 3 })],
      ["imlygic sheet", card(imlygic(), { cardFormat: "sheet" })],
    ];
    for (const [label, pending] of all) {
      const report = await fontsEmbedded((await pending).bytes);
      expect(report.fonts.length, label).toBeGreaterThan(0);
      expect(
        report.fonts.filter((f) => !f.embedded),
        label,
      ).toEqual([]);
      expect(report.allEmbedded, label).toBe(true);
    }
  });

  test.for([
    ["id1", pom(), {}],
    ["sheet", pom(), { cardFormat: "sheet" }],
    ["bleed 3", pom(), { bleedMm: 3 }],
    ["imlygic id1", imlygic(), {}],
  ] as [string, OrderInput, CardOptions][])(
    "%s: rendering the same card again gives the same bytes",
    async ([, input, options]) => {
      const first = await card(input, options);
      const again = await renderCardBytes(input, options);
      expect(again.bytes.byteLength).toBe(first.bytes.byteLength);
      expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    },
  );
});
