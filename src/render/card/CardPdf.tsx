// Wallet cards as react-pdf documents, in two formats:
// - id1: one ID-1 page per face (front, back) for card printers; with bleed, the page grows by the
//   bleed and a slug with crop marks. The faces flow, so text that does not fit makes an extra page.
// - sheet: A4 sheets of up to 10 cards, fronts on one page, mirrored backs on the next, crop marks in
//   the gaps, for cutting by hand.
import { Document, Page, View } from "@react-pdf/renderer";
import { InternalError } from "../../core/errors.ts";
import type { CardDoc, CardFace } from "../../document/documentTypes.ts";
import { PdfDocument, type PdfMeta } from "../PdfDocument.tsx";
import type { Theme } from "../theme.ts";
import { BODY_PADDING, CardBand, CardBody } from "./CardFace.tsx";
import { CropMarks, GAP_MARKS, SLUG_MARKS } from "./CropMarks.tsx";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardsPerSheet,
  SHEET,
  type SheetLayout,
  sheetSlot,
  singleCardPage,
} from "./cardGeometry.ts";

export function SingleCardPdf({
  card,
  theme,
  meta,
  bleed,
}: {
  card: CardDoc;
  theme: Theme;
  meta: PdfMeta;
  bleed: number;
}) {
  return (
    <PdfDocument info={card} meta={meta}>
      {[card.front, card.back].map((face, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: front and back
        <SingleCardPage key={i} face={face} theme={theme} bleed={bleed} />
      ))}
    </PdfDocument>
  );
}

/** One face alone on an ID-1 page without bleed, for measuring: the face fits if this is one page. */
export function FaceProbePdf({ face, theme }: { face: CardFace; theme: Theme }) {
  return (
    <Document>
      <SingleCardPage face={face} theme={theme} bleed={0} />
    </Document>
  );
}

/** One face on its own page: the card (plus bleed and slug with crop marks for a print shop). */
function SingleCardPage({ face, theme, bleed }: { face: CardFace; theme: Theme; bleed: number }) {
  const page = singleCardPage(bleed);
  return (
    <Page
      size={[page.width, page.height]}
      style={{
        fontFamily: theme.font.family,
        direction: theme.direction,
        paddingTop: page.trim.y + BODY_PADDING.top,
        paddingLeft: page.trim.x + BODY_PADDING.side,
        paddingRight: page.trim.x + BODY_PADDING.side,
        paddingBottom: page.trim.y + BODY_PADDING.bottom,
      }}
    >
      <CardBand face={face} theme={theme} at={page.trim} bleed={bleed} fixed />
      {bleed > 0 ? <CropMarks at={page.trim} bleed={bleed} size={SLUG_MARKS} fixed /> : null}
      <CardBody face={face} theme={theme} />
    </Page>
  );
}

/** Sheets of cards: `cards[i]` goes to slot i % n of sheet ⌊i / n⌋ (n cards a sheet: 10 on A4, 8 on
 * Letter); each sheet is a front page and a back page. */
export function CardSheetPdf({
  cards,
  theme,
  meta,
  layout = SHEET,
}: {
  cards: CardDoc[];
  theme: Theme;
  meta: PdfMeta;
  layout?: SheetLayout;
}) {
  const first = cards[0];
  if (!first) throw new InternalError("a card sheet without cards");
  const perSheet = cardsPerSheet(layout);
  const sheets = Array.from({ length: Math.ceil(cards.length / perSheet) }, (_, i) =>
    cards.slice(i * perSheet, (i + 1) * perSheet),
  );
  const sheetStyle = { fontFamily: theme.font.family, direction: theme.direction };
  return (
    <PdfDocument info={first} meta={meta}>
      {sheets.flatMap((sheet, s) =>
        (["front", "back"] as const).map((side) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sheets are positional
          <Page key={`${s}-${side}`} size={[layout.width, layout.height]} style={sheetStyle}>
            {sheet.map((card, i) => {
              const at = sheetSlot(i, side, layout);
              const face = card[side];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: slots are positional
                <View key={i} style={{ position: "absolute", left: 0, top: 0 }}>
                  <CardBand face={face} theme={theme} at={at} bleed={0} />
                  <CropMarks at={at} bleed={0} size={GAP_MARKS} />
                  <View
                    style={{
                      position: "absolute",
                      left: at.x,
                      top: at.y,
                      width: CARD_WIDTH,
                      height: CARD_HEIGHT,
                      paddingTop: BODY_PADDING.top,
                      paddingLeft: BODY_PADDING.side,
                      paddingRight: BODY_PADDING.side,
                      paddingBottom: BODY_PADDING.bottom,
                    }}
                  >
                    <CardBody face={face} theme={theme} />
                  </View>
                </View>
              );
            })}
          </Page>
        )),
      )}
    </PdfDocument>
  );
}
