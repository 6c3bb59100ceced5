// Calendar days → an RFC 5545 iCalendar file (the `ics` package): all-day events (DATE values, the day after
// as DTEND), shown as free time, METHOD:PUBLISH so a phone imports them. DTSTAMP is the given moment.
// Asynchronous: ics checks every event against its schema, which for a year of days takes long enough
// to hold up the nurses' page server; the async form lets other requests in between.
import { createEventsAsync, type DateArray, type EventAttributes } from "ics";
import { addDays, type IsoDate } from "../core/dates.ts";
import { InternalError } from "../core/errors.ts";
import type { CalendarDay } from "./calendarEvents.ts";

export const ICS_PRODUCT_ID = "patient-leaflets";

export async function renderIcs(days: CalendarDay[], calendarName: string, stamp: Date): Promise<string> {
  const events = days.map(
    (day) =>
      ({
        uid: day.uid,
        start: dateArray(day.date),
        end: dateArray(addDays(day.date, 1)),
        title: day.summary,
        description: day.description,
        busyStatus: "FREE",
        transp: "TRANSPARENT",
        // `timestamp` (DTSTAMP) is read by ics but missing from its type definitions.
        timestamp: stamp.getTime(),
      }) as EventAttributes,
  );
  const { error, value } = await createEventsAsync(events, {
    productId: ICS_PRODUCT_ID,
    method: "PUBLISH",
    calName: calendarName,
  });
  if (error || value === null) throw new InternalError(`the calendar file could not be made (${error?.message})`);
  return value;
}

function dateArray(date: IsoDate): DateArray {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return [year, month, day];
}
