// The visit engine: every visit date and strength on a printed Imlygic plan comes from buildVisitPlan.
// The regimen is the shipped file (templates/regimens/imlygic.yaml); expected values come from
// /work/shared/CLINICAL.md (visit 1 lower strength up to 4 mL, visit 2 three weeks later up to 4 mL of the
// higher strength, then every 2 weeks at the higher strength). Fixed dates only: nothing here reads the clock.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { loadRegimen } from "../../src/catalog/loadRegimen.ts";
import { addMonths, type IsoDate, parseIsoDate } from "../../src/core/dates.ts";
import { buildVisitPlan } from "../../src/regimen/buildVisitPlan.ts";
import type { PlannedVisit, VisitPlan, VisitRegimen } from "../../src/regimen/regimenTypes.ts";

/** The shipped Imlygic regimen, loaded from its file (not through the whole catalog). */
function imlygic(): VisitRegimen {
  const loaded = loadRegimen(join(PROJECT_ROOT, "templates/regimens/imlygic.yaml"));
  if (loaded.regimen?.kind !== "visits") {
    throw new Error(`imlygic.yaml did not load as a visit regimen: ${JSON.stringify(loaded.problems)}`);
  }
  return loaded.regimen;
}

/** A date the test knows to be valid, checked so that a typo in a test cannot slip through. */
function date(text: string): IsoDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`test date ${text} is not valid`);
  return parsed;
}

function plan(startDate: string, months: number, regimen: VisitRegimen = imlygic()): VisitPlan {
  return buildVisitPlan({ regimen, startDate: date(startDate), months });
}

// Independent oracle (does not use src/core/dates.ts): whole days between two ISO dates, and a date plus days.
const DAY_MS = 86_400_000;
const utcMs = (text: string) => Date.parse(`${text}T00:00:00Z`);
const daysBetween = (from: string, to: string) => (utcMs(to) - utcMs(from)) / DAY_MS;
const plusDays = (text: string, days: number) => new Date(utcMs(text) + days * DAY_MS).toISOString().slice(0, 10);

const LOWER = "10⁶ PFU/mL";
const HIGHER = "10⁸ PFU/mL";

/** The visits 3 onwards: the higher strength and no most volume (the sources give none). */
const repeatVisit = (number: number, on: string) => ({ number, date: on, strength: HIGHER, level: "higher" });

const dates = (p: VisitPlan) => p.visits.map((v) => v.date);

function visit(p: VisitPlan, number: number): PlannedVisit {
  const found = p.visits.find((v) => v.number === number);
  if (!found) throw new Error(`no visit ${number} in the plan`);
  return found;
}

/** Checks every plan must pass: numbered 1..n, first on the start date, 21 then 14 days apart, within the end. */
function expectWellFormed(p: VisitPlan) {
  expect(p.visits.length).toBeGreaterThan(0);
  expect(p.visits.map((v) => v.number)).toEqual(p.visits.map((_, i) => i + 1));
  expect(p.visits[0]?.date).toBe(p.startDate);
  p.visits.forEach((v, i) => {
    expect(v.date <= p.endDate, `visit ${v.number} on ${v.date} is after the end ${p.endDate}`).toBe(true);
    if (i === 0) return;
    const gap = daysBetween(p.visits[i - 1]?.date as string, v.date);
    expect(gap, `days between visit ${i} and visit ${i + 1}`).toBe(i === 1 ? 21 : 14);
  });
}

