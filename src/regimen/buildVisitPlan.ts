// The visit engine: a visit regimen + start date + months to plan → dated visits with their strength.
// Pure: no clock, no files. Every visit date on a printed plan comes from here.
import { addDays, addMonths, type IsoDate } from "../core/dates.ts";
import type { PlannedVisit, VisitPlan, VisitRegimen } from "./regimenTypes.ts";

export interface VisitPlanRequest {
  regimen: VisitRegimen;
  startDate: IsoDate;
  /** How far to plan: visits on or before the start date plus this many calendar months. */
  months: number;
}

export function buildVisitPlan({ regimen, startDate, months }: VisitPlanRequest): VisitPlan {
  const endDate = addMonths(startDate, months);
  const visits: PlannedVisit[] = [];
  const add = (date: IsoDate, dose: Omit<PlannedVisit, "number" | "date">) => {
    visits.push({
      number: visits.length + 1,
      date,
      strength: dose.strength,
      level: dose.level,
      maxVolumeMl: dose.maxVolumeMl,
    });
  };
  // ISO dates compare correctly as strings.
  let date = startDate;
  for (const [i, step] of regimen.visits.entries()) {
    if (i > 0) date = addDays(date, step.afterDays);
    if (date > endDate) break;
    add(date, step);
  }
  if (visits.length === regimen.visits.length) {
    for (
      date = addDays(date, regimen.repeat.everyDays);
      date <= endDate;
      date = addDays(date, regimen.repeat.everyDays)
    ) {
      add(date, regimen.repeat);
    }
  }
  return { kind: "visits", regimenId: regimen.id, drug: regimen.drug, startDate, endDate, visits };
}
