// Regimen files: the shipped ones load cleanly; each broken fixture (test/fixtures/regimens/, one rule each)
// is refused with a problem that names the file and the key a pharmacist has to fix.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalog, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { loadRegimen } from "../../src/catalog/loadRegimen.ts";
import type { ConfigProblem } from "../../src/core/configProblem.ts";
import type { CycleRegimen } from "../../src/regimen/regimenTypes.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/regimens");
const SHIPPED = join(PROJECT_ROOT, "templates/regimens");

/** Load a broken fixture; it must be refused (no regimen) with exactly one problem. */
function onlyProblem(name: string): ConfigProblem {
  const loaded = loadRegimen(join(FIXTURES, name));
  expect(loaded.regimen, `${name} must not load`).toBeUndefined();
  expect(loaded.problems, JSON.stringify(loaded.problems)).toHaveLength(1);
  return loaded.problems[0] as ConfigProblem;
}

/** The problem names the regimen file (as the catalog reports it, under templates/regimens/). */
function expectNamesFile(problem: ConfigProblem, name: string) {
  expect(problem.file).toBe(`templates/regimens/${name}`);
}

/** A shipped cycle regimen, loaded from its file (undefined if it is not one). */
function cycleRegimen(path: string): CycleRegimen | undefined {
  const { regimen } = loadRegimen(path);
  return regimen?.kind === "cycles" ? regimen : undefined;
}

describe("loadRegimen: the shipped regimens", () => {
  it("pd-28.yaml loads with no problems", () => {
    const loaded = loadRegimen(join(SHIPPED, "pd-28.yaml"));
    expect(loaded.problems).toEqual([]);
    expect(loaded.regimen?.id).toBe("pd-28");
  });

  it("pvd-21.yaml loads with no problems", () => {
    const loaded = loadRegimen(join(SHIPPED, "pvd-21.yaml"));
    expect(loaded.problems).toEqual([]);
    expect(loaded.regimen?.id).toBe("pvd-21");
  });

  it("the whole shipped catalog loads with no problems", () => {
    expect(loadCatalog().problems).toEqual([]);
  });

  it("pd-28 expands to pomalidomide days 1–21 and dexamethasone days 1, 8, 15, 22 from cycle 1 on", () => {
    const regimen = cycleRegimen(join(SHIPPED, "pd-28.yaml"));
    expect(regimen?.drug).toBe("pomalidomide");
    expect(regimen?.cycleDays).toBe(28);
    expect(regimen?.source).toMatch(/Imnovid SmPC section 4\.2/);
    expect(regimen?.components.map((c) => [c.drug, c.phases])).toEqual([
      ["pomalidomide", [{ fromCycle: 1, days: Array.from({ length: 21 }, (_, i) => i + 1) }]],
      ["dexamethasone", [{ fromCycle: 1, days: [1, 8, 15, 22] }]],
    ]);
  });

  it("pd-28 keeps the dose rules: pomalidomide from the order (1, 2, 3, 4 mg), dexamethasone 40 mg or 20 mg over 75", () => {
    const regimen = cycleRegimen(join(SHIPPED, "pd-28.yaml"));
    expect(regimen?.components.map((c) => c.dose)).toEqual([
      { fromOrder: "doseMg", unit: "mg", allowed: [1, 2, 3, 4] },
      { amount: 40, unit: "mg", reduced: { olderThan: 75, amount: 20 } },
    ]);
  });

  it("pvd-21 expands its by-cycle phases: cycles 1–8, then 9 onwards", () => {
    const regimen = cycleRegimen(join(SHIPPED, "pvd-21.yaml"));
    expect(regimen?.cycleDays).toBe(21);
    expect(regimen?.components.map((c) => [c.drug, c.phases])).toEqual([
      ["pomalidomide", [{ fromCycle: 1, days: Array.from({ length: 14 }, (_, i) => i + 1) }]],
      [
        "bortezomib",
        [
          { fromCycle: 1, toCycle: 8, days: [1, 4, 8, 11] },
          { fromCycle: 9, days: [1, 8] },
        ],
      ],
      [
        "dexamethasone",
        [
          { fromCycle: 1, toCycle: 8, days: [1, 2, 4, 5, 8, 9, 11, 12] },
          { fromCycle: 9, days: [1, 2, 8, 9] },
        ],
      ],
    ]);
  });
});

