// The patient's treatment plan as calendar days: one all-day event for each day with doses (every medicine
// of that day, in the leaflet's language and dose wording), none for days without, one for each Imlygic
// visit. Pure: the dates come from the regimen engine's plan. No name; the patient id only if the brand
// says so. The UID hashes patient id, medicine and date, so a re-import updates the day, not duplicates it.
import { createHash } from "node:crypto";
import type { Brand } from "../catalog/loadBrand.ts";
import { doseText } from "../content/cyclePlanModel.ts";
import { drugName, type Words } from "../content/words.ts";
import type { IsoDate } from "../core/dates.ts";
import type { Order } from "../order/orderTypes.ts";
import type { TreatmentPlan } from "../regimen/regimenTypes.ts";

export interface CalendarDay {
  date: IsoDate;
  uid: string;
  summary: string;
  description: string;
}

export const UID_DOMAIN = "patient-leaflets";
const SEPARATOR = " · ";

export function buildCalendarDays(
  order: Pick<Order, "patientId" | "drug">,
  plan: TreatmentPlan,
  words: Words,
  brand: Pick<Brand, "calendar">,
): CalendarDay[] {
  const { t, fmt } = words;
  const idLine = brand.calendar?.includePatientId
    ? [t("common:calendarFile.patientId", { patientId: order.patientId })]
    : [];
  const day = (date: IsoDate, summary: string, lines: string[]): CalendarDay => ({
    date,
    uid: calendarUid(order.patientId, order.drug, date),
    summary,
    description: [...lines, ...idLine].join("\n"),
  });
  if (plan.kind === "visits") {
    return plan.visits.map((visit) =>
      day(
        visit.date,
        t("common:calendarFile.visit", { drug: drugName(plan.drug, t), number: fmt.number(visit.number) }),
        [t("common:visits.doseValue", { strength: visit.strength, level: t(`common:visits.level.${visit.level}`) })],
      ),
    );
  }
  return plan.cycles.flatMap((cycle) =>
    cycle.days
      .filter((d) => d.doses.length > 0)
      .map((d) =>
        day(
          d.date,
          d.doses
            .map((dose) =>
              t("common:calendar.legendDose", { drug: drugName(dose.drug, t), dose: doseText(dose, words) }),
            )
            .join(SEPARATOR),
          [t("common:calendarFile.cycleDay", { cycle: fmt.number(cycle.number), day: fmt.number(d.cycleDay) })],
        ),
      ),
  );
}

/** Stable per patient, medicine and day; a hash, so the id itself is not readable from it. */
export function calendarUid(patientId: string, drug: string, date: IsoDate): string {
  const hash = createHash("sha256").update(`${patientId}\0${drug}\0${date}`).digest("hex").slice(0, 32);
  return `${hash}@${UID_DOMAIN}`;
}
