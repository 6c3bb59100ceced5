// A bilingual leaflet's model: the patient's model with the same patient's figures worded again in the
// second (the nurse's) language. `second` is what {{#bilingual}} renders its second copy from (the
// personal block's facts, whom to call), and each calendar cycle carries its title and dose lines in that
// language too (the day grid itself is printed once). Dates, doses and numbers come from the same plan.
import type { LeafletModel } from "./buildLeafletModel.ts";

/** The second language as the calendar marks it: its code, direction and own name ("Nederlands"). */
export interface SecondLanguageTag {
  code: string;
  direction: "ltr" | "rtl";
  label: string;
}

/** A cycle's title, continuation title and dose lines in the second language; `null` on a one-language leaflet. */
export interface CycleInSecondLanguage extends SecondLanguageTag {
  title: string;
  continued: string;
  lines: string[];
}

/**
 * The model a template renders: `second` is the second language's model (or null), and every cycle of
 * the calendar has `second` (its words in that language, or null), so strict templates can test for it.
 */
export function withSecondLanguage(model: LeafletModel, second?: { model: LeafletModel; tag: SecondLanguageTag }) {
  const secondCycles = second?.model.calendar?.cycles ?? [];
  const calendar = model.calendar
    ? {
        ...model.calendar,
        cycles: model.calendar.cycles.map((cycle, i) => {
          const other = secondCycles[i];
          const words: CycleInSecondLanguage | null =
            second && other
              ? { ...second.tag, title: other.title, continued: other.continued, lines: other.lines }
              : null;
          return { ...cycle, second: words };
        }),
      }
    : model.calendar;
  return { ...model, calendar, second: second?.model ?? null };
}

export type BilingualLeafletModel = ReturnType<typeof withSecondLanguage>;