describe("loadRegimen: broken files are refused with the file and key named", () => {
  it("a day outside the cycle (day 29 of 28) → components.1.days", () => {
    const problem = onlyProblem("day-outside-cycle.yaml");
    expectNamesFile(problem, "day-outside-cycle.yaml");
    expect(problem.key).toBe("components.1.days");
    expect(problem.message).toBe("day 29 is outside the 28-day cycle");
  });

  it("a day listed twice → components.1.days", () => {
    const problem = onlyProblem("duplicated-day.yaml");
    expectNamesFile(problem, "duplicated-day.yaml");
    expect(problem.key).toBe("components.1.days");
    expect(problem.message).toBe("a day is listed twice");
  });

  it('byCycle with a gap ("1-8" then "10-") → components.1.byCycle.1', () => {
    const problem = onlyProblem("bycycle-gap.yaml");
    expectNamesFile(problem, "bycycle-gap.yaml");
    expect(problem.key).toBe("components.1.byCycle.1");
    expect(problem.message).toMatch(/continue from cycle 9 without gaps/);
  });

  it('byCycle whose last range is not open-ended ("9-12") → components.1.byCycle.1', () => {
    const problem = onlyProblem("last-range-closed.yaml");
    expectNamesFile(problem, "last-range-closed.yaml");
    expect(problem.key).toBe("components.1.byCycle.1");
    expect(problem.message).toMatch(/last range must be open-ended/);
  });

  it('byCycle with one single range that is not open-ended ("1-8") → components.1.byCycle.0', () => {
    const problem = onlyProblem("single-range-closed.yaml");
    expectNamesFile(problem, "single-range-closed.yaml");
    expect(problem.key).toBe("components.1.byCycle.0");
    expect(problem.message).toMatch(/last range must be open-ended/);
  });

  it("both days and byCycle on one component → components.1", () => {
    const problem = onlyProblem("days-and-bycycle.yaml");
    expectNamesFile(problem, "days-and-bycycle.yaml");
    expect(problem.key).toBe("components.1");
    expect(problem.message).toMatch(/either `days`.*or `byCycle`, not both/);
  });

  it("a dose taken from the order without `allowed` strengths → components.0.dose", () => {
    const problem = onlyProblem("from-order-without-allowed.yaml");
    expectNamesFile(problem, "from-order-without-allowed.yaml");
    expect(problem.key).toBe("components.0.dose");
    expect(problem.message).toMatch(/needs the list of `allowed` strengths/);
  });

  it("no source → source", () => {
    const problem = onlyProblem("missing-source.yaml");
    expectNamesFile(problem, "missing-source.yaml");
    expect(problem.key).toBe("source");
    expect(problem.message).toMatch(/expected string, received undefined/);
  });

  it("an id that does not match the file name → id", () => {
    const problem = onlyProblem("id-mismatch.yaml");
    expectNamesFile(problem, "id-mismatch.yaml");
    expect(problem.key).toBe("id");
    expect(problem.message).toBe('the id "pd-28" must match the file name');
  });

  it("no component for the regimen's own drug → components", () => {
    const problem = onlyProblem("no-own-drug.yaml");
    expectNamesFile(problem, "no-own-drug.yaml");
    expect(problem.key).toBe("components");
    expect(problem.message).toBe('no component for the regimen\'s own drug "pomalidomide"');
  });

  it("a file that is not readable YAML (a key given twice) → the whole file (empty key)", () => {
    const problem = onlyProblem("not-yaml.yaml");
    expectNamesFile(problem, "not-yaml.yaml");
    expect(problem.key).toBe("");
    expect(problem.message).toMatch(/^not readable YAML: Map keys must be unique/);
  });
});
