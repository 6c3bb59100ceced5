// Order validation: a valid order passes; every refusal names its field and says what is wrong;
// several problems are all reported at once. Fixed dates only: nothing here depends on today.
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import type { Regimen } from "../../src/regimen/regimenTypes.ts";
import { baseOrder, orderChecks } from "../helpers/orders.ts";

const catalog = loadCatalogOrThrow();

/** A valid pomalidomide order for pd-28 (4 mg, 3 cycles from 2026-12-01); tests spread and override it. */
function validOrder(): Record<string, unknown> {
  return { ...baseOrder(), patientId: "MRN-001234", name: "Zoë Çelik", dateOfBirth: "1961-03-14" };
}

const { problemsFor, expectOnlyProblem, expectAccepted } = orderChecks(catalog);

describe("validateOrder: a valid order", () => {
  it("is accepted with every field, the default brand and no contact overrides", () => {
    const result = validateOrder(validOrder(), catalog);
    expect(result).toStrictEqual({
      ok: true,
      // Every field as given (baseOrder's), and what validation adds: the default brand, no contact overrides.
      order: { ...validOrder(), brand: "default", contact: {} },
    });
  });

  it("is accepted for pvd-21 in Dutch with the brand named explicitly", () => {
    const order = expectAccepted({ ...validOrder(), regimen: "pvd-21", language: "nl", brand: "default" });
    expect(order?.regimen).toBe("pvd-21");
    expect(order?.language).toBe("nl");
    expect(order?.brand).toBe("default");
  });

  it("is accepted without a date of birth (optional), and the order has none", () => {
    const { dateOfBirth: _, ...withoutBirth } = validOrder();
    const order = expectAccepted(withoutBirth);
    expect(order).not.toHaveProperty("dateOfBirth");
  });

  it("NFC-normalises the name (a decomposed ë becomes the single character U+00EB)", () => {
    const decomposed = "Zoe\u0308 C\u0327elik";
    expect(decomposed).not.toBe("Zoë Çelik");
    const order = expectAccepted({ ...validOrder(), name: decomposed });
    expect(order?.name).toBe("Zoë Çelik");
    expect(order?.name).toBe("Zo\u00eb \u00c7elik");
  });

  it("trims spaces around the name", () => {
    expect(expectAccepted({ ...validOrder(), name: "  Zoë Çelik  " })?.name).toBe("Zoë Çelik");
  });

  for (const name of ["Zoë Çelik", "Łukasz", "Ğül", "İpek", "Zoë Çelik-Łukasz", "Ана Петрова"]) {
    it(`accepts the name "${name}" (Latin Extended / Cyrillic letters the fonts can print)`, () => {
      expect(expectAccepted({ ...validOrder(), name })?.name).toBe(name);
    });
  }

  it("accepts a name of exactly 100 characters", () => {
    expect(expectAccepted({ ...validOrder(), name: "A".repeat(100) })?.name).toHaveLength(100);
  });

  for (const doseMg of [1, 2, 3, 4]) {
    it(`accepts doseMg ${doseMg} (a pomalidomide capsule strength)`, () => {
      expect(expectAccepted({ ...validOrder(), doseMg })?.doseMg).toBe(doseMg);
    });
  }

  for (const cycles of [1, 12]) {
    it(`accepts cycles ${cycles}`, () => {
      expect(expectAccepted({ ...validOrder(), cycles })?.cycles).toBe(cycles);
    });
  }

  it("accepts a start date on 29 February of a leap year", () => {
    expect(expectAccepted({ ...validOrder(), startDate: "2028-02-29" })?.startDate).toBe("2028-02-29");
  });

  it("accepts a date of birth equal to the start date (age 0)", () => {
    expect(expectAccepted({ ...validOrder(), dateOfBirth: "2026-12-01" })?.dateOfBirth).toBe("2026-12-01");
  });

  it("accepts contact phone numbers and keeps them", () => {
    const order = expectAccepted({
      ...validOrder(),
      contact: { nurseLine: "+31 (0)20 123-4567", emergency: "020 555 0100" },
    });
    expect(order?.contact).toEqual({ nurseLine: "+31 (0)20 123-4567", emergency: "020 555 0100" });
  });

  it("accepts each PPP category", () => {
    for (const pppCategory of ["woman-childbearing", "woman-not-childbearing", "man"]) {
      expect(expectAccepted({ ...validOrder(), pppCategory })?.pppCategory).toBe(pppCategory);
    }
  });
});

