// The calendar's rows are laid out by hand (src/render/leaflet/calendarRows.ts): every piece of text must stay
// inside its cell, however long a language's words are, and the row must grow to hold it.
import { beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow } from "../../../src/catalog/loadCatalog.ts";
import type { CalendarDay } from "../../../src/document/documentTypes.ts";
import { dayRow, weekRow } from "../../../src/render/leaflet/calendarRows.ts";
import { measure, type Painter } from "../../../src/render/text/canvasText.ts";
import { prepareFonts } from "../../../src/render/text/fontSetup.ts";
import { createTheme } from "../../../src/render/theme.ts";

const brand = loadCatalogOrThrow().brands.get("default");
if (!brand) throw new Error("no default brand");

/** Records every text drawn with its position and font size. */
function recorder() {
  const texts: { text: string; x: number; size: number }[] = [];
  let size = 0;
  const painter: Painter = new Proxy({} as Painter, {
    get: (_, method) => {
      return (...args: unknown[]) => {
        if (method === "font") size = args[2] as number; // font(font, name, size)
        if (method === "text") texts.push({ text: args[0] as string, x: args[1] as number, size });
        return painter;
      };
    },
  });
  return { painter, texts };
}

const day = (n: number, overrides: Partial<CalendarDay> = {}): CalendarDay => ({
  label: `Day ${n}`,
  date: `Tue ${n} Dec`,
  doses: [{ symbol: "P", text: "4 mg" }],
  ...overrides,
});

describe("calendar rows", () => {
  beforeAll(async () => {
    await prepareFonts();
  });

  test("a week row keeps every text inside its cell and grows for a long rest text", () => {
    const theme = createTheme(brand, "A4");
    const long = "Ruhetag ohne Pomalidomid und ohne weitere Kapseln";
    const week = [day(1), day(2, { doses: [], rest: long }), day(3), day(4), day(5), day(6), day(7)];
    const row = weekRow(week, theme);
    const plain = weekRow(
      [1, 2, 3, 4, 5, 6, 7].map((n) => day(n)),
      theme,
    );
    expect(plain.height).toBe(52);
    expect(row.height).toBeGreaterThan(52);

    const { painter, texts } = recorder();
    row.paint(painter);
    const cell = theme.page.contentWidth / 7;
    for (const t of texts) {
      const column = Math.floor(t.x / cell);
      const right = t.x + measure(t.text, { size: t.size, bold: false });
      expect(right, `"${t.text}" inside its cell`).toBeLessThanOrEqual((column + 1) * cell - 2.9);
    }
    // Every letter of the long text is drawn, in order, on more than one line (a word too long for
    // the cell is broken between letters with a hyphen at the break, never drawn across the next cell).
    const restLines = texts.filter(
      (t) => t.x >= cell && t.x < 2 * cell && t.text !== "Day 2" && t.text !== "Tue 2 Dec",
    );
    expect(restLines.length).toBeGreaterThan(2);
    expect(
      restLines
        .map((t) => t.text.replace(/(?<=\p{L})-$/u, ""))
        .join("")
        .replaceAll(" ", ""),
    ).toBe(long.replaceAll(" ", ""));
  });

  test("a large-print day row sets everything at 16 pt or more", () => {
    const theme = createTheme(brand, "A4", { largePrint: true });
    const { painter, texts } = recorder();
    dayRow(
      day(1, {
        doses: [
          { symbol: "P", text: "4 mg" },
          { symbol: "D", text: "40 mg" },
        ],
      }),
      theme,
    ).paint(painter);
    expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(["Tue 1 Dec", "Day 1", "4 mg", "40 mg"]));
    for (const t of texts) expect(t.size).toBeGreaterThanOrEqual(16);
  });

  test("right to left, day 1 is the rightmost cell and each cell's text ends at its right edge", () => {
    const theme = createTheme(brand, "A4", { direction: "rtl" });
    const week = [1, 2, 3, 4, 5, 6, 7].map((n) => day(n, { label: `اليوم ${n}` }));
    const { painter, texts } = recorder();
    weekRow(week, theme).paint(painter);
    const cell = theme.page.contentWidth / 7;
    const columnOf = (text: string) => {
      const t = texts.find((item) => item.text === text);
      if (!t) throw new Error(`${text} not drawn`);
      return Math.floor(t.x / cell);
    };
    expect(columnOf("Tue 1 Dec")).toBe(6);
    expect(columnOf("Tue 7 Dec")).toBe(0);
    const date = texts.find((t) => t.text === "Tue 1 Dec");
    if (!date) throw new Error("no date");
    const right = date.x + measure(date.text, { size: date.size, bold: true });
    expect(right).toBeCloseTo(7 * cell - 3, 1);
  });
});
