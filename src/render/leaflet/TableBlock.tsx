// A plain table (e.g. a visit plan): a bold header row (repeated on every page the table runs on), ruled
// rows kept whole across pages, and an optional last column of tick boxes. Ruled in black and grey so it prints the same without colour.
import { Text, View } from "@react-pdf/renderer";
import type { Block } from "../../document/documentTypes.ts";
import { tag } from "../tags/structureTag.ts";
import { measure } from "../text/canvasText.ts";
import { inReadingOrder, type Theme } from "../theme.ts";

type TableData = Extract<Block, { type: "table" }>;

/** Relative column widths: the first (a number) narrow but as wide as its heading needs (a word is never
 * broken: in large print "Bezoek" ran into the next column's heading), the others shared. */
function widths(columns: number, tick: boolean, firstHeading: number): string[] {
  const tickWidth = tick ? 12 : 0;
  const first = Math.max(12, Math.ceil(firstHeading));
  const rest = (100 - first - tickWidth) / Math.max(1, columns - 1);
  return [`${first}%`, ...Array.from({ length: columns - 1 }, () => `${rest}%`), ...(tick ? [`${tickWidth}%`] : [])];
}

export function TableBlock({ block, theme }: { block: TableData; theme: Theme }) {
  const tick = block.tickLabel !== undefined;
  const text = { fontSize: theme.font.body, color: theme.colour.text, lineHeight: 1.3 };
  const cell = { paddingVertical: 4, paddingHorizontal: 4 };
  const firstHeading =
    measure(block.header[0] ?? "", { size: theme.font.body, bold: true }) + 2 * cell.paddingHorizontal;
  const w = widths(block.header.length, tick, (100 * (firstHeading + 1)) / theme.page.contentWidth);
  // Right to left, a row's cells are set from its last (inReadingOrder): the row's cells are read back in order.
  const row = () => tag("TR", { kidsReversed: theme.direction === "rtl" });
  return (
    <View {...tag("Table")} style={{ marginVertical: 6, borderTopWidth: 1, borderColor: theme.colour.text }}>
      {/* `fixed` inside the table: the header row is repeated at the top of every page the table runs on. */}
      <View {...row()} fixed style={{ flexDirection: "row", borderBottomWidth: 1, borderColor: theme.colour.text }}>
        {inReadingOrder(
          theme,
          [...block.header, ...(tick ? [block.tickLabel ?? ""] : [])].map((label, i) => (
            <Text
              key={label}
              {...tag("TH", { scope: "Column" })}
              style={{ ...text, ...cell, width: w[i], fontWeight: 700 }}
            >
              {label}
            </Text>
          )),
        )}
      </View>
      {block.rows.map((values) => (
        <View
          key={values.join("|")}
          {...row()}
          wrap={false}
          style={{
            flexDirection: "row",
            alignItems: "center",
            borderBottomWidth: 0.75,
            borderColor: theme.colour.rule,
          }}
        >
          {inReadingOrder(theme, [
            ...values.map((value, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <Text key={i} {...tag("TD")} style={{ ...text, ...cell, width: w[i] }}>
                {value}
              </Text>
            )),
            tick ? (
              <View key="tick" {...tag("TD")} style={{ ...cell, width: w[values.length] }}>
                <View style={{ width: 11, height: 11, borderWidth: 1, borderColor: theme.colour.text }} />
              </View>
            ) : null,
          ])}
        </View>
      ))}
    </View>
  );
}
