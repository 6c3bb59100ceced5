// The regimen engine: regimen + start date + number of cycles (+ age) → a dated, day-by-day schedule.
// Pure: no clock, no files. Every date on a printed calendar comes from here.
import { addDays, type IsoDate } from "../core/dates.ts";
import { OrderRefusedError } from "../core/errors.ts";
import type { CycleRegimen, RegimenComponent, Schedule, ScheduleDay, ScheduledDose } from "./regimenTypes.ts";

export interface ScheduleRequest {
  regimen: CycleRegimen;
  startDate: IsoDate;
  cycles: number;
  /** The order's dose for components whose amount comes from the order. */
  doseMg?: number;
  /** Age in completed years on the start date; unknown when the date of birth was not given. */
  ageAtStart?: number;
}

export function buildSchedule(request: ScheduleRequest): Schedule {
  const { regimen, startDate, cycles } = request;
  const scheduled = [];
  for (let number = 1; number <= cycles; number++) {
    const cycleStart = addDays(startDate, (number - 1) * regimen.cycleDays);
    const days: ScheduleDay[] = [];
    for (let cycleDay = 1; cycleDay <= regimen.cycleDays; cycleDay++) {
      const doses = regimen.components
        .filter((component) => daysInCycle(component, number).includes(cycleDay))
        .map((component) => doseFor(component, regimen, request));
      days.push({
        cycleDay,
        date: addDays(cycleStart, cycleDay - 1),
        doses,
        rest: !doses.some((dose) => dose.role === "primary"),
      });
    }
    scheduled.push({ number, startDate: cycleStart, endDate: addDays(cycleStart, regimen.cycleDays - 1), days });
  }
  return {
    kind: "cycles",
    regimenId: regimen.id,
    drug: regimen.drug,
    cycleDays: regimen.cycleDays,
    ...(request.ageAtStart === undefined ? {} : { ageAtStart: request.ageAtStart }),
    cycles: scheduled,
  };
}

/** The cycle days on which `component` is taken in cycle `cycle` (the phase that covers that cycle). */
export function daysInCycle(component: RegimenComponent, cycle: number): number[] {
  const phase = component.phases.find((p) => p.fromCycle <= cycle && (p.toCycle === undefined || cycle <= p.toCycle));
  return phase ? phase.days : [];
}

function doseFor(component: RegimenComponent, regimen: CycleRegimen, request: ScheduleRequest): ScheduledDose {
  const { dose } = component;
  const role = component.drug === regimen.drug ? "primary" : "partner";
  if (dose.fromOrder === "doseMg") {
    if (request.doseMg === undefined)
      throw new OrderRefusedError([
        { field: "doseMg", message: `${regimen.id}: ${component.drug} needs doseMg from the order` },
      ]);
    return { drug: component.drug, role, amount: request.doseMg, unit: dose.unit };
  }
  const standard = dose.amount as number;
  if (!dose.reduced) return { drug: component.drug, role, amount: standard, unit: dose.unit };
  if (request.ageAtStart === undefined) {
    return {
      drug: component.drug,
      role,
      amount: standard,
      unit: dose.unit,
      ifOlderThan: { age: dose.reduced.olderThan, amount: dose.reduced.amount },
    };
  }
  const amount = request.ageAtStart > dose.reduced.olderThan ? dose.reduced.amount : standard;
  return { drug: component.drug, role, amount, unit: dose.unit };
}
