// The regimen engine: every date and dose on a printed calendar comes from buildSchedule.
// Regimens are the shipped ones (templates/regimens/*.yaml); expected values come from /work/shared/CLINICAL.md.
// Fixed start dates only: nothing here depends on today.
import { describe, expect, it } from "vitest";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { type IsoDate, parseIsoDate } from "../../src/core/dates.ts";
import { buildSchedule } from "../../src/regimen/buildSchedule.ts";
import type {
  CycleRegimen,
  Schedule,
  ScheduleDay,
  ScheduledCycle,
  ScheduledDose,
} from "../../src/regimen/regimenTypes.ts";

const catalog = loadCatalogOrThrow();

function regimen(id: string): CycleRegimen {
  const found = catalog.regimens.get(id);
  if (found?.kind !== "cycles") throw new Error(`cycle regimen ${id} is not in the catalog`);
  return found;
}

function date(text: string): IsoDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`test date ${text} is not valid`);
  return parsed;
}

const DAY_MS = 86_400_000;
/** Midnight UTC of a YYYY-MM-DD text, computed here independently of src/core/dates.ts. */
const utcMs = (text: string) => Date.parse(`${text}T00:00:00Z`);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function cycle(schedule: Schedule, number: number): ScheduledCycle {
  const found = schedule.cycles.find((c) => c.number === number);
  if (!found) throw new Error(`no cycle ${number}`);
  return found;
}

function day(c: ScheduledCycle, cycleDay: number): ScheduleDay {
  const found = c.days.find((d) => d.cycleDay === cycleDay);
  if (!found) throw new Error(`no day ${cycleDay} in cycle ${c.number}`);
  return found;
}

/** The cycle days on which `drug` is taken in cycle `c`. */
function daysWith(c: ScheduledCycle, drug: string): number[] {
  return c.days.filter((d) => d.doses.some((dose) => dose.drug === drug)).map((d) => d.cycleDay);
}

/** Every dose of `drug` in the whole schedule. */
function dosesOf(schedule: Schedule, drug: string): ScheduledDose[] {
  return schedule.cycles.flatMap((c) => c.days.flatMap((d) => d.doses.filter((dose) => dose.drug === drug)));
}

function allDays(schedule: Schedule): ScheduleDay[] {
  return schedule.cycles.flatMap((c) => c.days);
}

