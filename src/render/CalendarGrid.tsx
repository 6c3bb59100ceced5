// The treatment calendar: a key, then per cycle its dates in words and a week grid (weekdays in columns
// from the locale's first day of the week, days outside the cycle empty) with a tick box per dose. Dosing and rest days differ by symbol and text (and only then by shading), so the
// calendar reads the same on a black-and-white printer. The key is react-pdf text; each cycle's title
// and dates and the grid rows (one week, or one day in large print) are drawn on canvases (calendarRows.ts),
// each as tall as its fullest cell, so a page breaks between rows, never inside one.
import { Canvas, Text, View } from "@react-pdf/renderer";
import type { Block } from "../document/documentTypes.ts";
import { type DrawRow, dayRow, weekdayHeader, weekRow } from "./calendarRows.ts";
import { drawBlocks, heightOf, textBlock } from "./canvasBlocks.ts";
import type { Painter } from "./canvasText.ts";
import { asContent, contentElement, inElement, logicalText, type PaintInfo } from "./tags/canvasTags.ts";
import { artifact, tag } from "./tags/structureTag.ts";
import { inReadingOrder, side, start, type Theme } from "./theme.ts";

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
  const text = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3, textAlign: start(theme) };
  return (
    <View>
      {/* The key: a list, its title the caption, each symbol a label (the mark drawn beside it an artifact). */}
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
              {inReadingOrder(theme, [
                key.mark === "rest" ? <RestMark key="mark" theme={theme} /> : <TickBox key="mark" theme={theme} />,
                <Text key="symbol" style={{ ...text, fontWeight: 700 }}>
                  {key.symbol}
                </Text>,
              ])}
            </View>
            <Text {...tag("LBody")} style={text}>
              {key.text}
            </Text>
          </View>
        ))}
      </View>
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

type CalendarCycleData = CalendarBlockData["cycles"][number];

/** A cycle as a grid: its title and dates, the weekday header and the first week kept together, then a row
 * per week. */
function GridCycle({ cycle, weekdays, theme }: { cycle: CalendarCycleData; weekdays: string[][]; theme: Theme }) {
  const header = weekdayHeader(weekdays, theme);
  const [first, ...rest] = cycle.weeks.map((week) => weekRow(week.days, theme));
  const placed = pagePlacement();
  return (
    // A cycle is a table: its title and dates the caption, the weekdays its header row, a row per week.
    <View {...tag("Table")} style={{ marginBottom: 10 }}>
      {/* The cycle's title and dates stay with its first row: never a title alone at a page's foot. */}
      <View wrap={false}>
        <View render={placed.mark} />
        <CycleHeading title={cycle.title} lines={cycle.lines} theme={theme} />
        <RowCanvas row={header} first />
        {first ? <RowCanvas row={first} /> : null}
      </View>
      {rest.length > 0 ? (
        <View>
          {/* On every page the cycle's later rows run on to: its title "(continued)" and the weekday header. */}
          <View
            {...artifact()}
            fixed
            render={({ pageNumber }) =>
              placed.continues(pageNumber) ? <Continued text={cycle.continued} header={header} theme={theme} /> : null
            }
          />
          {rest.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render
            <RowCanvas key={i} row={row} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

/**
 * Whether a cycle's rows run on to a page after the one its title is on. react-pdf resolves `render`
 * props page by page, before it splits each page, on everything not yet placed: the title block's marker
 * is asked on every page up to the one the title lands on, so a page the rows' repeated (fixed) element is
 * asked on, and the marker is not, comes after the title's page.
 */
function pagePlacement() {
  let titlePage = 0;
  return {
    mark: ({ pageNumber }: { pageNumber: number }) => {
      titlePage = pageNumber;
      return null;
    },
    continues: (pageNumber: number) => titlePage > 0 && pageNumber > titlePage,
  };
}

/** "Cycle 2 (continued)" and the weekday header, over a cycle's rows at the top of a page. */
function Continued({ text, header, theme }: { text: string; header: DrawRow; theme: Theme }) {
  const width = theme.page.contentWidth;
  const blocks = [
    textBlock(text, width, { size: theme.font.h3, bold: true, colour: theme.colour.primary, gapAfter: 2 }),
  ];
  return (
    <View>
      <Canvas
        style={{ width: "100%", height: heightOf(blocks) }}
        paint={(painter: unknown) => {
          drawBlocks(painter as Painter, blocks, 0, 0, width, theme);
          return null;
        }}
      />
      <RowCanvas row={header} first />
    </View>
  );
}

/** Large print: a cycle as a list by week – a heading per week (its days' dates), then a row per day. A week's
 * heading stays with its first day, the cycle's title with its first week. */
function LargePrintCycle({ cycle, theme }: { cycle: CalendarCycleData; theme: Theme }) {
  // One flat list of pieces (react-pdf splits a flat list of unbreakable pieces reliably, nested ones not).
  const pieces = cycle.weeks.flatMap((week, w) => {
    const [first, ...rest] = week.days.flatMap((day) => (day ? [dayRow(day, theme)] : []));
    return [
      <View key={week.heading} wrap={false}>
        {w === 0 ? <CycleHeading title={cycle.title} lines={cycle.lines} theme={theme} /> : null}
        <WeekHeading text={week.heading} theme={theme} />
        {first ? <RowCanvas row={first} /> : null}
      </View>,
      ...rest.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render
        <RowCanvas key={`${week.heading}\0${i}`} row={row} />
      )),
    ];
  });
  return (
    <View {...tag("Table")} style={{ marginBottom: 10 }}>
      {pieces}
    </View>
  );
}

/** Large print: a week's heading, bold at body size. */
function WeekHeading({ text, theme }: { text: string; theme: Theme }) {
  const width = theme.page.contentWidth;
  const blocks = [
    textBlock(text, width, {
      size: theme.font.body,
      bold: true,
      colour: theme.colour.text,
      lineHeight: 1.3,
      gapAfter: 2,
    }),
  ];
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
 * 1 pt under it.
 */
function CycleHeading({ title, lines, theme }: { title: string; lines: string[]; theme: Theme }) {
  const width = theme.page.contentWidth;
  const blocks = [
    textBlock(title, width, { size: theme.font.h3, bold: true, colour: theme.colour.primary, gapAfter: 2 }),
    ...lines.map((line) =>
      textBlock(line, width, { size: theme.font.body, colour: theme.colour.text, lineHeight: 1.3, gapAfter: 1 }),
    ),
  ];
  return (
    <Canvas
      {...tag("Caption", logicalText([title, ...lines], {}, theme.direction === "rtl"))}
      style={{ width: "100%", height: heightOf(blocks) }}
      paint={(painter: unknown, _width: number, _height: number, info?: PaintInfo) => {
        asContent(info?.tags, () => drawBlocks(painter as Painter, blocks, 0, 0, width, theme));
        return null;
      }}
    />
  );
}

function RowCanvas({ row, first = false }: { row: DrawRow; first?: boolean }) {
  return <Canvas style={{ width: "100%", height: row.height, ...(first ? { marginTop: 4 } : {}) }} paint={row.paint} />;
}
