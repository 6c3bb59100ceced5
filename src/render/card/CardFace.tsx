// One face of a wallet card: the brand's band (logo, organisation, title), extended into the bleed,
// and the face's blocks below it, set in the card theme.
import { Image, Text, View } from "@react-pdf/renderer";
import type { CardFace } from "../../document/documentTypes.ts";
import { Blocks } from "../Blocks.tsx";
import { inReadingOrder, side, type Theme } from "../theme.ts";
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
          <Image key="logo" src={theme.logoPath} style={{ width: line, height: line, [side(theme).marginEnd]: 4 }} />,
          <Text
            key="title"
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

/** The blocks of a face, in normal flow (so text that does not fit runs onto an extra page and is caught). */
export function CardBody({ face, theme }: { face: CardFace; theme: Theme }) {
  return (
    <View style={{ width: theme.page.contentWidth }}>
      <Blocks blocks={face.blocks} theme={theme} />
    </View>
  );
}

/** Padding around a face's blocks inside the trim: below the band, and the safe margin elsewhere. */
export const BODY_PADDING = { top: BAND_HEIGHT + 2.5, side: SAFE_MARGIN, bottom: SAFE_MARGIN - 2 };
