// One react-pdf component per LeafletDoc block: sections, headings, paragraphs, lists, callouts,
// facts and contacts. The calendar has its own module (CalendarGrid.tsx).
import { Text, View } from "@react-pdf/renderer";
import { type ReactNode, useContext } from "react";
import type { Block, Inline } from "../../document/documentTypes.ts";
import { pieceOf, tagOnce } from "../tags/sameElement.ts";
import { tag } from "../tags/structureTag.ts";
import { side, start, type Theme, withDirection } from "../theme.ts";
import { addressLines, addressStyle } from "./addressLines.ts";
import { CalendarBlock } from "./CalendarGrid.tsx";
import { CalloutInPieces } from "./CalloutInPieces.tsx";
import { CALLOUT_KEY, CalloutsInPieces, calloutKey } from "./calloutsInPieces.ts";
import { FactsTable } from "./FactsTable.tsx";
import { isolate } from "./isolate.ts";
import { NotesSpace } from "./NotesSpace.tsx";
import { QrBlock } from "./QrBlock.tsx";
import { TableBlock } from "./TableBlock.tsx";

/** A heading moves to the next page unless this much of what follows it fits below it (no orphaned headings). */
const MIN_PRESENCE_AHEAD = 90;

/**
 * Right to left, a word often mixes fonts (Arabic letters and Latin digits: "22و", a content version
 * "17b90cb8"), and react-pdf offers a hyphenated break wherever the font changes inside a word ("17-",
 * "b90cb8"). Hyphenation is off everywhere, so such a break is never wanted: its penalty is made
 * infinite (react-pdf's line breaker then breaks only between words).
 */
function wholeWords(theme: Theme): { hyphenationPenalty?: number } {
  return theme.direction === "rtl" ? { hyphenationPenalty: 10_000 } : {};
}

/** Blocks short enough to be kept on one page with a lead (an aside's language name) set above them. */
const KEPT_WITH_LEAD = new Set<Block["type"]>([
  "heading",
  "paragraph",
  "facts",
  "contacts",
  "fitLine",
  "address",
  "qr",
]);

/** Whether a block is kept on one page with the lead above it: short blocks only (a large-print facts
 * table, label over value, may fill most of a page: its rows may part, the lead then stands alone). */
function _keptWithLead(block: Block, theme: Theme): boolean {
  return KEPT_WITH_LEAD.has(block.type) && !(block.type === "facts" && theme.largePrint);
}

/** `width`: the width the blocks are laid out in (the page's measure unless they sit inside a box);
 * blocks drawn on canvases (facts) need it. `lead`: drawn before the blocks and kept on one page with
 * the start of the first (an aside's language label: never alone at a page's foot). */
export function Blocks({
  blocks,
  theme,
  width = theme.page.contentWidth,
  lead,
}: {
  blocks: Block[];
  theme: Theme;
  width?: number;
  lead?: ReactNode;
}) {
  const groups = keepHeadingsWithNext(blocks);
  const leadGroup = lead === undefined ? undefined : withLead(groups);
  return (
    <>
      {lead !== undefined && !leadGroup ? lead : null}
      {(leadGroup ?? groups).map((group, i) =>
        group.length === 1 && !(leadGroup && i === 0) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are static for one render
          <BlockView key={i} block={group[0] as Block} theme={theme} width={width} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are static for one render
          <View key={i} wrap={false}>
            {leadGroup && i === 0 ? lead : null}
            {group.map((block, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are static for one render
              <BlockView key={j} block={block} theme={theme} width={width} />
            ))}
          </View>
        ),
      )}
    </>
  );
}

/**
 * The groups with a lead kept with the first: where the first is a heading with its start, a paragraph,
 * or a list's first item (the rest of the list may move on). Undefined for anything that may be taller
 * than a page or must break (a table, a calendar, a box in pieces): the lead then stands before it.
 */
function withLead(groups: Block[][]): Block[][] | undefined {
  const [first, ...rest] = groups;
  if (!first) return undefined;
  const block = first[0] as Block;
  if (first.length > 1 || block.type === "paragraph" || block.type === "heading") return groups;
  if (block.type === "list" && block.items.length > 1) {
    const [item, ...items] = block.items;
    return [[{ ...block, items: [item as Inline[]] }], [{ ...block, items, start: (block.start ?? 1) + 1 }], ...rest];
  }
  if (block.type === "list") return groups;
  return undefined;
}