describe("buildSchedule: pd-28 (pomalidomide days 1–21, dexamethasone days 1, 8, 15, 22)", () => {
  const schedule = buildSchedule({
    regimen: regimen("pd-28"),
    startDate: date("2026-12-01"),
    cycles: 3,
    doseMg: 3,
    ageAtStart: 65,
  });

  it("names the regimen, the drug, the cycle length and the age", () => {
    expect(schedule.regimenId).toBe("pd-28");
    expect(schedule.drug).toBe("pomalidomide");
    expect(schedule.cycleDays).toBe(28);
    expect(schedule.ageAtStart).toBe(65);
  });

  it("has exactly the 3 cycles asked for, numbered 1 to 3", () => {
    expect(schedule.cycles.map((c) => c.number)).toEqual([1, 2, 3]);
  });

  it("dates the cycles 2026-12-01..12-28, 2026-12-29..2027-01-25 (across the year end), 2027-01-26..02-22", () => {
    expect(schedule.cycles.map((c) => [c.startDate, c.endDate])).toEqual([
      ["2026-12-01", "2026-12-28"],
      ["2026-12-29", "2027-01-25"],
      ["2027-01-26", "2027-02-22"],
    ]);
  });

  it("gives every cycle 28 days, numbered 1 to 28 in order", () => {
    for (const c of schedule.cycles) expect(c.days.map((d) => d.cycleDay)).toEqual(range(1, 28));
  });

  it("dates every day of cycle 2 correctly across the year end", () => {
    const expected = [
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      ...range(1, 25).map((n) => `2027-01-${String(n).padStart(2, "0")}`),
    ];
    expect(cycle(schedule, 2).days.map((d) => d.date)).toEqual(expected);
  });

  it("starts and ends each cycle on its first and last day's date", () => {
    for (const c of schedule.cycles) {
      expect(day(c, 1).date).toBe(c.startDate);
      expect(day(c, 28).date).toBe(c.endDate);
    }
  });

  it("puts pomalidomide on days 1–21 only, in every cycle", () => {
    for (const c of schedule.cycles) expect(daysWith(c, "pomalidomide")).toEqual(range(1, 21));
  });

  it("gives pomalidomide the order's dose (3 mg) as the primary medicine", () => {
    const doses = dosesOf(schedule, "pomalidomide");
    expect(doses).toHaveLength(3 * 21);
    for (const dose of doses)
      expect(dose).toStrictEqual({ drug: "pomalidomide", role: "primary", amount: 3, unit: "mg" });
  });

  it("takes the pomalidomide amount from doseMg, whatever strength is ordered", () => {
    for (const doseMg of [1, 2, 4]) {
      const s = buildSchedule({ regimen: regimen("pd-28"), startDate: date("2026-12-01"), cycles: 1, doseMg });
      expect(new Set(dosesOf(s, "pomalidomide").map((d) => d.amount))).toEqual(new Set([doseMg]));
    }
  });

  it("refuses to build a pomalidomide schedule without doseMg", () => {
    expect(() => buildSchedule({ regimen: regimen("pd-28"), startDate: date("2026-12-01"), cycles: 1 })).toThrow(
      /pomalidomide needs doseMg/,
    );
  });

  it("puts dexamethasone on exactly days 1, 8, 15 and 22, in every cycle", () => {
    for (const c of schedule.cycles) expect(daysWith(c, "dexamethasone")).toEqual([1, 8, 15, 22]);
  });

  it("gives dexamethasone 40 mg as a partner drug (age 65)", () => {
    const doses = dosesOf(schedule, "dexamethasone");
    expect(doses).toHaveLength(3 * 4);
    for (const dose of doses) {
      expect(dose).toStrictEqual({ drug: "dexamethasone", role: "partner", amount: 40, unit: "mg" });
    }
  });

  it("lists pomalidomide and dexamethasone together on day 1 and nothing else", () => {
    expect(day(cycle(schedule, 1), 1).doses).toStrictEqual([
      { drug: "pomalidomide", role: "primary", amount: 3, unit: "mg" },
      { drug: "dexamethasone", role: "partner", amount: 40, unit: "mg" },
    ]);
  });

  it("flags days 22–28 as rest days and days 1–21 as treatment days", () => {
    for (const c of schedule.cycles) {
      expect(c.days.filter((d) => d.rest).map((d) => d.cycleDay)).toEqual(range(22, 28));
    }
  });

  it("keeps day 22 a rest day for pomalidomide although dexamethasone is taken that day", () => {
    const day22 = day(cycle(schedule, 2), 22);
    expect(day22.date).toBe("2027-01-19");
    expect(day22.rest).toBe(true);
    expect(day22.doses).toStrictEqual([{ drug: "dexamethasone", role: "partner", amount: 40, unit: "mg" }]);
  });

  it("has no doses at all on days 23–28", () => {
    for (const c of schedule.cycles) {
      for (const n of range(23, 28)) expect(day(c, n).doses).toEqual([]);
    }
  });
});

describe("buildSchedule: a cycle containing 29 February 2028", () => {
  const schedule = buildSchedule({
    regimen: regimen("pd-28"),
    startDate: date("2028-02-10"),
    cycles: 1,
    doseMg: 4,
  });
  const c = cycle(schedule, 1);

  it("dates day 19 on 28 February, day 20 on 29 February and day 21 on 1 March", () => {
    expect(day(c, 19).date).toBe("2028-02-28");
    expect(day(c, 20).date).toBe("2028-02-29");
    expect(day(c, 21).date).toBe("2028-03-01");
  });

  it("keeps 29 February as a pomalidomide day (day 20 of 1–21)", () => {
    expect(day(c, 20).rest).toBe(false);
    expect(day(c, 20).doses.map((d) => d.drug)).toEqual(["pomalidomide"]);
  });

  it("ends the cycle on 2028-03-08 (28 days, leap day counted)", () => {
    expect(c.startDate).toBe("2028-02-10");
    expect(c.endDate).toBe("2028-03-08");
  });

  it("has 28 distinct dates with no gap and no duplicate", () => {
    const dates = c.days.map((d) => d.date);
    expect(new Set(dates).size).toBe(28);
    for (let i = 1; i < dates.length; i++) {
      expect(utcMs(dates[i] as string) - utcMs(dates[i - 1] as string)).toBe(DAY_MS);
    }
  });
});

