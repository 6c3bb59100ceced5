// One react-pdf component per LeafletDoc block: sections, headings, paragraphs, lists, callouts,
// facts and contacts. The calendar has its own module (CalendarGrid.tsx).
import { Text, View } from "@react-pdf/renderer";
import type { Block, Inline } from "../document/documentTypes.ts";
import { CalendarBlock } from "./CalendarGrid.tsx";
import { TableBlock } from "./TableBlock.tsx";
import type { Theme } from "./theme.ts";

export function Blocks({ blocks, theme }: { blocks: Block[]; theme: Theme }) {
  return (
    <>
      {blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are static for one render
        <BlockView key={i} block={block} theme={theme} />
      ))}
    </>
  );
}

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((run, i) =>
        run.bold ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are static for one render
          <Text key={i} style={{ fontWeight: 700 }}>
            {run.text}
          </Text>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

function BlockView({ block, theme }: { block: Block; theme: Theme }) {
  const { font, colour } = theme;
  const body = { fontSize: font.body, lineHeight: font.lineHeight, color: colour.text };
  switch (block.type) {
    case "section":
      return (
        <View break={block.breakBefore} style={{ marginBottom: 8 }}>
          <Blocks blocks={block.children} theme={theme} />
        </View>
      );
    case "heading": {
      const size = block.level === 1 ? font.h1 : block.level === 2 ? font.h2 : font.h3;
      return (
        <Text
          minPresenceAhead={40}
          style={{
            fontSize: size,
            fontWeight: 700,
            color: colour.primary,
            marginTop: block.level === 3 ? 6 : 8,
            marginBottom: 4,
            lineHeight: 1.25,
          }}
        >
          <Runs runs={block.text} />
        </Text>
      );
    }
    case "paragraph":
      return (
        <Text style={{ ...body, fontSize: block.small ? font.small : font.body, marginBottom: block.small ? 3 : 5 }}>
          <Runs runs={block.text} />
        </Text>
      );
    case "list":
      return (
        <View style={{ marginBottom: 5 }}>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are static for one render
            <View key={i} wrap={false} style={{ flexDirection: "row", marginBottom: 2 }}>
              <Text style={{ ...body, width: 16 }}>{block.ordered ? `${i + 1}.` : "•"}</Text>
              <Text style={{ ...body, flexGrow: 1, flexShrink: 1 }}>
                <Runs runs={item} />
              </Text>
            </View>
          ))}
        </View>
      );
    case "callout": {
      const urgent = block.tone === "urgent";
      return (
        <View
          wrap={false}
          style={{
            marginVertical: 6,
            padding: 9,
            backgroundColor: colour.accent,
            borderWidth: urgent ? 2.5 : 1,
            borderColor: urgent ? colour.text : colour.primary,
            borderRadius: 3,
          }}
        >
          <Blocks blocks={block.children} theme={theme} />
        </View>
      );
    }
    case "facts":
      return (
        <View style={{ marginBottom: 6, borderTopWidth: 0.75, borderTopColor: colour.rule }}>
          {block.items.map((item) => (
            <View
              key={item.label}
              wrap={false}
              style={{
                flexDirection: "row",
                paddingVertical: 3,
                borderBottomWidth: 0.75,
                borderBottomColor: colour.rule,
              }}
            >
              <Text style={{ ...body, width: "34%", fontWeight: 700 }}>{item.label}</Text>
              <Text style={{ ...body, width: "66%" }}>{item.value}</Text>
            </View>
          ))}
        </View>
      );
    case "contacts":
      return (
        <View style={{ marginTop: 2 }}>
          {block.items.map((c) => (
            <Text key={c.label} style={{ ...body, fontSize: font.h3 }}>
              {`${c.label}: `}
              <Text style={{ fontWeight: 700 }}>{c.number}</Text>
            </Text>
          ))}
        </View>
      );
    case "calendar":
      return <CalendarBlock block={block} theme={theme} />;
    case "table":
      return <TableBlock block={block} theme={theme} />;
  }
}
