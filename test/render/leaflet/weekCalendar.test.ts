// The calendar as a week grid, read from the PDF's word positions: every printed date under its own
// weekday's column (weeks from Monday for en-GB, from Sunday where the brand says so), days before a cycle's
// first day left empty, and the PVd doses of each day in its cell (bortezomib days 1, 4, 8, 11 up to cycle 8,
// days 1 and 8 from cycle 9). Dates are pinned: a 10-cycle PVd plan from Thursday 3 December 2026.

import { beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow } from "../../../src/catalog/loadCatalog.ts";
import { addDays, type IsoDate } from "../../../src/core/dates.ts";
import type { Block, LeafletDoc } from "../../../src/document/documentTypes.ts";
import { validateOrder } from "../../../src/order/validateOrder.ts";
import { buildLeafletDoc, generateDocuments } from "../../../src/pipeline/generateDocuments.ts";
import { createTheme } from "../../../src/render/theme.ts";
import { baseOrder, type OrderInput } from "../../helpers/orders.ts";
import { type TextItem, textItems } from "../../helpers/pdf.ts";

const catalog = loadCatalogOrThrow();
const START = "2026-12-03" as IsoDate; // a Thursday
const CYCLES = 10;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}$/;
const shortDate = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const weekdayOf = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" });
const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

function order(overrides: OrderInput = {}) {
  const validation = validateOrder(
    { ...baseOrder(), regimen: "pvd-21", cycles: CYCLES, startDate: START, ...overrides },
    catalog,
  );
  if (!validation.ok) throw new Error("invalid test order");
  return validation.order;
}

let items: TextItem[];
const brand = catalog.brands.get("default");
if (!brand) throw new Error("no default brand");
const cellWidth = createTheme(brand, "A4").page.contentWidth / 7;

/** Reading order: page by page, top to bottom (PDF y grows upwards), left to right. */
const reading = (a: TextItem, b: TextItem) => a.page - b.page || b.y - a.y || a.x - b.x;

/** The weekday header rows of a page: seven items Mon … Sun on one baseline. */
function headerRows(page: number): TextItem[][] {
  const names = items.filter((i) => i.page === page && WEEKDAYS.includes(i.str));
  const rows = new Map<number, TextItem[]>();
  for (const n of names) rows.set(Math.round(n.y), [...(rows.get(Math.round(n.y)) ?? []), n]);
  return [...rows.values()].filter((row) => row.length === 7).map((row) => row.sort((a, b) => a.x - b.x));
}

/** The header row a date sits under: the nearest one above it on its page. */
function headerAbove(item: TextItem): TextItem[] {
  const above = headerRows(item.page).filter((row) => (row[0] as TextItem).y > item.y);
  const row = above.sort((a, b) => (a[0] as TextItem).y - (b[0] as TextItem).y)[0];
  if (!row) throw new Error(`no weekday header above "${item.str}" on page ${item.page}`);
  return row;
}

/** The texts of a day's cell: right of the date's start, below it, above the next text that starts where it does. */
function cellTexts(date: TextItem): string[] {
  const inColumn = items.filter(
    (i) => i.page === date.page && i.x > date.x - 1 && i.x < date.x + cellWidth - 4 && i.y < date.y,
  );
  const stop = Math.max(date.y - 60, ...inColumn.filter((i) => Math.abs(i.x - date.x) < 1).map((i) => i.y));
  return inColumn.filter((i) => i.y > stop).map((i) => i.str.trim());
}

