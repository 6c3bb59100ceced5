// The card as one call, as the leaflet is (render/leaflet/renderLeaflet.tsx): its theme from the brand and
// the card's size, then one ID-1 card (with bleed, for a print shop) or the card on a sheet of paper for an
// office printer (A4 or Letter). The single card is always laid out: it decides whether a second language fits its back.
import type { Brand } from "../../catalog/loadBrand.ts";
import type { CardDoc } from "../../document/documentTypes.ts";
import type { CardFormat, PaperSize } from "../../order/documentOptions.ts";
import type { PdfMeta } from "../PdfDocument.tsx";
import { createCardTheme } from "../theme.ts";
import { BODY_PADDING } from "./CardFace.tsx";
import { CARD_HEIGHT, CARD_WIDTH, MM, sheetFor } from "./cardGeometry.ts";
import type { CardSecondLanguageResult } from "./fitSecondLanguage.tsx";
import { renderCard, renderCardSheets } from "./renderCardPdf.tsx";

export interface CardOptions {
  format?: CardFormat;
  /** The paper a sheet of cards is printed on (A4 holds 10 cards, Letter 8). */
  paper?: PaperSize;
  /** Bleed around a single ID-1 card, in millimetres (0: none). */
  bleedMm?: number;
}

export async function renderCardDocument(
  card: CardDoc,
  brand: Brand,
  options: CardOptions,
  meta: PdfMeta,
): Promise<{ bytes: Uint8Array; secondLanguage?: CardSecondLanguageResult }> {
  const theme = createCardTheme(
    brand,
    { width: CARD_WIDTH, height: CARD_HEIGHT, padding: BODY_PADDING.side },
    card.direction,
  );
  const single = await renderCard(card, theme, meta, (options.bleedMm ?? 0) * MM);
  const bytes =
    options.format === "sheet"
      ? await renderCardSheets([card], theme, meta, sheetFor(options.paper ?? "A4"))
      : single.bytes;
  return { bytes, ...(single.secondLanguage ? { secondLanguage: single.secondLanguage } : {}) };
}
