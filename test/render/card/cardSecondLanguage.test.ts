// A bilingual order's card: in the patient's language, with the back's rules also in the second language
// at the foot of the back (6.5 pt, under a thin rule, marked with the language's own name) where they fit
// whole, and otherwise printed exactly as the card in one language, with the result saying so. Asserted on
// the text read back from real PDFs; the wording comes from the locale files, never from the product code.
// Dates are fixed by the base order (start 2026-12-01): nothing depends on today.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../../src/catalog/loadCatalog.ts";
import { MarkupError } from "../../../src/core/errors.ts";
import { parseCardMarkup } from "../../../src/document/parseMarkup.ts";
import type { Order } from "../../../src/order/orderTypes.ts";
import { validateOrder } from "../../../src/order/validateOrder.ts";
import { buildCardDoc, type GenerateOptions, generateDocuments } from "../../../src/pipeline/generateDocuments.ts";
import { BODY_PADDING } from "../../../src/render/card/CardFace.tsx";
import { CARD_HEIGHT, CARD_WIDTH } from "../../../src/render/card/cardGeometry.ts";
import { fitSecondLanguage } from "../../../src/render/card/fitSecondLanguage.tsx";
import { renderCard } from "../../../src/render/card/renderCardPdf.tsx";
import { createCardTheme } from "../../../src/render/theme.ts";
import { baseOrder, type OrderInput } from "../../helpers/orders.ts";
import { extractText, flat, PT_PER_MM, pageBoxes, textItems } from "../../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();
const readJson = (path: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, path), "utf8"));

type CardTexts = Record<string, Record<string, string>>;
const cardText = (lang: string, drug: string) => readJson(`locales/${lang}/${drug}.json`).sections.card as CardTexts;
const languageName = (lang: string) => readJson(`locales/${lang}/common.json`)._meta.name as string;

/** The back's rules of a woman who cannot become pregnant, as the locale file words them. */
function notChildbearingRules(lang: string): string[] {
  const card = cardText(lang, "pomalidomide");
  return [
    card.womanNotChildbearing?.item1 as string,
    card.everyone?.item1 as string,
    `${card.everyone?.item2} ${card.everyone?.item3}`,
  ];
}

type CardOptions = Pick<GenerateOptions, "cardFormat" | "bleedMm" | "tags">;