describe("validateOrder: refusals against the catalog", () => {
  it("refuses an unknown drug → drug", () => {
    expectOnlyProblem({ ...validOrder(), drug: "aspirin" }, "drug", /unknown medicine "aspirin".*pomalidomide/);
  });

  it("refuses an unknown regimen → regimen", () => {
    expectOnlyProblem({ ...validOrder(), regimen: "pd-21" }, "regimen", /unknown regimen "pd-21".*pd-28, pvd-21/);
  });

  it("refuses an unknown language → language", () => {
    expectOnlyProblem({ ...validOrder(), language: "sv" }, "language", /unknown language "sv".*de, en, fr, nl, pl, tr/);
  });

  it("refuses an unknown brand → brand", () => {
    expectOnlyProblem({ ...validOrder(), brand: "acme" }, "brand", /unknown brand "acme".*default/);
  });

  it("refuses a regimen that is for another drug → regimen", () => {
    const pd28 = catalog.regimens.get("pd-28") as Regimen;
    const lenalidomideRegimen: Regimen = { ...pd28, id: "rd-28", drug: "lenalidomide" };
    const withOtherRegimen: Catalog = {
      ...catalog,
      regimens: new Map([...catalog.regimens, ["rd-28", lenalidomideRegimen]]),
    };
    expectOnlyProblem(
      { ...validOrder(), regimen: "rd-28" },
      "regimen",
      /"rd-28" is a regimen for lenalidomide, not pomalidomide \(regimens for pomalidomide: pd-28, pvd-21\)/,
      withOtherRegimen,
    );
  });
});

describe("validateOrder: refusals of dates", () => {
  it("never repeats a refused date in its message (a date of birth must not reach a terminal)", () => {
    for (const dateOfBirth of ["15-06-1950", "1950-02-30", "1900-01-01"]) {
      const result = validateOrder({ ...validOrder(), dateOfBirth }, catalog);
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result);
      expect(text).not.toContain(dateOfBirth);
      expect(text).not.toMatch(/1950|1900|126/);
    }
  });

  it("refuses startDate 2026-02-30 as not on the calendar → startDate", () => {
    expectOnlyProblem({ ...validOrder(), startDate: "2026-02-30" }, "startDate", /^is not a date on the calendar/);
  });

  it('refuses startDate "01-12-2026" as not written YYYY-MM-DD → startDate', () => {
    expectOnlyProblem({ ...validOrder(), startDate: "01-12-2026" }, "startDate", /must be written YYYY-MM-DD/);
  });

  it("refuses a startDate that is not text → startDate", () => {
    expectOnlyProblem({ ...validOrder(), startDate: 20261201 }, "startDate", /YYYY-MM-DD/);
  });

  it("refuses dateOfBirth 1961-02-29 (1961 is not a leap year) → dateOfBirth", () => {
    expectOnlyProblem({ ...validOrder(), dateOfBirth: "1961-02-29" }, "dateOfBirth", /^is not a date on the calendar/);
  });

  it('refuses dateOfBirth "14-03-1961" as not written YYYY-MM-DD → dateOfBirth', () => {
    expectOnlyProblem({ ...validOrder(), dateOfBirth: "14-03-1961" }, "dateOfBirth", /must be written YYYY-MM-DD/);
  });

  it("refuses a dateOfBirth giving an age over 120 at the start date → dateOfBirth", () => {
    expectOnlyProblem(
      { ...validOrder(), dateOfBirth: "1900-01-01" },
      "dateOfBirth",
      /gives an age over 120 at the start date/,
    );
  });

  it("refuses a dateOfBirth one day after the startDate → dateOfBirth", () => {
    expectOnlyProblem({ ...validOrder(), dateOfBirth: "2026-12-02" }, "dateOfBirth", /is after the start date/);
  });
});

describe("validateOrder: refusals of dose and cycles", () => {
  for (const doseMg of [5, 2.5]) {
    it(`refuses doseMg ${doseMg} (not a 1, 2, 3 or 4 mg capsule) → doseMg`, () => {
      expectOnlyProblem(
        { ...validOrder(), doseMg },
        "doseMg",
        new RegExp(
          `^${String(doseMg).replace(".", "\\.")} mg is not a pomalidomide strength; use 1, 2, 3 or 4 \\(mg\\)$`,
        ),
      );
    });
  }

  it("refuses doseMg given as text → doseMg", () => {
    expectOnlyProblem({ ...validOrder(), doseMg: "4" }, "doseMg", /must be a number of milligrams/);
  });

  it("refuses a missing doseMg for pomalidomide → doseMg", () => {
    const { doseMg: _, ...withoutDose } = validOrder();
    expectOnlyProblem(withoutDose, "doseMg", /is required for pomalidomide/);
  });

  for (const cycles of [0, 13, 1.5]) {
    it(`refuses cycles ${cycles} → cycles`, () => {
      expectOnlyProblem({ ...validOrder(), cycles }, "cycles", /must be a whole number from 1 to 12/);
    });
  }
});

describe("validateOrder: refusals of the pregnancy prevention category", () => {
  it("refuses a pomalidomide order without pppCategory → pppCategory", () => {
    const { pppCategory: _, ...withoutPpp } = validOrder();
    expectOnlyProblem(
      withoutPpp,
      "pppCategory",
      /is required for pomalidomide.*woman-childbearing, woman-not-childbearing or man/,
    );
  });

  it("refuses pppCategory null as missing → pppCategory", () => {
    expectOnlyProblem({ ...validOrder(), pppCategory: null }, "pppCategory", /is required for pomalidomide/);
  });

  it('refuses an invalid pppCategory ("woman") → pppCategory', () => {
    expectOnlyProblem(
      { ...validOrder(), pppCategory: "woman" },
      "pppCategory",
      /must be one of woman-childbearing, woman-not-childbearing, man/,
    );
  });
});

