// Leaflets and cards a screen reader can read (tagged PDF, PDF/UA-1), checked on the real files: the
// checker in test/helpers/taggedPdf.ts (all content tagged or an artifact, Figure Alt, headings in
// order, tables with header cells, Lang, title shown, fonts embedded), the text in structure order
// against the document's own reading order, poppler's `pdfinfo -struct-text` as a second reading, and
// a golden outline of each tag tree (tag, language, first words) a reviewer can read in __snapshots__/.
// Rendered once each: the demo in English, Dutch and Arabic, the Dutch Imlygic leaflet, their cards.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mergePrintJobs, PrintJobCollector } from "../../src/batch/mergePrintJobs.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import type { Block, LeafletDoc } from "../../src/document/documentTypes.ts";
import { DEMO_ORDER } from "../../src/order/demoOrder.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildLeafletDoc, generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import {
  checkTaggedPdf,
  readTagged,
  structureOutline,
  structureText,
  type TaggedReading,
} from "../helpers/taggedPdf.ts";

const catalog = loadCatalogOrThrow();
const hasPoppler = spawnSync("pdfinfo", ["-v"]).status === 0;

const SAMPLES = {
  "demo-en": { ...DEMO_ORDER },
  "demo-nl": { ...DEMO_ORDER, language: "nl" },
  "demo-ar": { ...DEMO_ORDER, language: "ar" },
  "imlygic-nl": {
    patientId: "T-0002",
    name: "Test Patiënt",
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-11-24",
    language: "nl",
  },
} as const;
type Sample = keyof typeof SAMPLES;

interface Rendered {
  order: Order;
  leaflet: Uint8Array;
  card: Uint8Array;
  leafletReading: TaggedReading;
  cardReading: TaggedReading;
}

const rendered = new Map<Sample, Rendered>();
let dir: string;

function orderOf(sample: Sample): Order {
  const validation = validateOrder({ ...SAMPLES[sample] }, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return validation.order;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tagged-"));
  for (const sample of Object.keys(SAMPLES) as Sample[]) {
    const order = orderOf(sample);
    const documents = await generateDocuments(order, catalog);
    const leaflet = documents.find((d) => d.kind === "leaflet")?.bytes;
    const card = documents.find((d) => d.kind === "card")?.bytes;
    if (!leaflet || !card) throw new Error(`${sample}: a document is missing`);
    rendered.set(sample, {
      order,
      leaflet,
      card,
      leafletReading: await readTagged(leaflet),
      cardReading: await readTagged(card),
    });
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function get(sample: Sample): Rendered {
  const r = rendered.get(sample);
  if (!r) throw new Error(`${sample} was not rendered`);
  return r;
}

/** Text compared without white space, bidi controls or soft hyphens (line breaks differ per reader). */
function squeeze(text: string): string {
  return text.replace(/[\s\u00ad\u200e\u200f\u2066-\u2069\u202a-\u202e]+/g, "");
}

/** Every text of the document in the order it is meant to be read. */
function readingOrder(doc: LeafletDoc): string[] {
  const out: string[] = [];
  const runs = (r: { text: string }[]) => r.map((x) => x.text).join("");
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case "section":
        case "callout":
        case "notes":
          walk(b.children);
          break;
        case "aside":
          out.push(b.label);
          walk(b.children);
          break;
        case "heading":
        case "paragraph":
          out.push(runs(b.text));
          break;
        case "list":
          for (const item of b.items) out.push(runs(item));
          break;
        case "facts":
          for (const f of b.items) out.push(f.label, f.value);
          break;
        case "contacts":
          for (const c of b.items) out.push(`${c.label}: ${c.number}`);
          break;
        case "address":
          out.push(b.url);
          break;
        case "qr":
          out.push(b.label, b.url);
          break;
        case "table":
          out.push(...b.header, ...(b.tickLabel ? [b.tickLabel] : []));
          for (const row of b.rows) out.push(...row);
          break;
        case "fitLine":
          out.push(b.label, b.text);
          break;
        case "calendar":
          out.push(b.legendTitle);
          for (const key of b.legend) out.push(key.symbol, key.text);
          for (const cycle of b.cycles) {
            out.push(cycle.title, ...cycle.lines);
            out.push(...(b.weekdays[0] ?? []));
            for (const week of cycle.weeks)
              for (const day of week.days) {
                if (!day) continue;
                out.push(day.label, day.date);
                for (const dose of day.doses) out.push(dose.symbol, dose.text);
                if (day.rest) out.push(day.rest);
              }
          }
          break;
      }
    }
  };
  walk(doc.body);
  return out.filter((t) => squeeze(t) !== "");
}

/** The first text of `expected` not found, in order, in `actual`; undefined when all are. */
function firstOutOfOrder(actual: string, expected: string[]): string | undefined {
  const haystack = squeeze(actual);
  let from = 0;
  for (const text of expected) {
    const at = haystack.indexOf(squeeze(text), from);
    if (at < 0) return text;
    from = at + squeeze(text).length;
  }
  return undefined;
}