function validOrder(input: OrderInput): Order {
  const validation = validateOrder(input, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return validation.order;
}

async function cardBytes(input: OrderInput, options: CardOptions = {}): Promise<Uint8Array> {
  const [doc] = await generateDocuments(validOrder(input), catalog, { kinds: ["card"], ...options });
  if (doc?.kind !== "card") throw new Error("no card generated");
  expect(doc.pages).toBe(2);
  return doc.bytes;
}

async function faces(input: OrderInput, options: CardOptions = {}) {
  const bytes = await cardBytes(input, options);
  const text = await extractText(bytes);
  return { bytes, front: flat(text[0] ?? ""), back: flat(text[1] ?? "") };
}

const pom = (overrides: OrderInput): OrderInput => ({ ...baseOrder(), ...overrides });
function imlygic(overrides: OrderInput): OrderInput {
  const { doseMg: _dose, cycles: _cycles, pppCategory: _ppp, ...rest } = baseOrder();
  return { ...rest, drug: "imlygic", regimen: "imlygic", months: 6, ...overrides };
}

const theme = createCardTheme(required(catalog.brands.get("default")), {
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
  padding: BODY_PADDING.side,
});
const meta = { creationDate: new Date(Date.UTC(2026, 11, 1)), creator: "test" };

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing");
  return value;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// A woman who cannot become pregnant has the shortest back: there the second language fits.
const TR_WITH_EN = pom({ pppCategory: "woman-not-childbearing", language: "tr", secondLanguage: "en" });
const TR_ONLY = pom({ pppCategory: "woman-not-childbearing", language: "tr" });

describe("the second language fits: printed on the back", () => {
  test.for([
    ["id1", {}],
    ["sheet", { cardFormat: "sheet" }],
    ["bleed 3", { bleedMm: 3 }],
  ] as [string, CardOptions][])(
    "%s: the back has the Turkish rules and, marked 'English', the English ones",
    async ([, options]) => {
      const { back } = await faces(TR_WITH_EN, options);
      const english = notChildbearingRules("en");
      expect(english[0]).toContain("cannot become pregnant");
      for (const rule of notChildbearingRules("tr")) expect(back).toContain(rule);
      expect(back).toContain(languageName("en"));
      expect(languageName("en")).toBe("English");
      for (const rule of english) expect(back).toContain(rule);
      // The second language comes after the patient's text, numbers included.
      expect(back.indexOf("English")).toBeGreaterThan(back.indexOf("+31 20 555 0199"));
    },
  );

  test("the other way round: a Dutch card with the Turkish rules, marked 'Türkçe'", async () => {
    const { back } = await faces(pom({ pppCategory: "woman-not-childbearing", language: "nl", secondLanguage: "tr" }));
    for (const rule of notChildbearingRules("nl")) expect(back).toContain(rule);
    expect(back).toContain(languageName("tr"));
    for (const rule of notChildbearingRules("tr")) expect(back).toContain(rule);
  });

  test.for([
    ["id1", {}],
    ["sheet", { cardFormat: "sheet" }],
    ["bleed 3", { bleedMm: 3 }],
  ] as [string, CardOptions][])("%s: the front does not change", async ([, options]) => {
    const bilingual = await extractText(await cardBytes(TR_WITH_EN, options));
    const single = await extractText(await cardBytes(TR_ONLY, options));
    expect(bilingual[0]).toBe(single[0]);
    expect(flat(bilingual[0] ?? "")).not.toContain("English");
    expect(flat(single[1] ?? "")).not.toContain(notChildbearingRules("en")[0]);
  });

  test("id1: the second language is at least 6.5 pt, smaller than the Turkish rules, inside the 3 mm safe zone", async () => {
    const bytes = await cardBytes(TR_WITH_EN);
    const [, backBox] = await pageBoxes(bytes);
    const items = (await textItems(bytes)).filter((item) => item.page === 2);
    const english = items.filter((item) => /cannot become pregnant|English/.test(item.str));
    const turkish = items.filter((item) => item.str.includes("Doktorunuzun"));
    expect(english.length).toBeGreaterThan(0);
    expect(turkish.length).toBeGreaterThan(0);
    for (const item of english) {
      expect(item.size).toBeGreaterThanOrEqual(6.5 - 1e-6);
      expect(item.size).toBeLessThan(turkish[0]?.size ?? 0);
    }
    // The patient's text keeps its size: the same as on the card in one language.
    const singleItems = (await textItems(await cardBytes(TR_ONLY))).filter((item) => item.page === 2);
    const singleTurkish = singleItems.filter((item) => item.str.includes("Doktorunuzun"));
    expect(turkish.map((item) => item.size)).toEqual(singleTurkish.map((item) => item.size));
    const media = required(backBox).media;
    const safe = 3 * PT_PER_MM;
    for (const item of items) {
      expect(item.x - media.x, item.str).toBeGreaterThanOrEqual(safe - 0.01);
      expect(media.x + media.width - item.right, item.str).toBeGreaterThanOrEqual(safe - 0.01);
      expect(item.bottom - media.y, item.str).toBeGreaterThanOrEqual(safe - 0.01);
    }
  });

  test("the result says it was printed", async () => {
    const card = required(buildCardDoc(validOrder(TR_WITH_EN), catalog));
    const result = await renderCard(card, theme, meta);
    expect(result.secondLanguage).toEqual({ language: "en", label: "English", printed: true });
  });
});

describe("the second language does not fit: the card is printed without it", () => {
  // Four rules for a woman who can become pregnant fill the back in any language.
  const TR_WITH_NL = pom({ pppCategory: "woman-childbearing", language: "tr", secondLanguage: "nl" });

  test.for([
    ["id1", {}],
    ["sheet", { cardFormat: "sheet" }],
    ["bleed 3", { bleedMm: 3 }],
  ] as [string, CardOptions][])("%s: the same bytes as the Turkish card alone", async ([, options]) => {
    const bilingual = await cardBytes(TR_WITH_NL, options);
    const single = await cardBytes(pom({ pppCategory: "woman-childbearing", language: "tr" }), options);
    expect(sha256(bilingual)).toBe(sha256(single));
    const back = flat((await extractText(bilingual))[1] ?? "");
    expect(back).not.toContain(languageName("nl"));
    expect(back).not.toContain(cardText("nl", "pomalidomide").everyone?.item1);
    expect(back).toContain(cardText("tr", "pomalidomide").womanChildbearing?.item1);
  });

  test("the tree carried the Dutch rules, and the result says they were left out", async () => {
    const card = required(buildCardDoc(validOrder(TR_WITH_NL), catalog));
    expect(card.back.second?.language).toBe("nl");
    expect(JSON.stringify(card.back.second?.blocks)).toContain(cardText("nl", "pomalidomide").everyone?.item1);
    const result = await renderCard(card, theme, meta);
    expect(result.secondLanguage).toEqual({ language: "nl", label: "Nederlands", printed: false });
    const fitted = await fitSecondLanguage(card, theme);
    expect(fitted.card.back.second).toBeUndefined();
  });

  test("Imlygic: the Dutch rules are on the back's tree, too long for the card; printed as the Turkish card alone", async () => {
    const order = validOrder(imlygic({ language: "tr", secondLanguage: "nl" }));
    const card = required(buildCardDoc(order, catalog));
    const nl = cardText("nl", "imlygic");
    expect(card.back.second?.label).toBe("Nederlands");
    expect(JSON.stringify(card.back.second?.blocks)).toContain(nl.herpes);
    expect(card.front.second).toBeUndefined();
    expect((await renderCard(card, theme, meta)).secondLanguage?.printed).toBe(false);
    const bilingual = await cardBytes(imlygic({ language: "tr", secondLanguage: "nl" }));
    expect(sha256(bilingual)).toBe(sha256(await cardBytes(imlygic({ language: "tr" }))));
  });
});

describe("a card in one language is unchanged", () => {
  // SHA-256 of cards rendered before the second language existed (commit 3c4795f). A deliberate change to
  // how every card looks updates these; a change to a card in one language from this feature must not.
  const BEFORE: [string, OrderInput, CardOptions, string][] = [
    ["pomalidomide en id1", pom({}), {}, "5f085bab549b18859ca55794d735379b6e32b2507fc282982585f6a28c6e2c93"],
    [
      "pomalidomide man nl id1",
      pom({ pppCategory: "man", language: "nl" }),
      {},
      // Dutch contact labels reworded (issue 22): "Verpleegkundigenlijn", "Spoednummer (dag en nacht)".
      "a3ad11e7e3b54751c037ca4ee3428f93988ac4b518f446e8f8c959a65e11c589",
    ],
    [
      "pomalidomide woman-not-childbearing tr sheet",
      pom({ pppCategory: "woman-not-childbearing", language: "tr" }),
      { cardFormat: "sheet" },
      "14eac145fc909d8720ab6c53950dc9a87721daf6ec0f6d53f5dc84ef52c84c41",
    ],
    // Changed on purpose: the front's programme label reads "Verhütung einer Schwangerschaft" (no word broken).
    [
      "pomalidomide de bleed 3",
      pom({ language: "de" }),
      { bleedMm: 3 },
      "f3cf07000e9f4b2820a78f3a55507af91fe4c92ebf8119e98798383054512cad",
    ],
    ["imlygic en id1", imlygic({}), {}, "5f9128ecff717d0c49d0633af5ab04874b778067ab2020017c52b83a1ccb788d"],
    [
      "imlygic pl sheet",
      imlygic({ language: "pl" }),
      { cardFormat: "sheet" },
      "a161fef377c6051634726fb93d4cba8a8f10f780a1bc3ff1d1cc920905068538",
    ],
  ];

  // Untagged (`--no-tags`): tagging (test/pipeline/taggedPdf.test.ts) adds the structure tree and marked
  // content and changes nothing else, so the untagged bytes stay those of before.
  test.for(BEFORE)("%s: byte-identical to before", async ([, input, options, hash]) => {
    expect(sha256(await cardBytes(input, { ...options, tags: false }))).toBe(hash);
  });

  test("no second language in the tree, none in the result", async () => {
    const card = required(buildCardDoc(validOrder(TR_ONLY), catalog));
    expect(card.back.second).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('"aside"');
    expect((await renderCard(card, theme, meta)).secondLanguage).toBeUndefined();
  });
});

describe("card markup", () => {
  const face = (name: string, inner: string) => `<${name} organisation="H" title="T">${inner}</${name}>`;
  const card = (front: string, back: string) =>
    `<card lang="tr" dir="ltr" title="t" subject="s" author="a">${face("front", front)}${face("back", back)}</card>`;
  const aside = (lang: string) => `<aside lang="${lang}" label="L"><p>x</p></aside>`;

  test("an <aside> in the back becomes its second language, out of the flow", () => {
    const doc = parseCardMarkup(card("<p>f</p>", `<p>b</p>${aside("nl")}<p>c</p>`), "t.hbs");
    expect(doc.back.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
    expect(doc.back.second).toEqual({
      language: "nl",
      direction: "ltr",
      label: "L",
      blocks: [{ type: "paragraph", text: [{ text: "x" }], small: false }],
    });
  });

  test("an <aside> on the front, or asides in two languages, are template bugs", () => {
    expect(() => parseCardMarkup(card(aside("nl"), "<p>b</p>"), "t.hbs")).toThrow(MarkupError);
    expect(() => parseCardMarkup(card("<p>f</p>", aside("nl") + aside("en")), "t.hbs")).toThrow(MarkupError);
  });
});
