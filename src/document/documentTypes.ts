// The LeafletDoc tree: the contract between templates (which produce it, via markup) and rendering
// (which turns it into pages). It knows layout concepts only, never medicines.

export interface Inline {
  text: string;
  bold?: boolean;
}

export interface Contact {
  label: string;
  number: string;
}

export interface LegendKey {
  /** "dose": a tick box with a symbol; "rest": the rest-day mark. */
  mark: "dose" | "rest";
  symbol: string;
  text: string;
}

export interface CalendarDose {
  symbol: string;
  text: string;
}

export interface CalendarDay {
  label: string;
  date: string;
  /** Text shown on a rest day (e.g. "rest: no pomalidomide"); absent on dosing days. */
  rest?: string;
  doses: CalendarDose[];
}

/** One calendar week: seven slots from the first day of the week, `null` where the day is outside the cycle. */
export interface CalendarWeek {
  /** The cycle's days in this week as a range ("Tue 1 Dec – Sun 6 Dec"): the week's heading in large print. */
  heading: string;
  days: (CalendarDay | null)[];
}

export interface CalendarCycle {
  title: string;
  /** Over the cycle's rows that start a page: "Cycle 2 (continued)". */
  continued: string;
  lines: string[];
  /** A bilingual leaflet: the title, continuation title and lines again in the second language. */
  second?: CalendarCycleSecond;
  weeks: CalendarWeek[];
}

/** A cycle's words in a bilingual leaflet's second language, marked with that language's own name. */
export interface CalendarCycleSecond {
  language: string;
  direction: "ltr" | "rtl";
  label: string;
  title: string;
  continued: string;
  lines: string[];
}

export type Block =
  /** `shared`: the same for every patient of this medicine, language and brand (rendered once, reused). */
  | { type: "section"; id: string; breakBefore: boolean; shared: boolean; children: Block[] }
  | { type: "heading"; level: 1 | 2 | 3; text: Inline[] }
  | { type: "paragraph"; text: Inline[]; small: boolean }
  /** `start`: the number of the first item of an ordered list (1 unless a list continues). */
  | { type: "list"; ordered: boolean; items: Inline[][]; start?: number }
  | { type: "callout"; tone: "urgent" | "info"; children: Block[] }
  /** The same content again in a second language (bilingual leaflets), marked with that language's name. */
  | { type: "aside"; language: string; direction: "ltr" | "rtl"; label: string; children: Block[] }
  | { type: "facts"; items: { label: string; value: string }[] }
  | { type: "contacts"; items: Contact[] }
  /** A web address on its own, broken into lines where it must (never run off the page). */
  | { type: "address"; url: string }
  /** A QR code for `url`, with the label and the address printed beside it (so it works without a phone too). */
  | { type: "qr"; url: string; label: string }
  /** A plain table; with `tickLabel`, a last column of tick boxes under that heading. */
  | { type: "table"; header: string[]; rows: string[][]; tickLabel?: string }
  /** One line set as large as fits, from `maxSize` down to `minSize` pt; `field` names the order field it shows;
   * `size` is filled in before rendering (render/text/resolveFitLines.ts). */
  | { type: "fitLine"; label: string; text: string; field: string; maxSize: number; minSize: number; size?: number }
  /** `weekdays`: the columns' headers from the first day of the week, one list per language (the patient's
   * first, then a bilingual leaflet's second language). */
  | { type: "calendar"; legendTitle: string; legend: LegendKey[]; weekdays: string[][]; cycles: CalendarCycle[] }
  /** The patient's own space for notes and questions: its heading(s), then ruled lines down to the foot of
   * the page it ends on (at least a few lines; it moves to a page of its own where those do not fit). */
  | { type: "notes"; children: Block[] };

export interface LeafletDoc {
  language: string;
  direction: "ltr" | "rtl";
  /** Document title for the PDF metadata: medicine and kind, never the patient's name. */
  title: string;
  subject: string;
  author: string;
  header: { organisation: string; title: string; patient: string };
  /** `pageLabel` holds {page} and {total}, filled in per page when rendering; `notice` ("" for none) is
   * small print on every page, e.g. that a translation is not yet reviewed. */
  footer: { source: string; notice: string; pageLabel: string; contacts: Contact[] };
  body: Block[];
}

/** One side of a card: a coloured band (logo, organisation, title) above the blocks. */
export interface CardFace {
  band: { organisation: string; title: string };
  blocks: Block[];
  /** The face's text again in a second language (a bilingual order; the back only). It is printed whole
   * or not at all: at the foot of the face, in small type under a thin rule, or left out where it does
   * not fit (render/card/fitSecondLanguage.tsx). */
  second?: CardSecondLanguage;
}

/** A face's text in a second language, marked with that language's own name ("Nederlands"). */
export interface CardSecondLanguage {
  language: string;
  direction: "ltr" | "rtl";
  label: string;
  blocks: Block[];
}

/** A wallet card: front and back in the patient's language (the back may also carry a second language).
 * Metadata never holds the patient's name. */
export interface CardDoc {
  language: string;
  direction: "ltr" | "rtl";
  title: string;
  subject: string;
  author: string;
  front: CardFace;
  back: CardFace;
}