describe("buildSchedule: pvd-21 (pomalidomide, bortezomib and dexamethasone, fewer days from cycle 9)", () => {
  const schedule = buildSchedule({
    regimen: regimen("pvd-21"),
    startDate: date("2026-12-01"),
    cycles: 12,
    doseMg: 4,
    ageAtStart: 70,
  });

  it("has 12 cycles of 21 days", () => {
    expect(schedule.cycleDays).toBe(21);
    expect(schedule.cycles.map((c) => c.number)).toEqual(range(1, 12));
    for (const c of schedule.cycles) expect(c.days.map((d) => d.cycleDay)).toEqual(range(1, 21));
  });

  it("dates cycle 1 from 2026-12-01 to 2026-12-21 and cycle 2 from 2026-12-22 to 2027-01-11", () => {
    expect([cycle(schedule, 1).startDate, cycle(schedule, 1).endDate]).toEqual(["2026-12-01", "2026-12-21"]);
    expect([cycle(schedule, 2).startDate, cycle(schedule, 2).endDate]).toEqual(["2026-12-22", "2027-01-11"]);
  });

  it("puts pomalidomide on days 1–14 only, in every cycle, at the ordered dose", () => {
    for (const c of schedule.cycles) expect(daysWith(c, "pomalidomide")).toEqual(range(1, 14));
    for (const dose of dosesOf(schedule, "pomalidomide")) {
      expect(dose).toStrictEqual({ drug: "pomalidomide", role: "primary", amount: 4, unit: "mg" });
    }
  });

  it("flags days 15–21 as rest days in every cycle", () => {
    for (const c of schedule.cycles) {
      expect(c.days.filter((d) => d.rest).map((d) => d.cycleDay)).toEqual(range(15, 21));
    }
  });

  it("puts bortezomib on days 1, 4, 8, 11 in cycles 1–8", () => {
    for (const n of range(1, 8)) expect(daysWith(cycle(schedule, n), "bortezomib")).toEqual([1, 4, 8, 11]);
  });

  it("puts bortezomib on days 1, 8 from cycle 9 on", () => {
    for (const n of range(9, 12)) expect(daysWith(cycle(schedule, n), "bortezomib")).toEqual([1, 8]);
  });

  it("switches bortezomib exactly between cycle 8 and cycle 9", () => {
    expect(daysWith(cycle(schedule, 8), "bortezomib")).toEqual([1, 4, 8, 11]);
    expect(daysWith(cycle(schedule, 9), "bortezomib")).toEqual([1, 8]);
  });

  it("gives bortezomib 1.3 mg/m² as a partner drug", () => {
    const doses = dosesOf(schedule, "bortezomib");
    expect(doses).toHaveLength(8 * 4 + 4 * 2);
    for (const dose of doses) {
      expect(dose).toStrictEqual({ drug: "bortezomib", role: "partner", amount: 1.3, unit: "mg/m²" });
    }
  });

  it("puts dexamethasone on days 1, 2, 4, 5, 8, 9, 11, 12 in cycles 1–8", () => {
    for (const n of range(1, 8)) {
      expect(daysWith(cycle(schedule, n), "dexamethasone")).toEqual([1, 2, 4, 5, 8, 9, 11, 12]);
    }
  });

  it("puts dexamethasone on days 1, 2, 8, 9 from cycle 9 on", () => {
    for (const n of range(9, 12)) expect(daysWith(cycle(schedule, n), "dexamethasone")).toEqual([1, 2, 8, 9]);
  });

  it("switches dexamethasone exactly between cycle 8 and cycle 9", () => {
    expect(daysWith(cycle(schedule, 8), "dexamethasone")).toEqual([1, 2, 4, 5, 8, 9, 11, 12]);
    expect(daysWith(cycle(schedule, 9), "dexamethasone")).toEqual([1, 2, 8, 9]);
  });

  it("gives dexamethasone 20 mg as a partner drug (age 70)", () => {
    const doses = dosesOf(schedule, "dexamethasone");
    expect(doses).toHaveLength(8 * 8 + 4 * 4);
    for (const dose of doses) {
      expect(dose).toStrictEqual({ drug: "dexamethasone", role: "partner", amount: 20, unit: "mg" });
    }
  });

  it("lists all three medicines on day 4 of cycle 8 but only pomalidomide on day 4 of cycle 9", () => {
    expect(day(cycle(schedule, 8), 4).doses.map((d) => d.drug)).toEqual([
      "pomalidomide",
      "bortezomib",
      "dexamethasone",
    ]);
    expect(day(cycle(schedule, 9), 4).doses.map((d) => d.drug)).toEqual(["pomalidomide"]);
  });

  it("has no doses at all on days 15–21", () => {
    for (const c of schedule.cycles) {
      for (const n of range(15, 21)) expect(day(c, n).doses).toEqual([]);
    }
  });
});

