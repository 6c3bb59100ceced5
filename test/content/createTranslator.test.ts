// The translator remembers its answers: a remembered answer must still follow the values it was asked
// with (names, dates, plural counts), and a missing text must be refused every time it is asked for.
import { describe, expect, test } from "vitest";
import type { LocaleBundle } from "../../src/catalog/loadLocales.ts";
import { createTranslator } from "../../src/content/createTranslator.ts";
import { MissingTranslationError } from "../../src/core/errors.ts";

function bundle(direction: "ltr" | "rtl" = "ltr"): LocaleBundle {
  return {
    language: "en",
    meta: { direction } as LocaleBundle["meta"],
    namespaces: {
      common: {
        title: "Your treatment",
        for: "For {{name}} ({{patientId}})",
        cycles_one: "{{count}} cycle",
        cycles_other: "{{count}} cycles",
      },
    },
    drugMeta: {},
    provenance: {},
  };
}

describe("translator", () => {
  test("the same key with other values gives the other text, however often it was asked before", () => {
    const t = createTranslator(bundle(), "common");
    expect(t("title")).toBe("Your treatment");
    expect(t("title")).toBe("Your treatment");
    expect(t("for", { name: "Ann", patientId: "P-1" })).toBe("For Ann (P-1)");
    expect(t("for", { name: "Bob", patientId: "P-1" })).toBe("For Bob (P-1)");
    expect(t("for", { name: "Ann", patientId: "P-2" })).toBe("For Ann (P-2)");
    expect(t("for", { name: "Ann", patientId: "P-1" })).toBe("For Ann (P-1)");
  });

  test("plural forms follow the count, and a number is not taken for the same string", () => {
    const t = createTranslator(bundle(), "common");
    expect(t("cycles", { count: 1 })).toBe("1 cycle");
    expect(t("cycles", { count: 3 })).toBe("3 cycles");
    expect(t("cycles", { count: 1 })).toBe("1 cycle");
    expect(t("for", { name: 12, patientId: "x" })).toBe("For 12 (x)");
    expect(t("for", { name: "12", patientId: "x" })).toBe("For 12 (x)");
  });

  test("a value that is not plain text or a number is answered afresh (not remembered)", () => {
    const t = createTranslator(bundle(), "common");
    const name = { toString: () => "Ann" };
    expect(t("for", { name, patientId: "P-1" })).toBe("For Ann (P-1)");
    name.toString = () => "Bob";
    expect(t("for", { name, patientId: "P-1" })).toBe("For Bob (P-1)");
  });

  test("a missing text is refused every time, not remembered as empty", () => {
    const t = createTranslator(bundle(), "common");
    expect(() => t("nowhere")).toThrow(MissingTranslationError);
    expect(() => t("nowhere")).toThrow(MissingTranslationError);
  });
});