describe("buildVisitPlan: Imlygic, 6 months from Tuesday 24 November 2026", () => {
  const p = plan("2026-11-24", 6);

  it("is a visit plan for the imlygic regimen and drug, from 2026-11-24 to 2027-05-24", () => {
    expect(p.kind).toBe("visits");
    expect(p.regimenId).toBe("imlygic");
    expect(p.drug).toBe("imlygic");
    expect(p.startDate).toBe("2026-11-24");
    expect(p.endDate).toBe("2027-05-24");
  });

  it("has exactly these 13 visits, with their strengths and volumes", () => {
    expect(p.visits).toEqual([
      { number: 1, date: "2026-11-24", strength: LOWER, level: "lower", maxVolumeMl: 4 },
      { number: 2, date: "2026-12-15", strength: HIGHER, level: "higher", maxVolumeMl: 4 },
      repeatVisit(3, "2026-12-29"),
      repeatVisit(4, "2027-01-12"),
      repeatVisit(5, "2027-01-26"),
      repeatVisit(6, "2027-02-09"),
      repeatVisit(7, "2027-02-23"),
      repeatVisit(8, "2027-03-09"),
      repeatVisit(9, "2027-03-23"),
      repeatVisit(10, "2027-04-06"),
      repeatVisit(11, "2027-04-20"),
      repeatVisit(12, "2027-05-04"),
      repeatVisit(13, "2027-05-18"),
    ]);
  });

  it("visit 1 is on the start date at the lower strength 10⁶ PFU/mL, up to 4 mL", () => {
    const v = visit(p, 1);
    expect(v.date).toBe("2026-11-24");
    expect(v.strength).toBe(LOWER);
    expect(v.level).toBe("lower");
    expect(v.maxVolumeMl).toBe(4);
  });

  it("visit 2 is 21 days later (2026-12-15) at the higher strength 10⁸ PFU/mL, up to 4 mL", () => {
    const v = visit(p, 2);
    expect(v.date).toBe("2026-12-15");
    expect(daysBetween("2026-11-24", v.date)).toBe(21);
    expect(v.strength).toBe(HIGHER);
    expect(v.level).toBe("higher");
    expect(v.maxVolumeMl).toBe(4);
  });

  it("visit 3 is on 2026-12-29 and visit 4 on 2027-01-12, across the year end", () => {
    expect(visit(p, 3).date).toBe("2026-12-29");
    expect(visit(p, 4).date).toBe("2027-01-12");
  });

  it("every visit from 3 on is at 10⁸ PFU/mL (higher) and has no most volume", () => {
    const later = p.visits.filter((v) => v.number >= 3);
    expect(later).toHaveLength(11);
    for (const v of later) {
      expect(v.strength, `visit ${v.number}`).toBe(HIGHER);
      expect(v.level, `visit ${v.number}`).toBe("higher");
      expect(v.maxVolumeMl, `visit ${v.number}`).toBeUndefined();
    }
  });

  it("only visit 1 is at the lower strength", () => {
    expect(p.visits.filter((v) => v.level === "lower").map((v) => v.number)).toEqual([1]);
    expect(p.visits.filter((v) => v.strength === LOWER).map((v) => v.number)).toEqual([1]);
  });

  it("the last visit is 2027-05-18: the next one (2027-06-01) would be after the end 2027-05-24", () => {
    expect(p.visits.at(-1)?.date).toBe("2027-05-18");
    expect(plusDays("2027-05-18", 14)).toBe("2027-06-01");
    expect("2027-06-01" > p.endDate).toBe(true);
    expect(dates(p)).not.toContain("2027-06-01");
  });

  it("is numbered 1 to 13 with no gaps, 21 days to visit 2 and exactly 14 days between later visits", () => {
    expect(p.visits.map((v) => v.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expectWellFormed(p);
  });

  it("puts every visit on a Tuesday, like the start date (21 and 14 are whole weeks)", () => {
    for (const v of p.visits) expect(new Date(utcMs(v.date)).getUTCDay(), v.date).toBe(2);
  });
});

describe("buildVisitPlan: the end of the plan (start date + months) is inclusive", () => {
  it("a visit exactly on the end date is included (2027-04-01 + 3 months = 2027-07-01 = visit 7)", () => {
    // 2027-04-01 + 91 days = 2027-07-01, and 91 = 21 + 5 × 14: visit 7 falls exactly on the end date.
    expect(daysBetween("2027-04-01", "2027-07-01")).toBe(91);
    const p = plan("2027-04-01", 3);
    expect(p.endDate).toBe("2027-07-01");
    expect(dates(p)).toEqual([
      "2027-04-01",
      "2027-04-22",
      "2027-05-06",
      "2027-05-20",
      "2027-06-03",
      "2027-06-17",
      "2027-07-01",
    ]);
    expect(p.visits.at(-1)).toEqual(repeatVisit(7, "2027-07-01"));
    expectWellFormed(p);
  });

  it("a visit one day after the end date is left out (2027-01-01 + 3 months = 2027-04-01; next visit 2027-04-02)", () => {
    // 2027-01-01 + 90 days = 2027-04-01 (end), + 91 days = 2027-04-02 would be visit 7.
    expect(daysBetween("2027-01-01", "2027-04-01")).toBe(90);
    const p = plan("2027-01-01", 3);
    expect(p.endDate).toBe("2027-04-01");
    expect(dates(p)).toEqual(["2027-01-01", "2027-01-22", "2027-02-05", "2027-02-19", "2027-03-05", "2027-03-19"]);
    expect(dates(p)).not.toContain("2027-04-02");
    expectWellFormed(p);
  });
});

describe("buildVisitPlan: 1 month", () => {
  it("from 2026-11-24 (end 2026-12-24): visits 1 and 2 only; visit 3 (2026-12-29) is after the end", () => {
    const p = plan("2026-11-24", 1);
    expect(p.endDate).toBe("2026-12-24");
    expect(p.visits).toEqual([
      { number: 1, date: "2026-11-24", strength: LOWER, level: "lower", maxVolumeMl: 4 },
      { number: 2, date: "2026-12-15", strength: HIGHER, level: "higher", maxVolumeMl: 4 },
    ]);
  });

  it("from 2027-01-31 (end 28 February 2027): 2027-01-31 and 2027-02-21; 2027-03-07 is after the end", () => {
    const p = plan("2027-01-31", 1);
    expect(p.endDate).toBe("2027-02-28");
    expect(dates(p)).toEqual(["2027-01-31", "2027-02-21"]);
  });

  it("a second visit beyond the end is left out, and then no repeat visits follow (a regimen with visit 2 after 40 days)", () => {
    const regimen: VisitRegimen = {
      ...imlygic(),
      visits: [
        { afterDays: 0, strength: LOWER, level: "lower", maxVolumeMl: 4 },
        { afterDays: 40, strength: HIGHER, level: "higher", maxVolumeMl: 4 },
      ],
    };
    const p = plan("2026-11-24", 1, regimen);
    expect(p.endDate).toBe("2026-12-24");
    expect(p.visits).toEqual([{ number: 1, date: "2026-11-24", strength: LOWER, level: "lower", maxVolumeMl: 4 }]);
  });
});

describe("buildVisitPlan: across 29 February 2028", () => {
  it("from 2028-01-25 for 2 months: 2028-02-15, then 29 February, then 2028-03-14 (14 days each)", () => {
    const p = plan("2028-01-25", 2);
    expect(p.endDate).toBe("2028-03-25");
    expect(dates(p)).toEqual(["2028-01-25", "2028-02-15", "2028-02-29", "2028-03-14"]);
    expect(visit(p, 3)).toEqual(repeatVisit(3, "2028-02-29"));
    expectWellFormed(p);
  });

  it("visit 2 on 29 February: from 2028-02-08, 21 days later is 2028-02-29, then 2028-03-14", () => {
    const p = plan("2028-02-08", 2);
    expect(p.endDate).toBe("2028-04-08");
    expect(dates(p).slice(0, 3)).toEqual(["2028-02-08", "2028-02-29", "2028-03-14"]);
    expect(visit(p, 2)).toEqual({ number: 2, date: "2028-02-29", strength: HIGHER, level: "higher", maxVolumeMl: 4 });
    expectWellFormed(p);
  });

  it("starting on 29 February 2028 for 12 months ends on 28 February 2029; last visit 2029-02-20 (26 visits)", () => {
    const p = plan("2028-02-29", 12);
    expect(p.endDate).toBe("2029-02-28");
    expect(visit(p, 2).date).toBe("2028-03-21");
    expect(p.visits).toHaveLength(26);
    expect(p.visits.at(-1)?.date).toBe("2029-02-20");
    expect(p.visits.at(-1)?.date).toBe(plusDays("2028-02-29", 21 + 24 * 14));
    expectWellFormed(p);
  });

  it("24 months from 2026-11-24 (the longest plan an order allows) keeps to 14 days across the leap year", () => {
    const p = plan("2026-11-24", 24);
    expect(p.endDate).toBe("2028-11-24");
    expectWellFormed(p);
    // Every date the oracle expects, computed without src/core/dates.ts: start, +21, then +14 up to the end.
    const expected = ["2026-11-24"];
    for (let d = "2026-12-15"; d <= "2028-11-24"; d = plusDays(d, 14)) expected.push(d);
    expect(dates(p)).toEqual(expected);
    expect(dates(p).some((d) => d.startsWith("2028-02") || d.startsWith("2028-03"))).toBe(true);
  });
});

describe("addMonths", () => {
  it("2026-11-24 + 6 months → 2027-05-24 (across the year end)", () => {
    expect(addMonths(date("2026-11-24"), 6)).toBe("2027-05-24");
  });

  it("2026-11-24 + 1 month → 2026-12-24; + 2 months → 2027-01-24 (across the year end)", () => {
    expect(addMonths(date("2026-11-24"), 1)).toBe("2026-12-24");
    expect(addMonths(date("2026-11-24"), 2)).toBe("2027-01-24");
  });

  it("2026-12-31 + 1 month → 2027-01-31 (across the year end, same day)", () => {
    expect(addMonths(date("2026-12-31"), 1)).toBe("2027-01-31");
  });

  it("2027-01-31 + 1 month → 2027-02-28 (a day February lacks becomes its last day)", () => {
    expect(addMonths(date("2027-01-31"), 1)).toBe("2027-02-28");
  });

  it("2028-01-31 + 1 month → 2028-02-29 (leap year)", () => {
    expect(addMonths(date("2028-01-31"), 1)).toBe("2028-02-29");
  });

  it("2026-12-31 + 2 months → 2027-02-28 (across the year end and short February)", () => {
    expect(addMonths(date("2026-12-31"), 2)).toBe("2027-02-28");
  });

  it("2027-03-31 + 1 month → 2027-04-30 (a 30-day month)", () => {
    expect(addMonths(date("2027-03-31"), 1)).toBe("2027-04-30");
  });

  it("2028-02-29 + 12 months → 2029-02-28; 2028-02-29 + 1 month → 2028-03-29", () => {
    expect(addMonths(date("2028-02-29"), 12)).toBe("2029-02-28");
    expect(addMonths(date("2028-02-29"), 1)).toBe("2028-03-29");
  });

  it("2026-11-24 + 24 months → 2028-11-24; + 0 months is the same date", () => {
    expect(addMonths(date("2026-11-24"), 24)).toBe("2028-11-24");
    expect(addMonths(date("2026-11-24"), 0)).toBe("2026-11-24");
  });
});
