// The visit plan in words: one row per visit (number, date with weekday, strength and most volume),
// plus the plan's extent for the personal block.
import { InternalError } from "../core/errors.ts";
import type { VisitPlan } from "../regimen/regimenTypes.ts";
import type { Fact, Words } from "./words.ts";

export function buildVisitPlanModel(plan: VisitPlan, { t, fmt }: Words) {
  const first = plan.visits[0];
  const last = plan.visits.at(-1);
  if (!first || !last) throw new InternalError("a visit plan without visits");
  const extent: Fact = {
    label: t("common:personal.visits"),
    value: t("common:personal.visitsValue", {
      count: plan.visits.length,
      from: fmt.longDate(first.date),
      to: fmt.longDate(last.date),
    }),
  };
  const visits = {
    header: [t("common:visits.number"), t("common:visits.date"), t("common:visits.dose")],
    tickLabel: t("common:visits.done"),
    rows: plan.visits.map((visit) => [
      fmt.number(visit.number),
      fmt.weekdayDate(visit.date),
      visit.maxVolumeMl === undefined
        ? t("common:visits.doseValue", { strength: visit.strength, level: t(`common:visits.level.${visit.level}`) })
        : t("common:visits.doseValueWithVolume", {
            strength: visit.strength,
            level: t(`common:visits.level.${visit.level}`),
            volume: fmt.number(visit.maxVolumeMl),
          }),
    ]),
  };
  return { dose: undefined, extent, calendar: null, visits };
}
