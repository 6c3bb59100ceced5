// Calendar arithmetic every printed date depends on. Fixed dates only: nothing here reads the clock.
import { describe, expect, it } from "vitest";
import { addDays, ageInYears, type IsoDate, looksLikeIsoDate, parseIsoDate } from "../../src/core/dates.ts";

/** A date the test knows to be valid, checked by parseIsoDate so a typo in a test cannot slip through. */
function date(text: string): IsoDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`test date ${text} is not valid`);
  return parsed;
}

describe("parseIsoDate", () => {
  it("accepts an ordinary date and returns the same text", () => {
    expect(parseIsoDate("2026-12-01")).toBe("2026-12-01");
  });

  it("accepts 29 February in a leap year (2028-02-29)", () => {
    expect(parseIsoDate("2028-02-29")).toBe("2028-02-29");
  });

  it("accepts 29 February 2000 (divisible by 400, so a leap year)", () => {
    expect(parseIsoDate("2000-02-29")).toBe("2000-02-29");
  });

  it("refuses 29 February in a common year (2026-02-29)", () => {
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
  });

  it("refuses 29 February 2100 (divisible by 100 but not 400, so not a leap year)", () => {
    expect(parseIsoDate("2100-02-29")).toBeUndefined();
  });

  it("refuses 30 February (2026-02-30)", () => {
    expect(parseIsoDate("2026-02-30")).toBeUndefined();
  });

  it("refuses day 31 of a 30-day month (2026-04-31)", () => {
    expect(parseIsoDate("2026-04-31")).toBeUndefined();
  });

  it("refuses month 13 (2026-13-01)", () => {
    expect(parseIsoDate("2026-13-01")).toBeUndefined();
  });

  it("refuses month 00 and day 00", () => {
    expect(parseIsoDate("2026-00-10")).toBeUndefined();
    expect(parseIsoDate("2026-01-00")).toBeUndefined();
  });

  it('refuses a day-first date ("01-12-2026")', () => {
    expect(parseIsoDate("01-12-2026")).toBeUndefined();
  });

  it('refuses a date without leading zeros ("2026-1-5")', () => {
    expect(parseIsoDate("2026-1-5")).toBeUndefined();
  });

  it("refuses a date with a time or surrounding spaces", () => {
    expect(parseIsoDate("2026-12-01T00:00:00Z")).toBeUndefined();
    expect(parseIsoDate(" 2026-12-01")).toBeUndefined();
    expect(parseIsoDate("2026-12-01 ")).toBeUndefined();
  });

  it("refuses other separators", () => {
    expect(parseIsoDate("2026/12/01")).toBeUndefined();
    expect(parseIsoDate("20261201")).toBeUndefined();
  });
});

describe("looksLikeIsoDate", () => {
  it("is true for the YYYY-MM-DD shape even when the day does not exist", () => {
    expect(looksLikeIsoDate("2026-02-30")).toBe(true);
  });

  it("is false for other shapes", () => {
    expect(looksLikeIsoDate("01-12-2026")).toBe(false);
    expect(looksLikeIsoDate("2026-1-5")).toBe(false);
  });
});

describe("addDays", () => {
  it("adds zero days without change", () => {
    expect(addDays(date("2026-12-01"), 0)).toBe("2026-12-01");
  });

  it("crosses a month end (30 November + 1 = 1 December)", () => {
    expect(addDays(date("2026-11-30"), 1)).toBe("2026-12-01");
  });

  it("crosses a 31-day month end (31 January + 1 = 1 February)", () => {
    expect(addDays(date("2027-01-31"), 1)).toBe("2027-02-01");
  });

  it("crosses the year end (31 December 2026 + 1 = 1 January 2027)", () => {
    expect(addDays(date("2026-12-31"), 1)).toBe("2027-01-01");
  });

  it("adds a 28-day cycle across the year end (2026-12-01 + 28 = 2026-12-29, + 56 = 2027-01-26)", () => {
    expect(addDays(date("2026-12-01"), 28)).toBe("2026-12-29");
    expect(addDays(date("2026-12-01"), 56)).toBe("2027-01-26");
  });

  it("goes through 29 February in a leap year (2028-02-28 + 1 = 2028-02-29, + 2 = 2028-03-01)", () => {
    expect(addDays(date("2028-02-28"), 1)).toBe("2028-02-29");
    expect(addDays(date("2028-02-28"), 2)).toBe("2028-03-01");
  });

  it("skips from 28 February to 1 March in a common year (2027)", () => {
    expect(addDays(date("2027-02-28"), 1)).toBe("2027-03-01");
  });

  it("goes back with a negative number, across the year start and the leap day", () => {
    expect(addDays(date("2027-01-01"), -1)).toBe("2026-12-31");
    expect(addDays(date("2028-03-01"), -1)).toBe("2028-02-29");
  });

  it("is not affected by daylight-saving changes (last Sunday of March and October in Europe)", () => {
    expect(addDays(date("2027-03-27"), 1)).toBe("2027-03-28");
    expect(addDays(date("2027-03-28"), 1)).toBe("2027-03-29");
    expect(addDays(date("2026-10-25"), 1)).toBe("2026-10-26");
  });

  it("adds a whole leap year (2028-01-01 + 366 = 2029-01-01)", () => {
    expect(addDays(date("2028-01-01"), 366)).toBe("2029-01-01");
  });
});

describe("ageInYears", () => {
  it("is one year less on the day before the 76th birthday", () => {
    expect(ageInYears(date("1950-12-02"), date("2026-12-01"))).toBe(75);
  });

  it("counts the birthday itself as the new age", () => {
    expect(ageInYears(date("1950-12-01"), date("2026-12-01"))).toBe(76);
  });

  it("keeps the new age on the day after the birthday", () => {
    expect(ageInYears(date("1950-11-30"), date("2026-12-01"))).toBe(76);
  });

  it("is one year less when the birthday month is later in the year", () => {
    expect(ageInYears(date("1951-01-01"), date("2026-12-31"))).toBe(75);
    expect(ageInYears(date("1951-12-31"), date("2026-01-01"))).toBe(74);
  });

  it("is 0 on the day of birth", () => {
    expect(ageInYears(date("2026-12-01"), date("2026-12-01"))).toBe(0);
  });

  it("is negative when the date of birth is after the date", () => {
    expect(ageInYears(date("2026-12-02"), date("2026-12-01"))).toBe(-1);
  });

  it("someone born on 29 February is a year older on 29 February of a leap year", () => {
    expect(ageInYears(date("1952-02-29"), date("2028-02-28"))).toBe(75);
    expect(ageInYears(date("1952-02-29"), date("2028-02-29"))).toBe(76);
  });

  it("someone born on 29 February becomes a year older on 1 March in a common year, not on 28 February", () => {
    expect(ageInYears(date("1951-02-28"), date("2027-02-28"))).toBe(76); // control: born 28 Feb
    expect(ageInYears(date("1952-02-29"), date("2027-02-28"))).toBe(74);
    expect(ageInYears(date("1952-02-29"), date("2027-03-01"))).toBe(75);
  });
});