describe.each(Object.keys(SAMPLES) as Sample[])("%s", (sample) => {
  test("the leaflet passes every check (content tagged or artifact, Alt, headings, tables, Lang, title, fonts)", () => {
    expect(checkTaggedPdf(get(sample).leafletReading)).toEqual([]);
  });

  test("the card passes every check", () => {
    expect(checkTaggedPdf(get(sample).cardReading)).toEqual([]);
  });

  test("document level: Lang is the order's language, the title is shown, PDF/UA-1 is declared", () => {
    const { order, leafletReading, cardReading } = get(sample);
    for (const reading of [leafletReading, cardReading]) {
      expect(reading.marked).toBe(true);
      expect(reading.lang).toBe(order.language);
      expect(reading.displayDocTitle).toBe(true);
      expect(reading.title).toBeTruthy();
      expect(reading.pdfuaPart).toBe("1");
    }
  });

  test("the text in structure order is the leaflet's reading order, the shared part's included", () => {
    const { order, leafletReading } = get(sample);
    const doc = buildLeafletDoc(order, catalog);
    const expected = readingOrder(doc);
    expect(expected.length).toBeGreaterThan(50);
    expect(firstOutOfOrder(structureText(leafletReading), expected)).toBeUndefined();
    // The control: the same texts in another order are caught.
    expect(firstOutOfOrder(structureText(leafletReading), [...expected].reverse())).toBeDefined();
  });

  test("golden outline of the leaflet's and the card's tag trees", async () => {
    const { leafletReading, cardReading } = get(sample);
    await expect(structureOutline(leafletReading)).toMatchFileSnapshot(`__snapshots__/tags-${sample}-leaflet.txt`);
    await expect(structureOutline(cardReading)).toMatchFileSnapshot(`__snapshots__/tags-${sample}-card.txt`);
  });

  test.skipIf(!hasPoppler)("poppler reads the same tree and text (pdfinfo -struct-text)", () => {
    const { leaflet, leafletReading } = get(sample);
    const file = join(dir, `${sample}.pdf`);
    writeFileSync(file, leaflet);
    const poppler = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8", maxBuffer: 32 << 20 });
    const roles = poppler.match(/^\s*([A-Z][A-Za-z0-9]*)\b/gm)?.map((r) => r.trim()) ?? [];
    const ours = structureOutline(leafletReading)
      .split("\n")
      .map((line) => line.trim().split(/[ [:]/)[0]);
    expect(roles.filter((r) => r !== "Scope")).toEqual(ours);
    const popplerText = squeeze([...poppler.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join(""));
    const ourText = squeeze(structureText(leafletReading));
    // Where the shared part is joined mid-page, its form's marked-content ids repeat the page's own (each
    // scoped by its /Stm, as PDF allows); this helper's pdf.js reading keys text by page and id only, so
    // there poppler's reading is the one compared with the document's reading order.
    if (get(sample).order.language !== "ar")
      expect(firstOutOfOrder(popplerText, readingOrder(buildLeafletDoc(get(sample).order, catalog)))).toBeUndefined();
    else {
      // poppler reads the drawn (visual) order and ignores the elements' ActualText, which gives the
      // logical order: the same letters and digits, in another order (brackets are mirrored).
      const letters = (text: string) =>
        [...text]
          .filter((c) => /[\p{L}\p{N}]/u.test(c))
          .sort()
          .join("");
      expect(letters(popplerText)).toBe(letters(ourText));
    }
  });
});

describe("batch --merge: a print job of tagged leaflets is tagged", () => {
  test("each leaflet is a Part in its language, the blank back pages artifacts, every check passes", async () => {
    const out = join(dir, "job");
    const collector = new PrintJobCollector(out);
    const files: string[] = [];
    for (const [sample, name] of [
      ["demo-nl", "pomalidomide-leaflet-nl.pdf"],
      ["imlygic-nl", "imlygic-leaflet-nl.pdf"],
    ] as const) {
      const folder = join(out, get(sample).order.patientId);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, name), get(sample).leaflet);
      files.push(join(folder, name));
    }
    collector.add(files);
    const [job] = await mergePrintJobs(collector, catalog);
    collector.dispose();
    const reading = await readTagged(new Uint8Array(readFileSync(job as string)));
    // Each leaflet padded to an even count: an odd one gets a blank back page.
    const even = (n: number) => n + (n % 2);
    const pages = (sample: Sample) => get(sample).leafletReading.pages.length;
    expect(reading.pages).toHaveLength(even(pages("demo-nl")) + even(pages("imlygic-nl")));
    expect(checkTaggedPdf(reading)).toEqual([]);
    expect(reading.lang).toBe("nl");
    const parts = reading.root?.kids[0];
    expect(parts && "kids" in parts ? parts.kids.map((k) => ("role" in k ? `${k.role} ${k.lang}` : "")) : []).toEqual([
      "Part nl",
      "Part nl",
    ]);
    const text = squeeze(structureText(reading));
    for (const sample of ["demo-nl", "imlygic-nl"] as const)
      expect(text).toContain(squeeze(structureText(get(sample).leafletReading)));
  });
});

describe("--pdfa: PDF/A-2a, tagged", () => {
  test("the archival leaflet and card pass every check and declare PDF/UA-1", async () => {
    const documents = await generateDocuments(orderOf("demo-en"), catalog, { pdfa: true });
    expect(documents).toHaveLength(2);
    for (const d of documents) {
      const reading = await readTagged(d.bytes);
      expect(checkTaggedPdf(reading), d.kind).toEqual([]);
      expect(reading.pdfuaPart).toBe("1");
    }
  });
});

describe("--no-tags (for measuring)", () => {
  let reading: TaggedReading;
  beforeAll(async () => {
    const documents = await generateDocuments(orderOf("demo-en"), catalog, { kinds: ["leaflet"], tags: false });
    reading = await readTagged(documents[0]?.bytes as Uint8Array);
  });

  test("writes an untagged leaflet, which the checker refuses", () => {
    expect(reading.marked).toBe(false);
    expect(reading.root).toBeUndefined();
    expect(reading.pdfuaPart).toBeUndefined();
    expect(checkTaggedPdf(reading)).toContain("no StructTreeRoot");
    expect(checkTaggedPdf(reading).some((p) => p.includes("outside marked content"))).toBe(true);
  });
});
