// Canvas text (facts table, page frame) is broken at spaces; a word wider than its cell is broken between
// letters with a hyphen, never silently. The German leaflet's facts labels fit their column whole.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/catalog/loadCatalog.ts";
import { measure, wrap } from "../../../src/render/text/canvasText.ts";
import { prepareFonts } from "../../../src/render/text/fontSetup.ts";

beforeAll(() => prepareFonts());

const style = { size: 11, bold: true };
/** The facts table's label column on A4 (a third of the 462 pt measure, less nothing). */
const LABEL_WIDTH = 462 * 0.34;

describe("wrap", () => {
  it("breaks at spaces while the words fit", () => {
    expect(wrap("Verhütung einer Schwangerschaft", LABEL_WIDTH, style)).toEqual(["Verhütung einer", "Schwangerschaft"]);
  });

  it("breaks a word wider than the cell with a hyphen at each break, every piece within the width", () => {
    const lines = wrap("Schwangerschaftsverhütung", 100, style);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("").replaceAll("-", "")).toBe("Schwangerschaftsverhütung");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/[^-]-$/);
    for (const line of lines) expect(measure(line, style)).toBeLessThanOrEqual(100);
  });

  it("every German facts label fits its column without breaking a word", () => {
    const common = JSON.parse(readFileSync(join(PROJECT_ROOT, "locales/de/common.json"), "utf8")) as {
      personal: Record<string, string>;
    };
    for (const [key, label] of Object.entries(common.personal)) {
      if (label.includes("{{")) continue;
      // Broken at spaces only: the lines joined by spaces give the label back.
      expect(wrap(label, LABEL_WIDTH, style).join(" "), key).toBe(label);
    }
  });
});
