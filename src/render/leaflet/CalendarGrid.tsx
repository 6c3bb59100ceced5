// The treatment calendar: a key, then per cycle its dates in words and a week grid (weekdays in columns
// from the locale's first day of the week, days outside the cycle empty) with a tick box per dose. Dosing and rest days differ by symbol and text (and only then by shading), so the
// calendar reads the same on a black-and-white printer. The key is react-pdf text; each cycle's title
// and dates and the grid rows (one week, or one day in large print) are drawn on canvases (calendarRows.ts),
// each as tall as its fullest cell, so a page breaks between rows, never inside one.
import { Canvas, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../document/documentTypes.ts";
import { asContent, contentElement, inElement, logicalText, type PaintInfo } from "../tags/canvasTags.ts";
import { artifact, tag } from "../tags/structureTag.ts";
import type { Painter } from "../text/canvasText.ts";
import { inReadingOrder, side, start, type Theme, withDirection } from "../theme.ts";
import { type DrawRow, dayRow, weekdayHeader, weekRow } from "./calendarRows.ts";
import { drawBlocks, heightOf, textBlock } from "./canvasBlocks.ts";

type CalendarBlockData = Extract<Block, { type: "calendar" }>;

/** The key's tick box: as in the grid (9 pt), or as in large print's day rows (0.9 em). */
function boxSize(theme: Theme): number {
  return theme.largePrint ? theme.font.small * 0.9 : 9;
}

function TickBox({ theme }: { theme: Theme }) {
  const box = boxSize(theme);
  return (
    <View
      style={{ width: box, height: box, borderWidth: 1, borderColor: theme.colour.text, [side(theme).marginEnd]: 3 }}
    />
  );
}

function RestMark({ theme }: { theme: Theme }) {
  const box = boxSize(theme);
  return (
    <View style={{ width: box, height: box, [side(theme).marginEnd]: 3, justifyContent: "center" }}>
      <View style={{ height: 1.5, backgroundColor: theme.colour.text }} />
    </View>
  );
}

export function CalendarBlock({ block, theme }: { block: CalendarBlockData; theme: Theme }) {
  return (
    <View>
      {theme.largePrint || theme.direction === "rtl" ? (
        <CalendarKey block={block} theme={theme} />
      ) : (
        <CalendarKeyInLine block={block} theme={theme} />
      )}
      {block.cycles.map((cycle) =>
        theme.largePrint ? (
          <LargePrintCycle key={cycle.title} cycle={cycle} theme={theme} />
        ) : (
          <GridCycle key={cycle.title} cycle={cycle} weekdays={block.weekdays} theme={theme} />
        ),
      )}
    </View>
  );
}

/** The key: its title, then a line per mark (large print, and right to left). */
function CalendarKey({ block, theme }: { block: CalendarBlockData; theme: Theme }) {
  const text = keyText(theme);
  return (
    // The key: a list, its title the caption, each symbol a label (the mark drawn beside it an artifact).
    <View
      {...tag("L")}
      wrap={false}
      style={{ marginBottom: 8, padding: 6, borderWidth: 0.75, borderColor: theme.colour.rule }}
    >
      <Text {...tag("Caption")} style={{ ...text, fontWeight: 700, marginBottom: 2 }}>
        {block.legendTitle}
      </Text>
      {block.legend.map((key) => (
        // The mark and symbol hang in the padding, so the text wraps at the legend's real width.
        <View
          key={`${key.mark}${key.symbol}`}
          {...tag("LI")}
          style={{ [side(theme).paddingStart]: boxSize(theme) + 6 + theme.font.small, marginBottom: 1 }}
        >
          <View
            {...tag("Lbl")}
            style={{
              position: "absolute",
              [start(theme)]: 0,
              top: theme.font.small * 0.15,
              flexDirection: "row",
              alignItems: "center",
            }}
          >
            <KeyMark mark={key.mark} symbol={key.symbol} theme={theme} />
          </View>
          <Text {...tag("LBody")} style={text}>
            {key.text}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The key in as few lines as fit (one, in English): its title and the marks one after the other, each
 * mark with its text kept on one line. Room on the first page, where the first cycle should still fit. */
function CalendarKeyInLine({ block, theme }: { block: CalendarBlockData; theme: Theme }) {
  const text = keyText(theme);
  const gap = theme.font.small * 1.5;
  return (
    <View
      {...tag("L")}
      wrap={false}
      style={{
        marginBottom: 8,
        paddingVertical: 4,
        paddingHorizontal: 6,
        borderWidth: 0.75,
        borderColor: theme.colour.rule,
        flexDirection: "row",
        flexWrap: "wrap",
      }}
    >
      <Text {...tag("Caption")} style={{ ...text, fontWeight: 700, marginRight: gap }}>
        {block.legendTitle}
      </Text>
      {block.legend.map((key) => (
        <View
          key={`${key.mark}${key.symbol}`}
          {...tag("LI")}
          style={{ flexDirection: "row", alignItems: "center", marginRight: gap, maxWidth: "100%" }}
        >
          <View {...tag("Lbl")} style={{ flexDirection: "row", alignItems: "center" }}>
            <KeyMark mark={key.mark} symbol={key.symbol} theme={theme} spaced />
          </View>
          <Text {...tag("LBody")} style={text}>
            {key.text}
          </Text>
        </View>
      ))}
    </View>
  );
}

function keyText(theme: Theme) {
  return { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3, textAlign: start(theme) };
}

/** A key's tick box (or rest mark) and its symbol, in reading order. */
function KeyMark({
  mark,
  symbol,
  theme,
  spaced = false,
}: {
  mark: string;
  symbol: string;
  theme: Theme;
  spaced?: boolean;
}) {
  return (
    <>
      {inReadingOrder(theme, [
        mark === "rest" ? <RestMark key="mark" theme={theme} /> : <TickBox key="mark" theme={theme} />,
        <Text key="symbol" style={{ ...keyText(theme), fontWeight: 700, ...(spaced ? { marginRight: 3 } : {}) }}>
          {symbol}
        </Text>,
      ])}
    </>
  );
}

type CalendarCycleData = CalendarBlockData["cycles"][number];

/** A cycle as a grid: its title and dates, the weekday header and the first week kept together, then a row
 * per week. Over the rows that run on to a later page: "Cycle N (continued)" and the weekday header. */
function GridCycle({ cycle, weekdays, theme }: { cycle: CalendarCycleData; weekdays: string[][]; theme: Theme }) {
  const header = weekdayHeader(weekdays, theme);
  const [first, ...rest] = cycle.weeks.map((week) => weekRow(week.days, theme));
  return (
    // A cycle is a table: its title and dates the caption, the weekdays its header row, a row per week.
    <View {...tag("Table")} style={{ marginBottom: 10 }}>
      {/* The cycle's title and dates stay with its first row: never a title alone at a page's foot. */}
      <View wrap={false}>
        <CycleHeading cycle={cycle} theme={theme} />
        <RowCanvas row={header} first />
        {first ? <RowCanvas row={first} /> : null}
      </View>
      {rest.length > 0 ? (
        <RunOn heading={continuedHeading(cycle, header, theme)}>
          {rest.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render
            <RowCanvas key={i} row={row} />
          ))}
        </RunOn>
      ) : null}
    </View>
  );
}

/** A heading drawn over rows that run on to a later page (see RunOn). */
interface RunOnHeading {
  height: number;
  paint: (painter: Painter) => void;
}

/** What a canvas's paint gets beyond react-pdf's own painter (patches/@react-pdf+render). */
interface MovablePainter extends Painter {
  save(): MovablePainter;
  restore(): MovablePainter;
  translate(x: number, y: number): MovablePainter;
}

/**
 * Rows that may run on to later pages, with `heading` over them on each later page and nothing on the
 * first. The heading is a fixed element at the top of the rows' view, so react-pdf repeats it on every
 * page the view runs on; its room on the first page is taken back by a negative top margin (the view
 * starts that much higher, over the rows before it, where the heading draws nothing), and react-pdf drops
 * the margin on the view's later parts, where the heading is drawn. Which page is the first: the first
 * its canvas is drawn on (pages are drawn in order). No render prop: those make react-pdf lay every page
 * out again.
 */
function RunOn({ heading, children }: { heading: RunOnHeading; children: ReactNode }) {
  let firstPage: number | undefined;
  return (
    <View style={{ marginTop: -heading.height }}>
      <Canvas
        {...artifact()}
        fixed
        style={{ width: "100%", height: heading.height }}
        paint={(painter: unknown, _width: number, _height: number, page?: { pageNumber?: number }) => {
          const pageNumber = page?.pageNumber ?? 0;
          firstPage ??= pageNumber;
          if (pageNumber !== firstPage) heading.paint(painter as Painter);
          return null;
        }}
      />
      {children}
    </View>
  );
}

/** "Cycle 2 (continued)" (and, bilingual, the same in the second language) and the weekday header, over a
 * cycle's rows at the top of a page. */
function continuedHeading(cycle: CalendarCycleData, header: DrawRow, theme: Theme): RunOnHeading {
  const width = theme.page.contentWidth;
  const blocks = [
    textBlock(cycle.continued, width, { size: theme.font.h3, bold: true, colour: theme.colour.primary, gapAfter: 2 }),
  ];
  const second = cycle.second
    ? secondLanguageLines(cycle.second, [cycle.second.continued], [], theme, width)
    : undefined;
  const headerTop = heightOf(blocks) + (second?.height ?? 0) + 4; // as RowCanvas `first`
  return {
    height: headerTop + header.height,
    paint: (painter) => {
      const top = drawBlocks(painter, blocks, 0, 0, width, theme);
      second?.paint(painter, top);
      const p = painter as MovablePainter;
      p.save().translate(0, headerTop);
      header.paint(p);
      p.restore();
    },
  };
}

/** Large print: "Cycle 2 (continued)" and a week's heading (either may be empty), over days at the top of a
 * page. */
function continuedWeekHeading(cycleText: string, weekText: string, theme: Theme): RunOnHeading {
  const width = theme.page.contentWidth;
  const cycle = cycleText
    ? [textBlock(cycleText, width, { size: theme.font.h3, bold: true, colour: theme.colour.primary, gapAfter: 2 })]
    : [];
  const week = weekHeadingBlocks(weekText, theme);
  const weekTop = heightOf(cycle);
  return {
    height: weekTop + (week.length > 0 ? heightOf(week) + 6 : 0),
    paint: (painter) => {
      drawBlocks(painter, cycle, 0, 0, width, theme);
      drawBlocks(painter, week, 0, weekTop + 6, width, theme);
    },
  };
}

/** Large print: a cycle as a list by week – a heading per week (its days' dates), then a row per day. A week's
 * heading stays with its first day, the cycle's title with its first week. A page that starts inside a
 * cycle starts with "Cycle N (continued)", and inside a week also with the week's heading. */
function LargePrintCycle({ cycle, theme }: { cycle: CalendarCycleData; theme: Theme }) {
  // react-pdf keeps an unbreakable piece that does not fit on the page (drawn past its foot) when it is
  // the first thing in its parent: the pieces are siblings, and the later weeks sit in a run-on view whose
  // repeated heading comes first in it.
  const weeks = cycle.weeks.map((week, w) => {
    const [first, ...rest] = week.days.flatMap((day) => (day ? [dayRow(day, theme)] : []));
    return [
      <View key={week.heading} wrap={false}>
        {w === 0 ? <CycleHeading cycle={cycle} theme={theme} /> : null}
        <WeekHeading text={week.heading} theme={theme} />
        {first ? <RowCanvas row={first} /> : null}
      </View>,
      rest.length > 0 ? (
        // Week 1's days run on under the cycle's and the week's heading; a later week's under its own
        // (the cycle's is over the later weeks).
        <RunOn
          key={`${week.heading}\0rest`}
          heading={continuedWeekHeading(w === 0 ? cycle.continued : "", week.heading, theme)}
        >
          {rest.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render
            <RowCanvas key={i} row={row} />
          ))}
        </RunOn>
      ) : null,
    ];
  });
  const [firstWeek, ...laterWeeks] = weeks;
  return (
    <View {...tag("Table")} style={{ marginBottom: 10 }}>
      {firstWeek}
      {laterWeeks.length > 0 ? (
        <RunOn heading={continuedWeekHeading(cycle.continued, "", theme)}>{laterWeeks.flat()}</RunOn>
      ) : null}
    </View>
  );
}

/** Large print: a week's heading, bold at body size. */
function weekHeadingBlocks(text: string, theme: Theme) {
  if (!text) return [];
  return [
    textBlock(text, theme.page.contentWidth, {
      size: theme.font.body,
      bold: true,
      colour: theme.colour.text,
      lineHeight: 1.3,
      gapAfter: 2,
    }),
  ];
}

function WeekHeading({ text, theme }: { text: string; theme: Theme }) {
  const width = theme.page.contentWidth;
  const blocks = weekHeadingBlocks(text, theme);
  return (
    <Canvas
      style={{ width: "100%", height: heightOf(blocks) + 6 }}
      paint={(painter: unknown, _width: number, _height: number, info?: PaintInfo) => {
        // The week's heading: a row of its own, one header cell over the week's days.
        inElement(info?.tags, "TR", () =>
          contentElement(
            info?.tags,
            "TH",
            () => drawBlocks(painter as Painter, blocks, 0, 6, width, theme),
            logicalText([text], { scope: "Column" }, theme.direction === "rtl"),
          ),
        );
        return null;
      }}
    />
  );
}

/**
 * A cycle's title and its dates in words, on a canvas: they differ for every patient, and as react-pdf
 * text each would be laid out afresh for every leaflet. Sizes and spacing as the text they replace: the
 * title at h3 in the font's own line height, 2 pt under it; each line at body size, line height 1.3,
 * 1 pt under it. A bilingual leaflet adds the title and lines in the second language under them.
 */
function CycleHeading({ cycle, theme }: { cycle: CalendarCycleData; theme: Theme }) {
  const width = theme.page.contentWidth;
  const blocks = [
    textBlock(cycle.title, width, { size: theme.font.h3, bold: true, colour: theme.colour.primary, gapAfter: 2 }),
    ...cycle.lines.map((line) =>
      textBlock(line, width, { size: theme.font.body, colour: theme.colour.text, lineHeight: 1.3, gapAfter: 1 }),
    ),
  ];
  const second = cycle.second
    ? secondLanguageLines(cycle.second, [cycle.second.title], cycle.second.lines, theme, width)
    : undefined;
  return (
    <Canvas
      {...tag(
        "Caption",
        logicalText(
          [cycle.title, ...cycle.lines, ...(cycle.second ? [cycle.second.title, ...cycle.second.lines] : [])],
          {},
          theme.direction === "rtl",
        ),
      )}
      style={{ width: "100%", height: heightOf(blocks) + (second?.height ?? 0) }}
      paint={(painter: unknown, _width: number, _height: number, info?: PaintInfo) => {
        asContent(info?.tags, () => {
          const top = drawBlocks(painter as Painter, blocks, 0, 0, width, theme);
          second?.paint(painter as Painter, top);
        });
        return null;
      }}
    />
  );
}

/** Space above and the indent of a cycle's words in the second language (as an aside of the shared text). */
const SECOND_GAP = 2;
const SECOND_INDENT = 9;
const SECOND_BAR = 2;

/**
 * A cycle's words in a bilingual leaflet's second language: bold lines (the title) then plain ones, at
 * small size, in that language's own direction, indented from its start with a bar beside them (as the
 * shared text's second-language asides are).
 */
function secondLanguageLines(
  second: NonNullable<CalendarCycleData["second"]>,
  boldLines: string[],
  lines: string[],
  theme: Theme,
  width: number,
) {
  const own = withDirection(theme, second.direction);
  const textWidth = width - SECOND_INDENT;
  const style = { size: theme.font.small, colour: theme.colour.text, lineHeight: 1.3, gapAfter: 0.5 };
  const blocks = [
    ...boldLines.map((line) => textBlock(line, textWidth, { ...style, bold: true })),
    ...lines.map((line) => textBlock(line, textWidth, style)),
  ];
  const textHeight = heightOf(blocks);
  return {
    height: SECOND_GAP + textHeight + 2,
    paint: (painter: Painter, top: number) => {
      const y = top + SECOND_GAP;
      const barX = own.direction === "rtl" ? width - SECOND_BAR / 2 : SECOND_BAR / 2;
      painter
        .lineWidth(SECOND_BAR)
        .moveTo(barX, y)
        .lineTo(barX, y + textHeight)
        .stroke(theme.colour.rule);
      drawBlocks(painter, blocks, own.direction === "rtl" ? 0 : SECOND_INDENT, y, textWidth, own);
    },
  };
}

function RowCanvas({ row, first = false }: { row: DrawRow; first?: boolean }) {
  return <Canvas style={{ width: "100%", height: row.height, ...(first ? { marginTop: 4 } : {}) }} paint={row.paint} />;
}
