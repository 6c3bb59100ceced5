// A leaflet is the patient's part laid out per order plus the shared part rendered once and reused
// (src/render/leaflet/sharedPart.tsx, composeLeaflet.ts). What a patient reads must not depend on that: the
// bytes are the same whether the shared part was cached or not, a shared section that carries an
// order's own data is not reused for another order, every page says whose it is, and every font of
// the shared pages is embedded under a name of its own.
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { loadCatalogOrThrow } from "../../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../../src/order/validateOrder.ts";
import { generateDocuments } from "../../../src/pipeline/generateDocuments.ts";
import {
  clearSharedParts,
  handOnSharedParts,
  seedSharedParts,
  takeNewSharedParts,
} from "../../../src/render/leaflet/sharedPart.tsx";
import { baseOrder, type OrderInput } from "../../helpers/orders.ts";
import { extractText, fontsEmbedded } from "../../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();

async function leaflet(overrides: OrderInput = {}): Promise<Uint8Array> {
  const validation = validateOrder({ ...baseOrder(), cycles: 1, ...overrides }, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  const [doc] = await generateDocuments(validation.order, catalog, { kinds: ["leaflet"] });
  if (!doc) throw new Error("no leaflet");
  return doc.bytes;
}

describe("leaflets composed from the patient's part and the shared part", () => {
  test("the same order gives the same bytes with the shared part cold, warm from another patient, or cold again", async () => {
    clearSharedParts();
    const cold = await leaflet({ patientId: "T-0002", name: "Bea Second" });
    await leaflet({ patientId: "T-0003", name: "Cas Third", startDate: "2027-03-15" });
    const warm = await leaflet({ patientId: "T-0002", name: "Bea Second" });
    clearSharedParts();
    const coldAgain = await leaflet({ patientId: "T-0002", name: "Bea Second" });
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
    expect(Buffer.from(coldAgain).equals(Buffer.from(cold))).toBe(true);
  });

  test("a shared part handed on from another worker gives the same bytes, and is not laid out again", async () => {
    clearSharedParts();
    handOnSharedParts();
    const rendered = await leaflet({ patientId: "T-0007", name: "Eva Seventh" });
    const parts = takeNewSharedParts();
    expect(parts).toHaveLength(1);
    clearSharedParts();
    seedSharedParts(parts);
    handOnSharedParts();
    const seeded = await leaflet({ patientId: "T-0007", name: "Eva Seventh" });
    expect(takeNewSharedParts()).toHaveLength(0);
    expect(Buffer.from(seeded).equals(Buffer.from(rendered))).toBe(true);
    clearSharedParts();
  });

  test("an order's own emergency number inside a shared section is never reused for another order", async () => {
    const own = { nurseLine: "+31 20 555 7000", emergency: "+31 20 555 7999" };
    // Each page's footer names the emergency number once; the side-effects callout ("call at once"),
    // which is in the shared part, names it once more.
    const inSharedPages = async (order: OrderInput, number: string) => {
      const pages = await extractText(await leaflet(order));
      const shared = pages.slice(pages.findIndex((page) => page.includes("What is pomalidomide?")));
      const count = shared.reduce((sum, page) => sum + page.split(number).length - 1, 0);
      return { pages: shared.length, count };
    };
    const withOwn = await inSharedPages({ patientId: "T-0004", contact: own }, "+31 20 555 7999");
    expect(withOwn.count).toBe(withOwn.pages + 1);
    const brand = await inSharedPages({ patientId: "T-0005" }, "+31 20 555 0199");
    expect(brand.count).toBe(brand.pages + 1);
    const other = await inSharedPages({ patientId: "T-0005" }, "+31 20 555 7999");
    expect(other.count).toBe(0);
  });

  test("every page, shared pages included, names the patient and says which page of how many it is", async () => {
    const pages = await extractText(await leaflet({ patientId: "T-0006", name: "Dirk Sixth", cycles: 2 }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain("For Dirk Sixth (T-0006)");
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // The shared part follows the patient's part: the general text comes after the last calendar row.
    const all = pages.join("\n");
    expect(all.indexOf("What is pomalidomide?")).toBeGreaterThan(all.lastIndexOf("Cycle 2:"));
  });

  test("the shared pages' fonts are embedded and no two different font subsets share a name", async () => {
    const bytes = await leaflet({ patientId: "T-0007" });
    const report = await fontsEmbedded(bytes);
    expect(report.allEmbedded).toBe(true);
    // Fonts reached only through the shared pages' forms are found too.
    expect(report.fonts.some((f) => f.baseFont.startsWith("SH"))).toBe(true);

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const names: string[] = [];
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor")) {
        names.push(String(object.get(PDFName.of("FontName"))));
      }
    }
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(new Set(names).size).toBe(names.length);
  });
});