describe("validateOrder: refusals of the name", () => {
  it("refuses an empty name → name", () => {
    expectOnlyProblem({ ...validOrder(), name: "" }, "name", /is empty/);
  });

  it("refuses a whitespace-only name → name", () => {
    expectOnlyProblem({ ...validOrder(), name: "   \t " }, "name", /is empty/);
  });

  it("refuses a missing name → name", () => {
    const { name: _, ...withoutName } = validOrder();
    expectOnlyProblem(withoutName, "name", /is required/);
  });

  it("refuses a name of 101 characters → name", () => {
    expectOnlyProblem({ ...validOrder(), name: "A".repeat(101) }, "name", /is longer than 100 characters/);
  });

  it("refuses a name with a line break inside → name", () => {
    expectOnlyProblem({ ...validOrder(), name: "Zoë\nÇelik" }, "name", /contains 1 line break; .*refused/);
  });

  it("refuses a name with an invisible right-to-left mark (U+200F) → name", () => {
    expectOnlyProblem(
      { ...validOrder(), name: "Zoë\u200fÇelik" },
      "name",
      /contains 1 bidirectional control character/,
    );
  });

  it('refuses "漢" which the fonts cannot print → name', () => {
    expectOnlyProblem(
      { ...validOrder(), name: "Zoë 漢" },
      "name",
      /^contains 1 character in the CJK Unified Ideographs block, which the leaflet's fonts cannot print[^漢]*$/,
    );
  });

  it("refuses an emoji which the fonts cannot print → name", () => {
    expectOnlyProblem(
      { ...validOrder(), name: "Zoë 😀" },
      "name",
      /^contains 1 character in the Emoticons block, [^😀]*cannot print[^😀]*$/u,
    );
  });
});

describe("validateOrder: refusals of the patient id", () => {
  for (const patientId of ["../x", "a/b", "", ".hidden", "a\\b", "MRN-1\n", "x".repeat(65)]) {
    it(`refuses patientId ${JSON.stringify(patientId)} → patientId`, () => {
      expectOnlyProblem({ ...validOrder(), patientId }, "patientId", /must be 1–64 letters, digits/);
    });
  }

  it("accepts a patientId of 64 characters", () => {
    expect(expectAccepted({ ...validOrder(), patientId: "x".repeat(64) })?.patientId).toHaveLength(64);
  });
});

describe("validateOrder: refusals of the order's shape", () => {
  it("refuses an unknown extra field, naming it", () => {
    expectOnlyProblem({ ...validOrder(), notes: "allergic to penicillin" }, "notes", /is not an order field/);
  });

  for (const [label, input] of [
    ["an array", [validOrder()]],
    ["a string", JSON.stringify(validOrder())],
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
  ] as const) {
    it(`refuses ${label} as the order → (order)`, () => {
      expectOnlyProblem(input, "(order)", /must be a JSON object/);
    });
  }

  it("refuses a contact.nurseLine that is not a phone number → contact.nurseLine", () => {
    expectOnlyProblem(
      { ...validOrder(), contact: { nurseLine: "call the ward" } },
      "contact.nurseLine",
      /write a phone number with digits/,
    );
  });

  it("refuses a contact.emergency that is not a phone number → contact.emergency", () => {
    expectOnlyProblem({ ...validOrder(), contact: { emergency: "112!" } }, "contact.emergency", /phone number/);
  });
});

describe("validateOrder: several problems in one order", () => {
  it("reports every problem at once, each on its own field", () => {
    const problems = problemsFor({
      patientId: "../x",
      name: "",
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: 5,
      startDate: "2026-02-30",
      cycles: 13,
      language: "sv",
      brand: "acme",
      contact: { nurseLine: "call the ward" },
      extra: true,
    });
    expect(problems.map((p) => p.field).sort()).toEqual(
      [
        "brand",
        "contact.nurseLine",
        "cycles",
        "doseMg",
        "extra",
        "language",
        "name",
        "patientId",
        "pppCategory",
        "startDate",
      ].sort(),
    );
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
  });

  it("reports a missing required field together with an unknown drug and unprintable name", () => {
    const problems = problemsFor({
      patientId: "T-1",
      name: "漢",
      drug: "aspirin",
      regimen: "pd-28",
      startDate: "2026-12-01",
    });
    expect(problems.map((p) => p.field).sort()).toEqual(["drug", "language", "name"]);
  });

  it("reports the date of birth after the start date alongside a wrong dose", () => {
    const problems = problemsFor({ ...validOrder(), doseMg: 2.5, dateOfBirth: "2027-01-01" });
    expect(problems.map((p) => p.field).sort()).toEqual(["dateOfBirth", "doseMg"]);
  });
});
