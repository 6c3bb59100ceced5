// Hostile orders through the path every entry point shares (strict JSON → validateOrder), in process: each
// is refused naming its field, with no name or date of birth in any message. Then the date edges, looped
// property-style over fixed windows: no date reaches an internal error, and the window is in the message.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { parseOrderJson } from "../../src/input/parseOrderJson.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildSchedule } from "../../src/regimen/buildSchedule.ts";
import { seededRandom } from "../helpers/seededRandom.ts";
import { HOSTILE_ORDERS, leaksSecret, SECRET_NAME, secretOrder } from "./hostileInputs.ts";

let catalog: Catalog;
beforeAll(() => {
  catalog = loadCatalogOrThrow();
});

function problemsOf(bytes: Buffer) {
  const parsed = parseOrderJson(bytes, "the order file");
  if (!parsed.ok) return parsed.problems;
  const validation = validateOrder(parsed.fields, catalog);
  return validation.ok ? [] : validation.problems;
}

describe("hostile orders are refused, naming the field, never the patient's data", () => {
  it("the planted order itself is valid (so each refusal comes from its one change)", () => {
    expect(problemsOf(Buffer.from(JSON.stringify(secretOrder())))).toEqual([]);
  });

  for (const { title, bytes, field, message } of HOSTILE_ORDERS) {
    it(title, () => {
      const problems = problemsOf(bytes);
      expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
      const named = problems.find((p) => p.field === field);
      expect(named, JSON.stringify(problems)).toBeDefined();
      expect(named?.message).toMatch(message);
      expect(leaksSecret(JSON.stringify(problems)), JSON.stringify(problems)).toBe(false);
    });
  }

  it("a duplicate key names both lines, and JSON.parse's last-value-wins never decides the dose", () => {
    const text = `{\n"doseMg": 4,\n${JSON.stringify(secretOrder())
      .slice(1, -1)
      .replace(/"doseMg":4,/, "")},\n"doseMg": 3\n}`;
    const parsed = parseOrderJson(Buffer.from(text), "the order file");
    expect(parsed).toEqual({
      ok: false,
      problems: [{ field: "doseMg", message: "is given twice (lines 2 and 4); keep one" }],
    });
  });

  it("'__proto__' from JSON is an own field, refused by name, and never becomes the prototype", () => {
    const parsed = parseOrderJson(Buffer.from('{"__proto__":{"patientId":"X"}}'), "the body");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.getPrototypeOf(parsed.fields)).toBe(Object.prototype);
    expect(Object.keys(parsed.fields)).toEqual(["__proto__"]);
    expect((parsed.fields as { patientId?: unknown }).patientId).toBeUndefined();
  });

  it("a field inherited from Object.prototype is not taken for a missing field", () => {
    const order = secretOrder({ brand: undefined });
    const polluted = Object.create({ brand: "nonexistent" }) as Record<string, unknown>;
    Object.assign(polluted, order);
    const validation = validateOrder(polluted, catalog);
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(validation.order.brand).toBe("default");
  });

  it("a name with 王小明 says how many characters of which block, in every problem, without them", () => {
    const validation = validateOrder(secretOrder({ name: "王小明" }), catalog);
    expect(validation.ok).toBe(false);
    const text = JSON.stringify(validation);
    for (const char of "王小明") expect(text).not.toContain(char);
    expect(text).not.toMatch(/U\+[0-9A-F]{4}/);
    expect(text).toContain("3 characters in the CJK Unified Ideographs block");
  });
});

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("every date edge: refused on its field with the window, or valid, never an internal error", () => {
  const edges = [
    "0000-01-01",
    "0001-01-01",
    "1000-12-31",
    "1899-12-31",
    "1900-01-01",
    "1999-12-31",
    "2000-01-01",
    "2000-02-29",
    "2024-02-29",
    "2025-02-29",
    "2099-12-31",
    "2100-01-01",
    "2100-02-29",
    "9999-12-31",
    "2026-00-10",
    "2026-13-01",
    "2026-12-00",
    "2026-12-32",
    "2026-04-31",
  ];
  const rand = seededRandom(21);
  const dates = [...edges];
  for (let i = 0; i < 400; i++) {
    const year = Math.floor(rand() * 10_000);
    dates.push(`${pad(year, 4)}-${pad(Math.floor(rand() * 14), 2)}-${pad(Math.floor(rand() * 33), 2)}`);
  }

  it(`${dates.length} start dates with 1–12 cycles: each refused on startDate or scheduled without throwing`, () => {
    for (const [index, startDate] of dates.entries()) {
      const cycles = 1 + (index % 12);
      const validation = validateOrder(secretOrder({ startDate, cycles, dateOfBirth: undefined }), catalog);
      if (!validation.ok) {
        expect(
          validation.problems.map((p) => p.field),
          startDate,
        ).toEqual(["startDate"]);
        const year = Number(startDate.slice(0, 4));
        const message = validation.problems[0]?.message ?? "";
        if (year < 2000 || year > 2099)
          expect(message).toMatch(/not a date on the calendar|from 2000-01-01 to 2099-12-31/);
        continue;
      }
      const regimen = catalog.regimens.get("pd-28");
      if (regimen?.kind !== "cycles") throw new Error("pd-28 is a cycle regimen");
      expect(() => buildSchedule({ regimen, startDate: validation.order.startDate, cycles, doseMg: 4 })).not.toThrow();
    }
  });

  it(`${dates.length} dates of birth: refused on dateOfBirth with the window, or valid`, () => {
    for (const dateOfBirth of dates) {
      const validation = validateOrder(secretOrder({ dateOfBirth, startDate: "2099-12-31" }), catalog);
      if (validation.ok) continue;
      expect(
        validation.problems.map((p) => p.field),
        dateOfBirth,
      ).toEqual(["dateOfBirth"]);
      const year = Number(dateOfBirth.slice(0, 4));
      if (year < 1900 || year > 2099)
        expect(validation.problems[0]?.message).toMatch(/from 1900-01-01 to 2099-12-31|not a date/);
    }
  });

  it("the far-future order of the report (9999-06-01, 12 cycles) is refused on startDate, not an internal error", () => {
    const validation = validateOrder(secretOrder({ startDate: "9999-06-01", cycles: 12 }), catalog);
    expect(validation).toEqual({
      ok: false,
      problems: [{ field: "startDate", message: "must be a date from 2000-01-01 to 2099-12-31" }],
    });
  });

  it("the name never appears in a date problem", () => {
    const validation = validateOrder(secretOrder({ startDate: "9999-06-01" }), catalog);
    expect(JSON.stringify(validation)).not.toContain(SECRET_NAME);
  });
});
