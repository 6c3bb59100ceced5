// The treatment calendar: a key, then per cycle its dates in words and a week-by-week grid with a tick
// box per dose. Dosing and rest days differ by symbol and text (and only then by shading), so the
// calendar reads the same on a black-and-white printer.
import { Text, View } from "@react-pdf/renderer";
import type { Block, CalendarDay } from "../document/documentTypes.ts";
import type { Theme } from "./theme.ts";

type CalendarBlockData = Extract<Block, { type: "calendar" }>;

const BOX = 9;

function TickBox({ theme }: { theme: Theme }) {
  return <View style={{ width: BOX, height: BOX, borderWidth: 1, borderColor: theme.colour.text, marginRight: 3 }} />;
}

function RestMark({ theme }: { theme: Theme }) {
  return (
    <View style={{ width: BOX, height: BOX, marginRight: 3, justifyContent: "center" }}>
      <View style={{ height: 1.5, backgroundColor: theme.colour.text }} />
    </View>
  );
}

export function CalendarBlock({ block, theme }: { block: CalendarBlockData; theme: Theme }) {
  const text = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3 };
  return (
    <View>
      <View wrap={false} style={{ marginBottom: 8, padding: 6, borderWidth: 0.75, borderColor: theme.colour.rule }}>
        <Text style={{ ...text, fontWeight: 700, marginBottom: 2 }}>{block.legendTitle}</Text>
        {block.legend.map((key) => (
          // The mark and symbol hang in the padding, so the text wraps at the legend's real width.
          <View key={`${key.mark}${key.symbol}`} style={{ paddingLeft: BOX + 15, marginBottom: 1 }}>
            <View style={{ position: "absolute", left: 0, top: 1.5, flexDirection: "row", alignItems: "center" }}>
              {key.mark === "rest" ? <RestMark theme={theme} /> : <TickBox theme={theme} />}
              <Text style={{ ...text, fontWeight: 700 }}>{key.symbol}</Text>
            </View>
            <Text style={text}>{key.text}</Text>
          </View>
        ))}
      </View>
      {block.cycles.map((cycle) => (
        <View key={cycle.title} style={{ marginBottom: 10 }}>
          <Text
            minPresenceAhead={120}
            style={{ fontSize: theme.font.h3, fontWeight: 700, color: theme.colour.primary, marginBottom: 2 }}
          >
            {cycle.title}
          </Text>
          {cycle.lines.map((line) => (
            <Text key={line} style={{ ...text, fontSize: theme.font.body, marginBottom: 1 }}>
              {line}
            </Text>
          ))}
          {theme.largePrint ? (
            <DayList days={cycle.weeks.flat()} theme={theme} />
          ) : (
            <View style={{ marginTop: 4, borderTopWidth: 0.75, borderLeftWidth: 0.75, borderColor: theme.colour.text }}>
              {cycle.weeks.map((week) => (
                <View key={week[0]?.label} wrap={false} style={{ flexDirection: "row" }}>
                  {week.map((day) => (
                    <DayCell key={day.label} day={day} theme={theme} />
                  ))}
                  {Array.from({ length: 7 - week.length }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity
                    <View key={i} style={{ width: `${100 / 7}%` }} />
                  ))}
                </View>
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

/** Large print: one row per day (date and day number, then each dose with its box, or the rest mark). */
function DayList({ days, theme }: { days: CalendarDay[]; theme: Theme }) {
  const text = { fontSize: theme.font.body, color: theme.colour.text, lineHeight: 1.25 };
  const box = {
    width: theme.font.body * 0.9,
    height: theme.font.body * 0.9,
    borderWidth: 1.25,
    borderColor: theme.colour.text,
    marginRight: 6,
  };
  return (
    <View style={{ marginTop: 4, borderTopWidth: 1, borderColor: theme.colour.text }}>
      {days.map((day) => (
        <View
          key={day.label}
          wrap={false}
          style={{
            flexDirection: "row",
            paddingVertical: 4,
            borderBottomWidth: 1,
            borderColor: theme.colour.text,
            backgroundColor: day.rest ? theme.colour.restFill : "#FFFFFF",
          }}
        >
          <View style={{ width: "42%", paddingLeft: 4 }}>
            <Text style={{ ...text, fontWeight: 700 }}>{day.date}</Text>
            <Text style={text}>{day.label}</Text>
          </View>
          <View style={{ width: "58%" }}>
            {day.doses.map((dose) => (
              <View key={dose.symbol} style={{ flexDirection: "row", alignItems: "center", marginBottom: 2 }}>
                <View style={box} />
                <Text style={{ ...text, fontWeight: 700 }}>{dose.symbol} </Text>
                <Text style={text}>{dose.text}</Text>
              </View>
            ))}
            {day.rest ? (
              <View style={{ flexDirection: "row", alignItems: "center" }}>
                <View style={{ ...box, borderWidth: 0, justifyContent: "center" }}>
                  <View style={{ height: 2, backgroundColor: theme.colour.text }} />
                </View>
                <Text style={text}>{day.rest}</Text>
              </View>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}

function DayCell({ day, theme }: { day: CalendarDay; theme: Theme }) {
  const text = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.25 };
  return (
    <View
      style={{
        width: `${100 / 7}%`,
        minHeight: 52,
        padding: 3,
        borderRightWidth: 0.75,
        borderBottomWidth: 0.75,
        borderColor: theme.colour.text,
        backgroundColor: day.rest ? theme.colour.restFill : "#FFFFFF",
      }}
    >
      <Text style={{ ...text }}>{day.label}</Text>
      <Text style={{ ...text, fontWeight: 700, marginBottom: 2 }}>{day.date}</Text>
      {day.doses.map((dose) => (
        <View key={dose.symbol} style={{ flexDirection: "row", alignItems: "center", marginBottom: 1 }}>
          <TickBox theme={theme} />
          <Text style={{ ...text, fontWeight: 700 }}>{dose.symbol} </Text>
          <Text style={{ ...text }}>{dose.text}</Text>
        </View>
      ))}
      {day.rest ? (
        <View style={{ flexDirection: "row", alignItems: "center" }}>
          <RestMark theme={theme} />
          <Text style={{ ...text }}>{day.rest}</Text>
        </View>
      ) : null}
    </View>
  );
}