describe("buildSchedule: dexamethasone reduced for patients older than 75", () => {
  const build = (id: string, ageAtStart?: number) =>
    buildSchedule({
      regimen: regimen(id),
      startDate: date("2026-12-01"),
      cycles: 1,
      doseMg: 4,
      ...(ageAtStart === undefined ? {} : { ageAtStart }),
    });

  it("pd-28: 40 mg at age 75 (not older than 75)", () => {
    for (const dose of dosesOf(build("pd-28", 75), "dexamethasone")) {
      expect(dose).toStrictEqual({ drug: "dexamethasone", role: "partner", amount: 40, unit: "mg" });
    }
  });

  it("pd-28: 20 mg at age 76", () => {
    const doses = dosesOf(build("pd-28", 76), "dexamethasone");
    expect(doses).toHaveLength(4);
    for (const dose of doses) {
      expect(dose).toStrictEqual({ drug: "dexamethasone", role: "partner", amount: 20, unit: "mg" });
    }
  });

  it("pvd-21: 20 mg at age 75 (not older than 75)", () => {
    for (const dose of dosesOf(build("pvd-21", 75), "dexamethasone")) {
      expect(dose).toStrictEqual({ drug: "dexamethasone", role: "partner", amount: 20, unit: "mg" });
    }
  });

  it("pvd-21: 10 mg at age 76", () => {
    const doses = dosesOf(build("pvd-21", 76), "dexamethasone");
    expect(doses).toHaveLength(8);
    for (const dose of doses) {
      expect(dose).toStrictEqual({ drug: "dexamethasone", role: "partner", amount: 10, unit: "mg" });
    }
  });

  it("pd-28 without a known age: the standard 40 mg with ifOlderThan { age: 75, amount: 20 }", () => {
    const schedule = build("pd-28");
    expect(schedule).not.toHaveProperty("ageAtStart");
    const doses = dosesOf(schedule, "dexamethasone");
    expect(doses).toHaveLength(4);
    for (const dose of doses) {
      expect(dose).toStrictEqual({
        drug: "dexamethasone",
        role: "partner",
        amount: 40,
        unit: "mg",
        ifOlderThan: { age: 75, amount: 20 },
      });
    }
  });

  it("pvd-21 without a known age: the standard 20 mg with ifOlderThan { age: 75, amount: 10 }", () => {
    const doses = dosesOf(build("pvd-21"), "dexamethasone");
    expect(doses).toHaveLength(8);
    for (const dose of doses) {
      expect(dose).toStrictEqual({
        drug: "dexamethasone",
        role: "partner",
        amount: 20,
        unit: "mg",
        ifOlderThan: { age: 75, amount: 10 },
      });
    }
  });

  it("with a known age, no dose carries ifOlderThan", () => {
    for (const id of ["pd-28", "pvd-21"]) {
      for (const age of [40, 75, 76, 90]) {
        for (const dose of allDays(build(id, age)).flatMap((d) => d.doses)) {
          expect(dose).not.toHaveProperty("ifOlderThan");
        }
      }
    }
  });

  it("without a known age, only dexamethasone carries ifOlderThan (not pomalidomide or bortezomib)", () => {
    for (const id of ["pd-28", "pvd-21"]) {
      const withCondition = allDays(build(id))
        .flatMap((d) => d.doses)
        .filter((dose) => dose.ifOlderThan !== undefined)
        .map((dose) => dose.drug);
      expect(new Set(withCondition)).toEqual(new Set(["dexamethasone"]));
    }
  });

  it("does not change the pomalidomide dose with age", () => {
    for (const dose of dosesOf(build("pd-28", 90), "pomalidomide")) expect(dose.amount).toBe(4);
  });
});

describe("buildSchedule: every day is exactly one calendar day after the previous, across all cycles", () => {
  const cases = [
    { id: "pd-28", start: "2026-12-01", lastDate: "2027-11-01", cycleDays: 28 },
    { id: "pvd-21", start: "2026-12-01", lastDate: "2027-08-09", cycleDays: 21 },
    { id: "pd-28", start: "2027-11-15", lastDate: "2028-10-15", cycleDays: 28 },
  ];
  for (const { id, start, lastDate, cycleDays } of cases) {
    it(`${id} from ${start}, 12 cycles: ${12 * cycleDays} consecutive distinct dates ending ${lastDate}`, () => {
      const schedule = buildSchedule({ regimen: regimen(id), startDate: date(start), cycles: 12, doseMg: 4 });
      const dates = allDays(schedule).map((d) => d.date);
      expect(dates).toHaveLength(12 * cycleDays);
      expect(dates[0]).toBe(start);
      expect(dates.at(-1)).toBe(lastDate);
      expect(new Set(dates).size).toBe(dates.length);
      for (let i = 1; i < dates.length; i++) {
        expect(utcMs(dates[i] as string) - utcMs(dates[i - 1] as string), `${dates[i - 1]} → ${dates[i]}`).toBe(DAY_MS);
      }
    });
  }

  it("starts each cycle on the day after the previous cycle ends", () => {
    const schedule = buildSchedule({
      regimen: regimen("pvd-21"),
      startDate: date("2027-12-20"),
      cycles: 12,
      doseMg: 4,
    });
    for (let n = 2; n <= 12; n++) {
      expect(utcMs(cycle(schedule, n).startDate) - utcMs(cycle(schedule, n - 1).endDate)).toBe(DAY_MS);
    }
  });
});
