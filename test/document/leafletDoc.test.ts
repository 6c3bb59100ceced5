// The document tree for fixed orders: snapshots pin the contract between templates and rendering,
// and targeted assertions pin what must never drift (dates, doses, the PPP part for the category).
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import type { Block, LeafletDoc } from "../../src/document/documentTypes.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildLeafletDoc } from "../../src/pipeline/generateDocuments.ts";
import { splitLeaflet } from "../../src/render/leaflet/leafletParts.ts";
import { baseOrder } from "../helpers/orders.ts";

const catalog: Catalog = loadCatalogOrThrow();

function order(overrides: Record<string, unknown> = {}): Order {
  const base = { ...baseOrder(), patientId: "SNAP-1", name: "Snapshot Patiënt", cycles: 2, dateOfBirth: "1960-06-15" };
  const result = validateOrder({ ...base, ...overrides }, catalog);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.order;
}

function sectionIds(doc: LeafletDoc): string[] {
  return doc.body.filter((b): b is Extract<Block, { type: "section" }> => b.type === "section").map((s) => s.id);
}

function calendarOf(doc: LeafletDoc) {
  const find = (blocks: Block[]): Extract<Block, { type: "calendar" }> | undefined => {
    for (const b of blocks) {
      if (b.type === "calendar") return b;
      if (b.type === "section" || b.type === "callout") {
        const found = find(b.children);
        if (found) return found;
      }
    }
    return undefined;
  };
  const calendar = find(doc.body);
  if (!calendar) throw new Error("no calendar");
  return calendar;
}

/** The tree with its content version's short hash as "<hash>": that hash changes with every text and template
 * (test/review/ pins it against the manifest), the tree's shape and wording are what this snapshot reads. */
function withoutContentHash(tree: unknown): unknown {
  return JSON.parse(JSON.stringify(tree).replace(/ [0-9a-f]{8}\./g, " <hash>."));
}

describe("leaflet document tree", () => {
  it("matches the snapshot in English", () => {
    expect(withoutContentHash(buildLeafletDoc(order(), catalog))).toMatchSnapshot();
  });

  it("matches the snapshot in Dutch", () => {
    expect(withoutContentHash(buildLeafletDoc(order({ language: "nl" }), catalog))).toMatchSnapshot();
  });

  it("has the sections in reading order: the patient's own (with the calendar) first, then the shared ones", () => {
    const doc = buildLeafletDoc(order(), catalog);
    expect(sectionIds(doc)).toEqual([
      "personal",
      "contacts",
      "calendar",
      "what",
      "howItWorks",
      "howToTake",
      "takingCapsules",
      "forgottenDose",
      "storing",
      "ppp",
      "sideEffects",
      "studies",
      "sources",
    ]);
    const shared = doc.body.flatMap((b) => (b.type === "section" && b.shared ? [b.id] : []));
    expect(shared).toEqual([
      "what",
      "howItWorks",
      "howToTake",
      "takingCapsules",
      "forgottenDose",
      "storing",
      "ppp",
      "sideEffects",
      "studies",
      "sources",
    ]);
    // The notes space closes the leaflet, in the shared part (laid out once, not per patient).
    expect(doc.body.at(-1)?.type).toBe("notes");
    expect(splitLeaflet(doc.body).shared.at(-1)?.type).toBe("notes");
  });

  it("never puts the patient's name in the document metadata", () => {
    const doc = buildLeafletDoc(order(), catalog);
    expect(doc.title).not.toContain("Snapshot");
    expect(doc.subject).not.toContain("Snapshot");
    expect(doc.header.patient).toContain("Snapshot Patiënt");
  });

  it("writes each cycle's dates in words and a grid of whole weeks", () => {
    const calendar = calendarOf(buildLeafletDoc(order(), catalog));
    expect(calendar.cycles.map((c) => c.title)).toEqual([
      "Cycle 1: 1 December 2026 – 28 December 2026",
      "Cycle 2: 29 December 2026 – 25 January 2027",
    ]);
    expect(calendar.cycles[0]?.lines).toEqual([
      "Take pomalidomide 4 mg once a day: 1 December 2026 – 21 December 2026",
      "Dexamethasone 40 mg: 1 December 2026, 8 December 2026, 15 December 2026 and 22 December 2026",
      "Rest days, no pomalidomide: 22 December 2026 – 28 December 2026",
    ]);
    // Weeks from Monday (en-GB): 1 December 2026 is a Tuesday, so Monday of the first week is blank and
    // 28 December (day 28, a Monday) starts a fifth week on its own.
    const weeks = calendar.cycles[0]?.weeks ?? [];
    expect(calendar.weekdays).toEqual([["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]]);
    expect(weeks.map((w) => w.days.map((d) => (d ? d.label.replace("Day ", "") : "-")).join(" "))).toEqual([
      "- 1 2 3 4 5 6",
      "7 8 9 10 11 12 13",
      "14 15 16 17 18 19 20",
      "21 22 23 24 25 26 27",
      "28 - - - - - -",
    ]);
    expect(weeks.map((w) => w.heading)).toEqual([
      "Tue 1 Dec – Sun 6 Dec",
      "Mon 7 Dec – Sun 13 Dec",
      "Mon 14 Dec – Sun 20 Dec",
      "Mon 21 Dec – Sun 27 Dec",
      "Mon 28 Dec",
    ]);
    const days = weeks.flatMap((w) => w.days.filter((d) => d !== null));
    expect(days).toHaveLength(28);
    expect(days[21]).toEqual({
      label: "Day 22",
      date: "Tue 22 Dec",
      rest: "rest day",
      doses: [{ symbol: "D", text: "40 mg" }],
    });
    expect(days[0]?.doses).toEqual([
      { symbol: "P", text: "4 mg" },
      { symbol: "D", text: "40 mg" },
    ]);
  });

  it("prints both dexamethasone doses, and when each applies, if the age is unknown", () => {
    const { dateOfBirth: _, ...withoutBirth } = order();
    const calendar = calendarOf(buildLeafletDoc(withoutBirth, catalog));
    expect(calendar.legend.map((k) => k.text)).toContain("Dexamethasone 40 mg, or 20 mg if you are older than 75");
    expect(calendar.cycles[0]?.weeks[0]?.days[1]?.doses).toContainEqual({ symbol: "D", text: "see key" });
  });

  it("shows only the PPP part of the patient's category", () => {
    const text = (category: string) => JSON.stringify(buildLeafletDoc(order({ pppCategory: category }), catalog));
    expect(text("woman-childbearing")).toContain("If you could become pregnant");
    expect(text("woman-childbearing")).not.toContain("If you are a man");
    expect(text("man")).toContain("If you are a man");
    expect(text("man")).not.toContain("If you could become pregnant");
    expect(text("woman-not-childbearing")).toContain("If you cannot become pregnant");
    expect(text("woman-not-childbearing")).not.toContain("If you are a man");
  });

  it("keeps markup-like patient values as literal text", () => {
    for (const name of ["<b>Jan</b>", "**Jan**", "{{Jan}}", 'Jan & "Piet"', "$t(common:drugs.bortezomib)"]) {
      const doc = buildLeafletDoc(order({ name }), catalog);
      const facts = doc.body.flatMap((b) => (b.type === "section" ? b.children : [])).find((b) => b.type === "facts");
      expect(facts?.type === "facts" && facts.items[0]?.value).toBe(name);
      expect(doc.header.patient).toBe(`For ${name} (SNAP-1)`);
    }
  });
});
