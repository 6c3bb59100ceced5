// The patient's calendar file (.ics) parsed back with ical.js: exactly the schedule's days with doses (every
// cycle, PVd's switch to fewer bortezomib and dexamethasone days at cycle 9), across a year end and
// 29 February 2028; Imlygic's visits; summaries in the leaflet's language; UIDs stable across runs; no name,
// the patient id only where the brand says so. Dates are pinned; no rendering.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { beforeAll, describe, expect, test } from "vitest";
import { generateCalendar } from "../../src/calendar/generateCalendar.ts";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { loadFhirMappingOrThrow } from "../../src/fhir/loadFhirMapping.ts";
import { orderFromFhir } from "../../src/fhir/orderFromFhir.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { buildPlan } from "../../src/pipeline/generateDocuments.ts";
import type { Schedule, VisitPlan } from "../../src/regimen/regimenTypes.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/fhir");
const STAMP = new Date("2027-08-30T12:00:00Z");

interface ParsedEvent {
  uid: string;
  date: string;
  isDate: boolean;
  end: string;
  summary: string;
  description: string;
}

function parseIcs(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      date: event.startDate.toString(),
      isDate: event.startDate.isDate,
      end: event.endDate.toString(),
      summary: event.summary,
      description: event.description,
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname")), events };
}

