// Cards on US Letter for office printers in North America: `--card-format sheet --paper Letter` (and the
// nurses' page with Letter chosen) prints the card on a Letter page, in a 2 × 4 grid with 3 mm gaps
// centred on the page (five rows of 53.98 mm do not fit 279.4 mm with printer margins), the back mirrored
// for long-edge duplex; a merged print job of a Letter batch puts eight patients on a sheet, each back
// behind its own front. Geometry computed here from millimetres; text places read with pdfjs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { mergePrintJobs, PrintJobCollector } from "../../src/batch/mergePrintJobs.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { baseOrder } from "../helpers/orders.ts";
import { PT_PER_MM, pageSizes, textItems } from "../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();
const CARD_W_MM = 85.6;
const CARD_H_MM = 53.98;
const LETTER_W_MM = 215.9;
const LETTER_H_MM = 279.4;
const GAP_MM = 3;
const GRID_LEFT_MM = (LETTER_W_MM - (2 * CARD_W_MM + GAP_MM)) / 2;
const GRID_TOP_MM = (LETTER_H_MM - (4 * CARD_H_MM + 3 * GAP_MM)) / 2;

/** Slot (row, column as printed) of a point in PDF user space on a Letter page; null outside every card. */
function slotAt(x: number, y: number): { row: number; column: number } | null {
  const fromLeft = x / PT_PER_MM - GRID_LEFT_MM;
  const fromTop = LETTER_H_MM - y / PT_PER_MM - GRID_TOP_MM;
  const column = Math.floor(fromLeft / (CARD_W_MM + GAP_MM));
  const row = Math.floor(fromTop / (CARD_H_MM + GAP_MM));
  if (column < 0 || column > 1 || row < 0 || row > 3) return null;
  const inX = fromLeft - column * (CARD_W_MM + GAP_MM);
  const inY = fromTop - row * (CARD_H_MM + GAP_MM);
  return inX <= CARD_W_MM && inY <= CARD_H_MM ? { row, column } : null;
}

function order(n: number) {
  const validation = validateOrder(
    { ...baseOrder(), patientId: `L-${String(n).padStart(2, "0")}`, name: `Letter Patient ${n}` },
    catalog,
  );
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  return validation.order;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("card sheets on Letter paper", () => {
  test("one card: two Letter pages, the front in the top left slot, the back in the mirrored top right slot", async () => {
    const [card] = await generateDocuments(order(1), catalog, {
      kinds: ["card"],
      cardFormat: "sheet",
      paper: "Letter",
    });
    if (!card) throw new Error("no card");
    const sizes = await pageSizes(card.bytes);
    expect(sizes.map((s) => [s.width / PT_PER_MM, s.height / PT_PER_MM].map((v) => Math.round(v * 10) / 10))).toEqual([
      [LETTER_W_MM, LETTER_H_MM],
      [LETTER_W_MM, LETTER_H_MM],
    ]);
    const items = await textItems(card.bytes);
    for (const [page, column] of [
      [1, 0],
      [2, 1],
    ] as const) {
      const onPage = items.filter((i) => i.page === page);
      expect(onPage.length).toBeGreaterThan(5);
      const slots = onPage.map((i) => [slotAt(i.x, i.y), slotAt(i.right, i.top)]);
      for (const [start, end] of slots) {
        expect(start).toEqual({ row: 0, column });
        expect(end).toEqual({ row: 0, column });
      }
    }
    expect(items.some((i) => i.page === 1 && i.str.includes("Letter Patient 1"))).toBe(true);
  });

  test("a merged job of nine patients: eight on the first sheet, one on the second; each back behind its own front", async () => {
    const dir = mkdtempSync(join(tmpdir(), "letter-sheets-"));
    dirs.push(dir);
    const collector = new PrintJobCollector(dir);
    const orders = Array.from({ length: 9 }, (_, i) => order(i + 1));
    for (const o of orders) {
      const [card] = await generateDocuments(o, catalog, { kinds: ["card"], paper: "Letter" });
      if (!card) throw new Error("no card");
      // As a batch writes them: <out>/<patient id>/<drug>-card-<lang>.pdf.
      const folder = join(dir, o.patientId);
      const path = join(folder, "pomalidomide-card-en.pdf");
      mkdirSync(folder, { recursive: true });
      writeFileSync(path, card.bytes);
      collector.add([path]);
    }
    const [job] = await mergePrintJobs(collector, catalog, "Letter");
    collector.dispose();
    if (!job) throw new Error("no print job");
    const bytes = new Uint8Array(readFileSync(job));
    const sizes = await pageSizes(bytes);
    expect(sizes).toHaveLength(4);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(612, 0);
      expect(size.height).toBeCloseTo(792, 0);
    }
    const items = await textItems(bytes);
    for (const sheet of [0, 1]) {
      const fronts = new Map<string, string>();
      for (const item of items.filter((i) => i.page === 2 * sheet + 1)) {
        const who = orders.find((o) => item.str.includes(o.name));
        const slot = slotAt(item.x, item.y);
        if (who && slot) fronts.set(`${slot.row}:${slot.column}`, who.patientId);
      }
      const expected = orders.slice(sheet * 8, sheet * 8 + 8).map((o) => o.patientId);
      expect([...fronts.values()].sort(), `sheet ${sheet + 1}`).toEqual(expected);
      // Every back's text in the mirrored slot of a front, and behind every front a back.
      const backs = new Set<string>();
      for (const item of items.filter((i) => i.page === 2 * sheet + 2)) {
        const slot = slotAt(item.x, item.y);
        expect(slot, `back text outside every card: ${item.str}`).not.toBeNull();
        if (slot) backs.add(`${slot.row}:${1 - slot.column}`);
      }
      expect([...backs].sort(), `sheet ${sheet + 1}`).toEqual([...fronts.keys()].sort());
    }
  }, 60_000);
});
