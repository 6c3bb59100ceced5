// One face of a wallet card: the brand's band (logo, organisation, title), extended into the bleed,
// and the face's blocks below it, set in the card theme.

import { Image, Text, View } from "@react-pdf/renderer";
import { logoImage } from "../../catalog/logoImages.ts";
import type { Block, CardFace, CardSecondLanguage, Inline } from "../../document/documentTypes.ts";
import { Blocks, Runs } from "../leaflet/Blocks.tsx";
import { tag } from "../tags/structureTag.ts";
import { inReadingOrder, side, type Theme, withDirection } from "../theme.ts";
import { BAND_HEIGHT, CARD_WIDTH, SAFE_MARGIN, SAFE_ZONE, type Slot } from "./cardGeometry.ts";

/** The band: its colour runs `bleed` past the trim on three sides; its one line of text (and the logo, no
 * taller than that line) starts inside the 3 mm safe zone. */
export function CardBand({
  face,
  theme,
  at,
  bleed,
  fixed = false,
}: {
  face: CardFace;
  theme: Theme;
  at: Slot;
  bleed: number;
  fixed?: boolean;
}) {
  const line = theme.font.small * 1.25;
  return (
    <>
      <View
        fixed={fixed}
        style={{
          position: "absolute",
          left: at.x - bleed,
          top: at.y - bleed,
          width: CARD_WIDTH + 2 * bleed,
          height: BAND_HEIGHT + bleed,
          backgroundColor: theme.colour.primary,
        }}
      />
      <View
        fixed={fixed}
        style={{
          position: "absolute",
          left: at.x + SAFE_MARGIN,
          top: at.y + SAFE_ZONE + 0.5,
          width: CARD_WIDTH - 2 * SAFE_MARGIN,
          height: line,
          flexDirection: "row",
          alignItems: "center",
        }}
      >
        {inReadingOrder(theme, [
          <Image
            key="logo"
            {...tag("Figure", { alt: face.band.organisation })}
            src={logoImage(theme.logoPath)}
            style={{ width: line, height: line, [side(theme).marginEnd]: 4 }}
          />,
          <Text
            key="title"
            {...tag("P")}
            // A set width: react-pdf lays text out at the width before a row shrinks it, and right-aligned
            // (right-to-left) text would run under the logo.
            style={{
              width: CARD_WIDTH - 2 * SAFE_MARGIN - line - 4,
              fontSize: theme.font.small,
              lineHeight: 1.25,
              color: theme.colour.onPrimary,
            }}
          >
            <Text style={{ fontWeight: 700 }}>{face.band.organisation}</Text>
            {`  ·  ${face.band.title}`}
          </Text>,
        ])}
      </View>
    </>
  );
}

/** The blocks of a face, in normal flow (so text that does not fit runs onto an extra page and is caught),
 * then the face's second language, if it has one. */
export function CardBody({ face, theme }: { face: CardFace; theme: Theme }) {
  return (
    <View {...tag("Sect")} style={{ width: theme.page.contentWidth }}>
      <Blocks blocks={face.blocks} theme={theme} />
      {face.second ? <SecondLanguage second={face.second} theme={theme} /> : null}
    </View>
  );
}

/** Type size of a face's second language: smaller than the card's body text, never below the 6.5 pt minimum. */
export const SECOND_LANGUAGE_SIZE = 6.5;

/** The second language below the face's own text: a thin rule, then one run-in paragraph — the language's
 * own name in bold, then each item or paragraph in turn, separated by bullets — in small type. Run in,
 * because a card has room for few lines: no indents and no half-empty last lines per item. One unbreakable
 * block, so on an ID-1 page it either fits whole or moves whole to an extra page (which fitSecondLanguage
 * detects); it is never cut. */
function SecondLanguage({ second, theme: cardTheme }: { second: CardSecondLanguage; theme: Theme }) {
  // The second language reads in its own direction (Dutch on an Arabic card reads left to right).
  const theme = withDirection(cardTheme, second.direction);
  const size = Math.max(SECOND_LANGUAGE_SIZE, theme.font.small);
  const { runIn, rest } = runInParts(second.blocks);
  const small: Theme = { ...theme, font: { ...theme.font, body: size, small: size } };
  return (
    <View
      {...tag("Aside", { lang: second.language })}
      wrap={false}
      style={{ marginTop: 1.5, paddingTop: 2, borderTopWidth: 0.5, borderTopColor: theme.colour.rule }}
    >
      <Text
        {...tag("P")}
        style={{
          fontSize: size,
          lineHeight: theme.font.lineHeight,
          color: theme.colour.text,
          direction: theme.direction,
          textAlign: theme.direction === "rtl" ? "right" : "left",
        }}
      >
        <Text style={{ fontWeight: 700 }}>{second.label}</Text>
        {runIn.map((runs, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are static for one render
          <Text key={i}>
            {i === 0 ? "  " : "  •  "}
            <Runs runs={runs} />
          </Text>
        ))}
      </Text>
      {rest.length > 0 ? <Blocks blocks={rest} theme={small} /> : null}
    </View>
  );
}

/** The texts that run in (list items, paragraphs, headings, in order) and the blocks that cannot. */
function runInParts(blocks: Block[]): { runIn: Inline[][]; rest: Block[] } {
  const runIn: Inline[][] = [];
  const rest: Block[] = [];
  for (const block of blocks) {
    if (block.type === "list") runIn.push(...block.items);
    else if (block.type === "paragraph" || block.type === "heading") runIn.push(block.text);
    else rest.push(block);
  }
  return { runIn, rest };
}

/** Padding around a face's blocks inside the trim: below the band, and the safe margin elsewhere. */
export const BODY_PADDING = { top: BAND_HEIGHT + 2.5, side: SAFE_MARGIN, bottom: SAFE_MARGIN - 2 };