let catalog: Catalog;
let pvd: Order;
let imlygic: Order;
beforeAll(() => {
  catalog = loadCatalogOrThrow();
  const mapping = loadFhirMappingOrThrow(catalog);
  const read = (name: string, flags = {}) => {
    const result = orderFromFhir(
      JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")),
      mapping,
      catalog,
      flags,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.order;
  };
  pvd = read("bundle-transaction", { ppp: "man" });
  imlygic = read("imlygic-request");
});

const text = (file: { bytes: Uint8Array }) => new TextDecoder().decode(file.bytes);

describe("PVd, 12 cycles from 8 September 2027 (a FHIR order)", () => {
  let events: ParsedEvent[];
  let schedule: Schedule;
  let ics: string;
  beforeAll(async () => {
    const file = await generateCalendar(pvd, catalog, STAMP);
    ics = text(file);
    events = parseIcs(ics).events;
    schedule = buildPlan(pvd, catalog.regimens.get("pvd-21") as never) as Schedule;
    expect(file.fileName).toBe("pomalidomide-calendar-en.ics");
    expect(file.events).toBe(events.length);
  });

  test("one all-day event for exactly each day of the schedule with doses, in every cycle", async () => {
    const dosingDays = schedule.cycles.flatMap((c) => c.days.filter((d) => d.doses.length > 0).map((d) => d.date));
    expect(schedule.cycles).toHaveLength(12);
    expect(events.map((e) => e.date)).toEqual(dosingDays);
    expect(events.every((e) => e.isDate)).toBe(true);
    // Days 15–21 of a 21-day cycle have no dose at all: no event.
    expect(events.map((e) => e.date)).not.toContain("2027-09-22");
    expect(events.map((e) => e.description)).toContain("Cycle 12, day 14");
  });

  test("across the year end and on 29 February 2028, each event ends the next day", async () => {
    const byDate = new Map(events.map((e) => [e.date, e]));
    expect(byDate.get("2027-12-31")).toMatchObject({ end: "2028-01-01", description: "Cycle 6, day 10" });
    expect(byDate.get("2028-01-01")).toMatchObject({ end: "2028-01-02", description: "Cycle 6, day 11" });
    expect(byDate.get("2028-02-29")).toMatchObject({ end: "2028-03-01", description: "Cycle 9, day 7" });
    expect(byDate.has("2028-03-01")).toBe(true);
  });

  test("summaries name every medicine of the day with its dose; bortezomib on fewer days from cycle 9", async () => {
    const summaries = new Map(events.map((e) => [e.description, e.summary]));
    expect(summaries.get("Cycle 1, day 1")).toBe("pomalidomide 4 mg · bortezomib 1.3 mg/m² · dexamethasone 10 mg");
    expect(summaries.get("Cycle 1, day 3")).toBe("pomalidomide 4 mg");
    expect(summaries.get("Cycle 8, day 4")).toBe("pomalidomide 4 mg · bortezomib 1.3 mg/m² · dexamethasone 10 mg");
    expect(summaries.get("Cycle 9, day 4")).toBe("pomalidomide 4 mg");
    expect(summaries.get("Cycle 9, day 8")).toBe("pomalidomide 4 mg · bortezomib 1.3 mg/m² · dexamethasone 10 mg");
    const bortezomibDays = (cycle: number) =>
      events.filter((e) => e.description.startsWith(`Cycle ${cycle},`) && e.summary.includes("bortezomib")).length;
    expect([bortezomibDays(8), bortezomibDays(9), bortezomibDays(12)]).toEqual([4, 2, 2]);
  });

  test("no name, no date of birth; no patient id unless the brand says so", async () => {
    expect(ics).not.toMatch(/Łukasz|Kowalski|1949/);
    expect(ics).not.toContain("FHIR-0002");
    const brand = catalog.brands.get("default");
    if (!brand) throw new Error("no default brand");
    const withId: Catalog = {
      ...catalog,
      brands: new Map([["default", { ...brand, calendar: { includePatientId: true } }]]),
    };
    const parsed = parseIcs(text(await generateCalendar(pvd, withId, STAMP))).events;
    expect(parsed[0]?.description).toBe("Cycle 1, day 1\nPatient number: FHIR-0002");
    expect(JSON.stringify(parsed)).not.toMatch(/Łukasz|Kowalski/);
  });

  test("UIDs are stable across two runs (another moment) and differ per day; another patient gets others", async () => {
    const again = parseIcs(text(await generateCalendar(pvd, catalog, new Date("2027-09-01T08:00:00Z")))).events;
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const other = parseIcs(text(await generateCalendar({ ...pvd, patientId: "FHIR-0009" }, catalog, STAMP))).events;
    expect(other.map((e) => e.uid).filter((uid) => events.some((e) => e.uid === uid))).toEqual([]);
    expect(events[0]?.uid).toMatch(/^[0-9a-f]{32}@patient-leaflets$/);
  });
});

test("pd-28 in Dutch: dexamethasone's own day 22 has an event, the rest days none; with the age unknown both doses", async () => {
  const order: Order = {
    ...pvd,
    regimen: "pd-28",
    cycles: 1,
    language: "nl",
    startDate: "2027-12-20" as Order["startDate"],
  };
  delete order.dateOfBirth;
  const { name, events } = parseIcs(text(await generateCalendar(order, catalog, STAMP)));
  expect(name).toBe("Behandelkalender: pomalidomide");
  expect(events).toHaveLength(22);
  expect(events[0]?.summary).toBe("pomalidomide 4 mg · dexamethason 40 mg, of 20 mg als u ouder bent dan 75 jaar");
  expect(events.at(-1)).toMatchObject({ date: "2028-01-10", description: "Cyclus 1, dag 22" });
  expect(events.at(-1)?.summary).toMatch(/^dexamethason 40 mg/);
});

test("Imlygic: one event per visit of the plan, in Turkish, across the year end", async () => {
  const plan = buildPlan(imlygic, catalog.regimens.get("imlygic") as never) as VisitPlan;
  const file = await generateCalendar(imlygic, catalog, STAMP);
  const { events } = parseIcs(text(file));
  expect(file.fileName).toBe("imlygic-calendar-tr.ics");
  expect(events.map((e) => e.date)).toEqual(plan.visits.map((v) => v.date));
  expect(events.slice(0, 3).map((e) => e.date)).toEqual(["2027-12-15", "2028-01-05", "2028-01-19"]);
  expect(events[0]?.summary).toBe("talimojen laherparepvek: randevu 1");
  expect(events[1]?.description).toContain("10⁸ PFU/mL");
  expect(text(file)).not.toMatch(/Ğül|Öztürk/);
});
