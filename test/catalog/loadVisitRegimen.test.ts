// Visit regimen files (kind: visits): the shipped imlygic.yaml loads with what CLINICAL.md says; each broken
// fixture (test/fixtures/regimens/visits/, one mistake each) is refused with a problem naming the file and the
// key a pharmacist has to fix.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { loadRegimen } from "../../src/catalog/loadRegimen.ts";
import type { ConfigProblem } from "../../src/core/configProblem.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/regimens/visits");
const SHIPPED = join(PROJECT_ROOT, "templates/regimens");

/** Load a broken fixture; it must be refused (no regimen) with exactly one problem, naming the file. */
function onlyProblem(name: string): ConfigProblem {
  const loaded = loadRegimen(join(FIXTURES, name));
  expect(loaded.regimen, `${name} must not load`).toBeUndefined();
  expect(loaded.problems, JSON.stringify(loaded.problems)).toHaveLength(1);
  const problem = loaded.problems[0] as ConfigProblem;
  expect(problem.file).toBe(`templates/regimens/${name}`);
  return problem;
}

describe("loadRegimen: the shipped imlygic.yaml", () => {
  const loaded = loadRegimen(join(SHIPPED, "imlygic.yaml"));

  it("loads with no problems as a visit regimen (kind visits) for the drug imlygic", () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.regimen?.kind).toBe("visits");
    expect(loaded.regimen?.id).toBe("imlygic");
    expect(loaded.regimen?.drug).toBe("imlygic");
  });

  it("visit 1 on the start date, 10⁶ PFU/mL (lower) up to 4 mL; visit 2 after 21 days, 10⁸ PFU/mL (higher) up to 4 mL", () => {
    const regimen = loaded.regimen;
    if (regimen?.kind !== "visits") throw new Error("imlygic.yaml is not a visit regimen");
    expect(regimen.visits).toStrictEqual([
      { afterDays: 0, strength: "10⁶ PFU/mL", level: "lower", maxVolumeMl: 4 },
      { afterDays: 21, strength: "10⁸ PFU/mL", level: "higher", maxVolumeMl: 4 },
    ]);
  });

  it("then every 14 days at 10⁸ PFU/mL (higher), with no most volume", () => {
    const regimen = loaded.regimen;
    if (regimen?.kind !== "visits") throw new Error("imlygic.yaml is not a visit regimen");
    expect(regimen.repeat).toStrictEqual({ everyDays: 14, strength: "10⁸ PFU/mL", level: "higher" });
  });

  it("names its sources (the EMA EPAR summary and SmPC section 4.2) for a pharmacist to check", () => {
    expect(loaded.regimen?.source).toMatch(/EMA EPAR summary Imlygic/);
    expect(loaded.regimen?.source).toMatch(/SmPC section 4\.2/);
  });

  it("a correct visit fixture of the same shape loads (so the broken ones fail for their one mistake)", () => {
    const valid = loadRegimen(join(FIXTURES, "valid-visits.yaml"));
    expect(valid.problems).toEqual([]);
    expect(valid.regimen?.kind).toBe("visits");
  });
});

describe("loadRegimen: broken visit regimens are refused with the file and key named", () => {
  it("a first visit not on the start date (afterDays 7) → visits.0.afterDays", () => {
    const problem = onlyProblem("first-visit-not-day-0.yaml");
    expect(problem.key).toBe("visits.0.afterDays");
    expect(problem.message).toBe("the first visit is on the start date: afterDays 0");
  });

  it("a later visit on the same day as the one before (afterDays 0) → visits.1.afterDays", () => {
    const problem = onlyProblem("later-visit-day-0.yaml");
    expect(problem.key).toBe("visits.1.afterDays");
    expect(problem.message).toBe("a later visit must come at least 1 day after the previous one");
  });

  it('an unknown level ("highest") → visits.1.level, naming lower and higher', () => {
    const problem = onlyProblem("unknown-level.yaml");
    expect(problem.key).toBe("visits.1.level");
    expect(problem.message).toMatch(/"lower"/);
    expect(problem.message).toMatch(/"higher"/);
  });

  it("no repeat → repeat", () => {
    const problem = onlyProblem("missing-repeat.yaml");
    expect(problem.key).toBe("repeat");
    expect(problem.message).toMatch(/expected object, received undefined/);
  });

  it("a misspelt key in a visit (maxVolumeML) → visits.0, naming the misspelt key", () => {
    const problem = onlyProblem("misspelt-key.yaml");
    expect(problem.key).toBe("visits.0");
    expect(problem.message).toMatch(/Unrecognized key/);
    expect(problem.message).toContain('"maxVolumeML"');
  });

  it("a misspelt top-level key (repeats) → the missing repeat and the unknown key, both for the file", () => {
    const name = "misspelt-repeat-key.yaml";
    const loaded = loadRegimen(join(FIXTURES, name));
    expect(loaded.regimen).toBeUndefined();
    expect(loaded.problems.every((p) => p.file === `templates/regimens/${name}`)).toBe(true);
    expect(loaded.problems.map((p) => p.key).sort()).toEqual(["", "repeat"]);
    const unknown = loaded.problems.find((p) => p.key === "");
    expect(unknown?.message).toMatch(/Unrecognized key/);
    expect(unknown?.message).toContain('"repeats"');
  });
});
