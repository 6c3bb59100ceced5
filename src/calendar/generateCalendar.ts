// One validated order → its calendar file, <drug>-calendar-<lang>.ics, in the order's language: the plan
// from the regimen engine (the same one the leaflet prints), worded by the leaflet's translator.
import type { Catalog } from "../catalog/catalogTypes.ts";
import { createTranslator } from "../content/createTranslator.ts";
import { createFormatters } from "../content/formatters.ts";
import { drugName } from "../content/words.ts";
import { OrderNotValidatedError } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import { buildPlan } from "../pipeline/generateDocuments.ts";
import { buildCalendarDays } from "./calendarEvents.ts";
import { renderIcs } from "./renderIcs.ts";

/** A calendar file for the output writer: named like the PDFs, no pages. */
export interface CalendarFile {
  kind: "calendar";
  drug: string;
  language: string;
  fileName: string;
  pages: 0;
  bytes: Uint8Array;
  /** How many days have an event. */
  events: number;
}

export function calendarFileName(drug: string, language: string): string {
  return `${drug}-calendar-${language}.ics`;
}

export async function generateCalendar(order: Order, catalog: Catalog, stamp: Date): Promise<CalendarFile> {
  const regimen = catalog.regimens.get(order.regimen);
  const bundle = catalog.locales.get(order.language);
  const brand = catalog.brands.get(order.brand);
  if (!regimen || !bundle || !brand) throw new OrderNotValidatedError("the calendar needs a validated order");
  const t = createTranslator(bundle, order.drug);
  const words = { t, fmt: createFormatters(bundle.meta.intlLocale) };
  const days = buildCalendarDays(order, buildPlan(order, regimen), words, brand);
  const text = await renderIcs(days, t("common:calendarFile.name", { drug: drugName(order.drug, t) }), stamp);
  return {
    kind: "calendar",
    drug: order.drug,
    language: order.language,
    fileName: calendarFileName(order.drug, order.language),
    pages: 0,
    bytes: new TextEncoder().encode(text),
    events: days.length,
  };
}