/**
 * Groups each heading with what starts after it — a paragraph, or the first item of a list (the rest of
 * the list may move on) — so no heading is left alone at the foot of a page. react-pdf's
 * `minPresenceAhead` does not do this for blocks nested in sections. Long blocks (tables, calendars,
 * callouts) are never grouped: a group cannot break across pages.
 */
function keepHeadingsWithNext(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const next = blocks[i + 1];
    if (block.type === "heading" && next?.type === "paragraph") {
      groups.push([block, next]);
      i++;
    } else if (block.type === "heading" && next?.type === "list" && next.items.length > 0) {
      const [first, ...rest] = next.items;
      // Both pieces are one list for a screen reader (tags/sameElement.ts).
      groups.push([block, pieceOf({ ...next, items: [first as Inline[]] }, next)]);
      if (rest.length > 0) groups.push([pieceOf({ ...next, items: rest, start: (next.start ?? 1) + 1 }, next)]);
      i++;
    } else groups.push([block]);
  }
  return groups;
}

/** Inline text: plain runs as they are, bold runs in bold. */
export function Runs({ runs }: { runs: Inline[] }) {
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

function BlockView({ block, theme, width }: { block: Block; theme: Theme; width: number }) {
  const inPieces = useContext(CalloutsInPieces);
  const { font, colour } = theme;
  const body = { fontSize: font.body, lineHeight: font.lineHeight, color: colour.text };
  // Spacing follows the type size, so the same blocks sit well on an A4 page and on a wallet card.
  const em = font.body;
  switch (block.type) {
    case "section":
      return (
        <View {...tag("Sect")} break={block.breakBefore} style={{ marginBottom: 0.75 * em }}>
          <Blocks blocks={block.children} theme={theme} width={width} />
        </View>
      );
    case "heading": {
      const size = block.level === 1 ? font.h1 : block.level === 2 ? font.h2 : font.h3;
      return (
        <Text
          {...tag(`H${block.level}`)}
          minPresenceAhead={MIN_PRESENCE_AHEAD}
          {...wholeWords(theme)}
          style={{
            fontSize: size,
            fontWeight: 700,
            color: colour.primary,
            marginTop: (block.level === 3 ? 0.55 : 0.75) * em,
            // Arabic letters reach further below the line than Latin ones: the title keeps clear of
            // the rule of the facts table under it.
            marginBottom: (block.level === 1 && theme.direction === "rtl" ? 0.75 : 0.38) * em,
            lineHeight: 1.25,
          }}
        >
          <Runs runs={block.text} />
        </Text>
      );
    }
    case "paragraph":
      return (
        <Text
          {...wholeWords(theme)}
          {...tag("P")}
          style={{
            ...body,
            fontSize: block.small ? font.small : font.body,
            marginBottom: (block.small ? 0.3 : 0.45) * em,
            // Small print gets a shorter measure, so its lines too stay under about 100 characters.
            ...(block.small && !theme.largePrint ? { [side(theme).paddingEnd]: theme.page.contentWidth * 0.3 } : {}),
          }}
        >
          <Runs runs={block.text} />
        </Text>
      );
    case "list":
      return (
        <View {...tagOnce(block, "L")} style={{ marginBottom: 0.45 * em }}>
          {block.items.map((item, i) => (
            // The marker hangs in the item's start padding: a shrinking flex-row Text would be laid out at
            // the full width and run past the margin (react-pdf measures it before the row shrinks it).
            <View
              // biome-ignore lint/suspicious/noArrayIndexKey: items are static for one render
              key={i}
              {...tag("LI")}
              wrap={false}
              style={{ [side(theme).paddingStart]: 1.5 * em, marginBottom: 0.2 * em }}
            >
              <Text
                {...tag("Lbl")}
                style={{ ...body, position: "absolute", [start(theme)]: 0, top: 0, width: 1.4 * em }}
              >
                {block.ordered ? `${(block.start ?? 1) + i}.` : "•"}
              </Text>
              <Text {...wholeWords(theme)} {...tag("LBody")} style={body}>
                <Runs runs={item} />
              </Text>
            </View>
          ))}
        </View>
      );
    case "aside": {
      // In the second language's own direction (a Dutch aside in an Arabic leaflet reads left to right).
      const own = withDirection(theme, block.direction);
      const indent = em;
      const border = 2;
      return (
        <View
          {...tag("Aside", { lang: block.language })}
          style={{
            direction: own.direction,
            marginTop: 0.3 * em,
            marginBottom: 0.75 * em,
            [side(own).paddingStart]: indent,
            [side(own).borderStartWidth]: border,
            [side(own).borderStartColor]: colour.rule,
          }}
        >
          <Blocks
            blocks={block.children}
            theme={own}
            width={width - indent - border}
            lead={
              <Text
                {...tag("P")}
                style={{ ...body, fontSize: font.small, fontWeight: 700, color: colour.text, marginBottom: 0.2 * em }}
              >
                {block.label}
              </Text>
            }
          />
        </View>
      );
    }
    case "callout": {
      const urgent = block.tone === "urgent";
      const padding = 0.85 * em;
      const border = urgent ? 2.5 : 1;
      // Kept on one page: an unbreakable block taller than the page makes react-pdf add pages without end
      // or draw its lines over each other, so a large-print list of warning signs is set in pieces that
      // may part between pages (CalloutInPieces.tsx).
      // In normal print too where keeping the box whole would leave the page before half empty
      // (calloutsInPieces.ts).
      const key = calloutKey(block);
      if ((theme.largePrint && urgent) || inPieces.has(key))
        return (
          <CalloutInPieces
            block={block}
            blocks={block.children}
            theme={theme}
            width={width}
            padding={padding}
            border={border}
            borderColour={colour.text}
            drawPiece={(piece, pieceWidth) => <Blocks blocks={piece} theme={theme} width={pieceWidth} />}
          />
        );
      return (
        <View
          {...tag("Sect")}
          wrap={false}
          {...{ [CALLOUT_KEY]: key }}
          style={{
            marginVertical: 0.55 * em,
            padding,
            backgroundColor: colour.accent,
            borderWidth: border,
            borderColor: urgent ? colour.text : colour.primary,
            borderRadius: 3,
          }}
        >
          <Blocks blocks={block.children} theme={theme} width={width - 2 * (padding + border)} />
        </View>
      );
    }
    case "facts":
      return <FactsTable items={block.items} theme={theme} width={width} />;
    case "contacts":
      return (
        <View style={{ marginTop: 2 }}>
          {block.items.map((c) => (
            <Text key={c.label} {...tag("P")} style={{ ...body, fontSize: font.h3 }}>
              {`${c.label}: `}
              <Text style={{ fontWeight: 700 }}>{isolate(c.number, theme)}</Text>
            </Text>
          ))}
        </View>
      );
    case "notes":
      return (
        <NotesSpace theme={theme} width={width}>
          <Blocks blocks={block.children} theme={theme} width={width} />
        </NotesSpace>
      );
    case "calendar":
      return <CalendarBlock block={block} theme={theme} />;
    case "table":
      return <TableBlock block={block} theme={theme} />;
    case "qr":
      return <QrBlock url={block.url} label={block.label} theme={theme} />;
    case "address":
      return (
        <View {...tag("P")} style={{ marginBottom: 0.3 * em }}>
          {addressLines(block.url, theme.page.contentWidth, font.small).map((line) => (
            <Text key={line} style={{ ...body, fontSize: font.small, ...addressStyle(theme) }}>
              {line}
            </Text>
          ))}
        </View>
      );
    case "fitLine": {
      const size = block.size ?? block.minSize;
      return (
        <View style={{ marginBottom: 0.3 * em }}>
          <Text {...tag("P")} style={{ ...body, fontSize: font.small }}>
            {block.label}
          </Text>
          <Text {...tag("P")} style={{ fontSize: size, fontWeight: 700, color: colour.text, lineHeight: 1.15 }}>
            {block.text}
          </Text>
        </View>
      );
    }
  }
}