describe("week calendar (pvd-21, 10 cycles from Thursday 3 December 2026)", () => {
  let dates: TextItem[];
  beforeAll(async () => {
    const [leaflet] = await generateDocuments(order(), catalog, { kinds: ["leaflet"] });
    if (!leaflet) throw new Error("no leaflet");
    items = await textItems(leaflet.bytes);
    dates = items.filter((i) => DATE.test(i.str)).sort(reading);
  }, 120_000);

  test("every day of every cycle printed once, in order, each date right", () => {
    const expected = Array.from({ length: CYCLES * 21 }, (_, k) =>
      shortDate.format(utc(addDays(START, k))).replace(/,/g, ""),
    );
    expect(dates.map((d) => d.str)).toEqual(expected);
  });

  test("every printed date sits under its own weekday's column", () => {
    expect(dates.length).toBe(CYCLES * 21);
    dates.forEach((date, k) => {
      const weekday = weekdayOf.format(utc(addDays(START, k)));
      // A row at a page's top has its header again (continuation), so every date has a header above it.
      const header = headerAbove(date);
      const column = header.find((h) => Math.abs(h.x - date.x) < 1);
      expect(column?.str, `${date.str} (page ${date.page})`).toBe(weekday);
      // Its cycle day right above it, in the same column.
      const label = items.find(
        (i) => i.page === date.page && Math.abs(i.x - date.x) < 1 && i.y > date.y && i.y - date.y < 12,
      );
      expect(label?.str, `the cycle day over ${date.str}`).toBe(`Day ${(k % 21) + 1}`);
    });
  });

  test("a cycle's rows at the top of a page: 'Cycle N (continued)' and the weekday header over them", () => {
    let continuations = 0;
    for (const page of new Set(dates.map((d) => d.page))) {
      const onPage = dates.filter((d) => d.page === page);
      const top = onPage[0] as TextItem;
      const cycle = Math.floor(dates.indexOf(top) / 21) + 1;
      const title = items.find((i) => i.page === page && i.str.startsWith(`Cycle ${cycle}:`));
      const continued = items.filter((i) => i.page === page && i.str === `Cycle ${cycle} (continued)`);
      if (title && title.y > top.y) {
        expect(continued, `page ${page}: no continuation where the title is`).toEqual([]);
      } else {
        continuations++;
        expect(continued, `page ${page} starts inside cycle ${cycle}`).toHaveLength(1);
        const header = headerAbove(top);
        expect((continued[0] as TextItem).y).toBeGreaterThan((header[0] as TextItem).y);
      }
      // No other cycle's continuation title on the page.
      expect(items.filter((i) => i.page === page && / \(continued\)$/.test(i.str)).length).toBeLessThanOrEqual(1);
    }
    expect(continuations, "some cycle runs on to a new page in 10 cycles").toBeGreaterThan(0);
  });

  test("the first row starts on Thursday: Monday to Wednesday empty", () => {
    const first = dates[0] as TextItem;
    expect(first.str).toBe("Thu 3 Dec");
    const header = headerAbove(first);
    expect(header.map((h) => h.str)).toEqual(WEEKDAYS);
    const row = dates.filter((d) => d.page === first.page && Math.abs(d.y - first.y) < 1);
    expect(row.map((d) => d.str)).toEqual(["Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec", "Sun 6 Dec"]);
    // Nothing at all in the Monday-Wednesday cells between the header and the second row.
    const second = dates[4] as TextItem;
    expect(second.str).toBe("Mon 7 Dec");
    const empty = items.filter(
      (i) =>
        i.page === first.page &&
        i.y < (header[0] as TextItem).y - 1 &&
        i.y > second.y + 12 &&
        i.x < (header[3] as TextItem).x - 1,
    );
    expect(empty.map((i) => i.str)).toEqual([]);
  });

  test("the PVd doses in the cells: bortezomib on days 1, 4, 8, 11 up to cycle 8, on days 1 and 8 from cycle 9", () => {
    const bortezomibDays = (cycle: number) =>
      dates.slice((cycle - 1) * 21, cycle * 21).flatMap((date, i) => (cellTexts(date).includes("B") ? [i + 1] : []));
    for (let cycle = 1; cycle <= 8; cycle++) expect(bortezomibDays(cycle), `cycle ${cycle}`).toEqual([1, 4, 8, 11]);
    for (let cycle = 9; cycle <= CYCLES; cycle++) expect(bortezomibDays(cycle), `cycle ${cycle}`).toEqual([1, 8]);
    // Pomalidomide on days 1-14, rest from day 15, in every cycle.
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const cells = dates.slice((cycle - 1) * 21, cycle * 21).map(cellTexts);
      expect(
        cells.flatMap((c, i) => (c.includes("P") ? [i + 1] : [])),
        `cycle ${cycle} P`,
      ).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      expect(
        cells.flatMap((c, i) => (c.includes("rest day") ? [i + 1] : [])),
        `cycle ${cycle} rest`,
      ).toEqual(Array.from({ length: 7 }, (_, i) => i + 15));
    }
  });
});

/** The calendar block of a leaflet tree. */
function calendarOf(doc: LeafletDoc): Extract<Block, { type: "calendar" }> {
  const find = (blocks: Block[]): Extract<Block, { type: "calendar" }> | undefined => {
    for (const block of blocks) {
      if (block.type === "calendar") return block;
      const inner = "children" in block ? find(block.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const calendar = find(doc.body);
  if (!calendar) throw new Error("no calendar");
  return calendar;
}

describe("the brand's first day of the week", () => {
  test("firstDayOfWeek 7 starts every week on Sunday; without it, the locale's own (en-GB: Monday)", () => {
    const sundayCatalog = { ...catalog, brands: new Map(catalog.brands) };
    sundayCatalog.brands.set("default", { ...brand, firstDayOfWeek: 7 });
    const sunday = calendarOf(buildLeafletDoc(order(), sundayCatalog));
    const monday = calendarOf(buildLeafletDoc(order(), catalog));
    expect(monday.weekdays).toEqual([WEEKDAYS]);
    expect(sunday.weekdays).toEqual([["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]]);
    const firstWeek = (c: typeof sunday) => c.cycles[0]?.weeks[0]?.days.map((d) => d?.date ?? "-");
    expect(firstWeek(sunday)).toEqual(["-", "-", "-", "-", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec"]);
    expect(firstWeek(monday)).toEqual(["-", "-", "-", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec", "Sun 6 Dec"]);
  });
});
