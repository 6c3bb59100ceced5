// Order validation for Imlygic (a visit regimen): the order field `months` (whole number 1–24, default 6 from
// templates/drugs/imlygic.yaml); doseMg, cycles and pppCategory do not apply to it; months does not apply to
// pomalidomide; drug and regimen must belong together. Fixed dates only: nothing here depends on today.
import { describe, expect, it } from "vitest";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { baseOrder, type OrderInput, orderChecks } from "../helpers/orders.ts";

const catalog = loadCatalogOrThrow();

/** A valid Imlygic order with only the required fields; tests spread and override it. */
function imlygicOrder(): OrderInput {
  return {
    patientId: "MRN-004242",
    name: "Zoë Çelik",
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-11-24",
    language: "en",
  };
}

const { problemsFor, expectOnlyProblem, expectAccepted } = orderChecks(catalog);

describe("validateOrder: a valid Imlygic order", () => {
  it("is accepted with months 6 by default, the default brand and no contact overrides", () => {
    expect(validateOrder(imlygicOrder(), catalog)).toStrictEqual({
      ok: true,
      order: {
        patientId: "MRN-004242",
        name: "Zoë Çelik",
        drug: "imlygic",
        regimen: "imlygic",
        startDate: "2026-11-24",
        months: 6,
        language: "en",
        brand: "default",
        contact: {},
      },
    });
  });

  it("has no doseMg, cycles or pppCategory in the accepted order", () => {
    const order = expectAccepted(imlygicOrder());
    expect(order).not.toHaveProperty("doseMg");
    expect(order).not.toHaveProperty("cycles");
    expect(order).not.toHaveProperty("pppCategory");
  });

  it("months null counts as left out: the default 6", () => {
    expect(expectAccepted({ ...imlygicOrder(), months: null }).months).toBe(6);
  });

  for (const months of [1, 6, 12, 24]) {
    it(`keeps months ${months}`, () => {
      expect(expectAccepted({ ...imlygicOrder(), months }).months).toBe(months);
    });
  }

  it("is accepted in Dutch with a date of birth", () => {
    const order = expectAccepted({ ...imlygicOrder(), language: "nl", dateOfBirth: "1958-07-02" });
    expect(order.language).toBe("nl");
    expect(order.dateOfBirth).toBe("1958-07-02");
    expect(order.months).toBe(6);
  });

  it("a pomalidomide order gets no months (no default for a cycle regimen)", () => {
    expect(expectAccepted(baseOrder())).not.toHaveProperty("months");
  });
});

describe("validateOrder: refusals of months", () => {
  const cases: [string, unknown, RegExp][] = [
    ["0", 0, /whole number from 1 to 24/],
    ["25", 25, /whole number from 1 to 24/],
    ["1.5", 1.5, /whole number from 1 to 24/],
    ['"6" (text)', "6", /must be a whole number of months/],
    ["-1", -1, /whole number from 1 to 24/],
  ];
  for (const [label, months, message] of cases) {
    it(`months ${label} is refused on the field months`, () => {
      expectOnlyProblem({ ...imlygicOrder(), months }, "months", message);
    });
  }

  it("months given for pomalidomide is refused on the field months: it does not apply", () => {
    expectOnlyProblem({ ...baseOrder(), months: 6 }, "months", /^does not apply to pomalidomide\b.*leave it out$/);
  });

  it("the pomalidomide refusal says which medicine months is for (imlygic)", () => {
    const [problem] = problemsFor({ ...baseOrder(), months: 6 });
    expect(problem?.message).toMatch(/it is for imlygic/);
  });
});

describe("validateOrder: pomalidomide fields given for Imlygic are refused, naming the field", () => {
  const fields: [string, unknown][] = [
    ["pppCategory", "woman-childbearing"],
    ["doseMg", 4],
    ["cycles", 3],
  ];
  for (const [field, value] of fields) {
    it(`${field} does not apply to imlygic`, () => {
      expectOnlyProblem({ ...imlygicOrder(), [field]: value }, field, /^does not apply to imlygic\b.*leave it out$/);
    });
  }

  it("the refusal says which medicine the field is for (pomalidomide)", () => {
    const [problem] = problemsFor({ ...imlygicOrder(), pppCategory: "man" });
    expect(problem?.message).toBe("does not apply to imlygic (it is for pomalidomide); leave it out");
  });
});

describe("validateOrder: the regimen must belong to the medicine", () => {
  it('regimen "imlygic" with drug "pomalidomide" is refused on the field regimen', () => {
    expectOnlyProblem(
      { ...baseOrder(), regimen: "imlygic" },
      "regimen",
      /^"imlygic" is a regimen for imlygic, not pomalidomide \(regimens for pomalidomide: pd-28, pvd-21\)$/,
    );
  });

  it('regimen "pd-28" with drug "imlygic" is refused on the field regimen', () => {
    expectOnlyProblem(
      { ...imlygicOrder(), regimen: "pd-28" },
      "regimen",
      /^"pd-28" is a regimen for pomalidomide, not imlygic \(regimens for imlygic: imlygic\)$/,
    );
  });

  it('regimen "pvd-21" with drug "imlygic" is refused on the field regimen', () => {
    expectOnlyProblem(
      { ...imlygicOrder(), regimen: "pvd-21" },
      "regimen",
      /is a regimen for pomalidomide, not imlygic/,
    );
  });
});

describe("validateOrder: several problems in one Imlygic order are all reported together", () => {
  it("months 0, doseMg, cycles, pppCategory and a pomalidomide regimen: five problems, one per field", () => {
    const problems = problemsFor({
      ...imlygicOrder(),
      regimen: "pd-28",
      months: 0,
      doseMg: 4,
      cycles: 3,
      pppCategory: "man",
    });
    expect(problems.map((p) => p.field).sort()).toEqual(["cycles", "doseMg", "months", "pppCategory", "regimen"]);
    const on = (field: string) => problems.find((p) => p.field === field)?.message;
    expect(on("months")).toMatch(/whole number from 1 to 24/);
    expect(on("regimen")).toMatch(/"pd-28" is a regimen for pomalidomide, not imlygic/);
    for (const field of ["doseMg", "cycles", "pppCategory"]) expect(on(field)).toMatch(/does not apply to imlygic/);
  });

  it("a missing start date and months 1.5 are reported together", () => {
    const { startDate: _, ...withoutStart } = imlygicOrder();
    const problems = problemsFor({ ...withoutStart, months: 1.5 });
    expect(problems.map((p) => p.field).sort()).toEqual(["months", "startDate"]);
  });
});
