// One face of a wallet card: the brand's band (logo, organisation, title), extended into the bleed,
// and the face's blocks below it, set in the card theme.
import { Image, Text, View } from "@react-pdf/renderer";
import type { CardFace } from "../../document/documentTypes.ts";
import { Blocks } from "../Blocks.tsx";
import type { Theme } from "../theme.ts";
import { BAND_HEIGHT, CARD_WIDTH, SAFE_MARGIN, type Slot } from "./cardGeometry.ts";

/** The band: its colour runs `bleed` past the trim on three sides; its text stays inside the safe margin. */
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
  const logo = BAND_HEIGHT - 2 * 5;
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
          top: at.y,
          width: CARD_WIDTH - 2 * SAFE_MARGIN,
          height: BAND_HEIGHT,
          flexDirection: "row",
          alignItems: "center",
        }}
      >
        <Image src={theme.logoPath} style={{ width: logo, height: logo, marginRight: 4 }} />
        <View style={{ flexGrow: 1, flexShrink: 1 }}>
          <Text style={{ fontSize: theme.font.small, fontWeight: 700, color: theme.colour.onPrimary }}>
            {face.band.organisation}
          </Text>
          <Text style={{ fontSize: theme.font.small, color: theme.colour.onPrimary }}>{face.band.title}</Text>
        </View>
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
