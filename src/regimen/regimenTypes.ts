// The shapes of a regimen (as loaded from templates/regimens/*.yaml) and of the dated schedule built from it.
import type { IsoDate } from "../core/dates.ts";

export interface DoseRule {
  /** Take the amount from this order field (e.g. doseMg) instead of a fixed amount. */
  fromOrder?: "doseMg";
  amount?: number;
  unit: string;
  /** The only amounts allowed when the amount comes from the order. */
  allowed?: number[];
  /** A lower amount for patients older than `olderThan` (completed years on the start date). */
  reduced?: { olderThan: number; amount: number };
}

/** From cycle `fromCycle` up to `toCycle` (inclusive; undefined = every later cycle), take on these cycle days. */
export interface CyclePhase {
  fromCycle: number;
  toCycle?: number;
  days: number[];
}

export interface RegimenComponent {
  drug: string;
  dose: DoseRule;
  phases: CyclePhase[];
}

/** A regimen of repeating cycles with daily doses (pomalidomide with its partner drugs). */
export interface CycleRegimen {
  kind: "cycles";
  id: string;
  drug: string;
  source: string;
  cycleDays: number;
  components: RegimenComponent[];
}

/** What is given at one visit: the strength as printed, whether it is the lower or higher one, the most volume. */
export interface VisitDose {
  strength: string;
  level: "lower" | "higher";
  /** The most volume given, where the source states it. */
  maxVolumeMl?: number;
}

/** A regimen of visits at which a clinician gives the medicine (Imlygic injections). */
export interface VisitRegimen {
  kind: "visits";
  id: string;
  drug: string;
  source: string;
  /** The first visits, each `afterDays` after the previous one (the first: 0, on the start date). */
  visits: (VisitDose & { afterDays: number })[];
  /** Then a visit every `everyDays` days with this dose, until the end of the plan. */
  repeat: VisitDose & { everyDays: number };
}

export type Regimen = CycleRegimen | VisitRegimen;

export interface PlannedVisit extends VisitDose {
  number: number;
  date: IsoDate;
}

/** The dated visits from the start date up to and including the end of the planned months. */
export interface VisitPlan {
  kind: "visits";
  regimenId: string;
  drug: string;
  startDate: IsoDate;
  endDate: IsoDate;
  visits: PlannedVisit[];
}

/** One dose to take on one day. `role` tells the regimen's own medicine from its partner drugs. */
export interface ScheduledDose {
  drug: string;
  role: "primary" | "partner";
  amount: number;
  unit: string;
  /** Set when the amount depends on an age we do not know: the lower amount and from which age. */
  ifOlderThan?: { age: number; amount: number };
}

export interface ScheduleDay {
  cycleDay: number;
  date: IsoDate;
  doses: ScheduledDose[];
  /** True when the regimen's own medicine is not taken that day. */
  rest: boolean;
}

export interface ScheduledCycle {
  number: number;
  startDate: IsoDate;
  endDate: IsoDate;
  days: ScheduleDay[];
}

export interface Schedule {
  kind: "cycles";
  regimenId: string;
  drug: string;
  cycleDays: number;
  /** Age in completed years on the start date, when the date of birth was given. */
  ageAtStart?: number;
  cycles: ScheduledCycle[];
}

/** What the regimen engine produces for an order: a cycle schedule or a visit plan. */
export type TreatmentPlan = Schedule | VisitPlan;
